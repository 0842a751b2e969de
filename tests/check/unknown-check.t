traduki check --skip=numbers,nope coverage-en.po
