traduki check --html=$tmp/status.html --link-base=https://git.example.org/site/blob/main/ --site=site.xml coverage-nl.po coverage-en.po >/dev/null; echo "rc=$?"; cat $tmp/status.html
