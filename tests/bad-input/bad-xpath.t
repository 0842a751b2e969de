. ./lib.sh
keep "$tmp/content.pot"
traduki extract --its=bad-xpath.its -o "$tmp/content.pot" article.xml
rc=$?
kept "$tmp/content.pot"
no_leftovers "$tmp"
exit $rc
