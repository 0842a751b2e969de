. ./lib.sh
keep "$tmp/content.pot"
# One entity of 20 kB referenced 5,000 times: 100 MB from a 100 kB file
# (libxml2 does not expand it; traduki would, for the message).
{
	printf '<!DOCTYPE p [<!ENTITY a "'
	i=0; while [ $i -lt 200 ]; do printf '%0100d' 0; i=$((i + 1)); done
	printf '">]>\n<p>'
	i=0; while [ $i -lt 5000 ]; do printf '&a;'; i=$((i + 1)); done
	printf '</p>\n'
} >"$tmp/quadratic.xml"
traduki extract -o "$tmp/content.pot" "$tmp/quadratic.xml"
rc=$?
kept "$tmp/content.pot"
no_leftovers "$tmp"
exit $rc
