traduki check --only=numbers numbers-bad.po
