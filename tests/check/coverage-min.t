traduki check --site=site.xml --min-coverage=60 coverage-nl.po coverage-en.po
