traduki check --only=same-as-source same-good.po
