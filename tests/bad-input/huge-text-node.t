. ./lib.sh
# A text node of 50 MB.
{
	printf '<p>'
	head -c 52428800 /dev/zero | tr '\0' 'a'
	printf '</p>\n'
} >"$tmp/huge.xml"
guarded "$tmp/content.pot" traduki extract -o "$tmp/content.pot" "$tmp/huge.xml"
