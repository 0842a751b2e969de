traduki check --list=fuzzy,done coverage-nl.po
