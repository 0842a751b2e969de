traduki check --min-coverage=120 coverage-en.po
