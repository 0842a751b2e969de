traduki check --strict --min-coverage=0 coverage-nl.po
