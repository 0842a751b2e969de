traduki check --only=plural-forms plural-bad.po plural-missing.po
