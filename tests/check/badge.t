traduki check --badge=$tmp/badges --site=site.xml coverage-nl.po coverage-en.po >/dev/null; echo "rc=$?"; ls $tmp/badges; cat $tmp/badges/nl.svg $tmp/badges/en.svg
