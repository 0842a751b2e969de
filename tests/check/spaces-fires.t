traduki check --only=spaces spaces-bad.po
