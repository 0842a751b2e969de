traduki help
