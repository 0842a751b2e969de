traduki check --only=consistency coverage-nl.po
