traduki check --only=unicode unicode-bad.po
