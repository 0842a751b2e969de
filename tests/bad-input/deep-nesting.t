. ./lib.sh
keep "$tmp/content.pot"
# 100,000 levels of nesting.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<em>"; printf "x";
	for (i = 0; i < 100000; i++) printf "</em>"; print "" }' >"$tmp/deep.xml"
traduki extract -o "$tmp/content.pot" "$tmp/deep.xml"
rc=$?
kept "$tmp/content.pot"
no_leftovers "$tmp"
exit $rc
