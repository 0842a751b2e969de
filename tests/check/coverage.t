traduki check --site=site.xml --files --sources=. coverage-nl.po coverage-en.po
