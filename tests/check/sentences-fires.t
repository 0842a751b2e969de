traduki check --only=sentences sentences-bad.po
