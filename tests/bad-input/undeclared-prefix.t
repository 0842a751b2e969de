. ./lib.sh
keep "$tmp/content.pot"
traduki extract -o "$tmp/content.pot" prefix.xml
rc=$?
kept "$tmp/content.pot"
no_leftovers "$tmp"
exit $rc
