traduki help nope
