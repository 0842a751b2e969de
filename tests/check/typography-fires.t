traduki check --only=typography typography-bad.po
