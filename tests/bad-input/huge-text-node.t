. ./lib.sh
keep "$tmp/content.pot"
# A text node of 50 MB.
{
	printf '<p>'
	head -c 52428800 /dev/zero | tr '\0' 'a'
	printf '</p>\n'
} >"$tmp/huge.xml"
traduki extract -o "$tmp/content.pot" "$tmp/huge.xml"
rc=$?
kept "$tmp/content.pot"
no_leftovers "$tmp"
exit $rc
