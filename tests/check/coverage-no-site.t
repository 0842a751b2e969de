traduki check --skip=numbers,same-as-source coverage-nl.po coverage-en.po
