traduki check --badge=coverage-en.po/x coverage-en.po
