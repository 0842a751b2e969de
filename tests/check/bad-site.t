traduki check --site=coverage-en.po coverage-en.po
