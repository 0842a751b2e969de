traduki check --format=json coverage-en.po >/dev/full
