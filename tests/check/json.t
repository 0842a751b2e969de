traduki check --format=json --site=site.xml --sources=. coverage-nl.po coverage-en.po
