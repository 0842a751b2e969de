traduki check --only=typography typography-nl-bad.po
