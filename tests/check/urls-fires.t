traduki check --only=urls urls-bad.po
