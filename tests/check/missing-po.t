traduki check missing.po coverage-en.po
