. ./lib.sh
keep "$tmp/content.pot"
# The same blowup inside a translatable attribute (alt).
{
	printf '<!DOCTYPE article [<!ENTITY a "'
	i=0; while [ $i -lt 200 ]; do printf '%0100d' 0; i=$((i + 1)); done
	printf '">]>\n<article><image alt="'
	i=0; while [ $i -lt 5000 ]; do printf '&a;'; i=$((i + 1)); done
	printf '"/></article>\n'
} >"$tmp/quadratic.xml"
traduki extract --its=../../content/article.its -o "$tmp/content.pot" "$tmp/quadratic.xml"
rc=$?
kept "$tmp/content.pot"
no_leftovers "$tmp"
exit $rc
