traduki check --format=yaml coverage-en.po
