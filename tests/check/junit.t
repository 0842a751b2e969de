traduki check --format=junit --site=site.xml --skip=length coverage-nl.po coverage-en.po
