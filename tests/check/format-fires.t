traduki check --only=format format-bad.po
