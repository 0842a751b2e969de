. ./lib.sh
# 100,000 levels of nesting.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<em>"; printf "x";
	for (i = 0; i < 100000; i++) printf "</em>"; print "" }' >"$tmp/deep.xml"
guarded "$tmp/content.pot" traduki extract -o "$tmp/content.pot" "$tmp/deep.xml"
