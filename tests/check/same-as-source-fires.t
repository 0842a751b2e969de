traduki check --only=same-as-source same-bad.po
