. ./lib.sh
cp article.xml "$tmp/article.xml" && chmod 000 "$tmp/article.xml"
keep "$tmp/content.pot"
as_user ${TRADUKI_WRAPPER:-} "$TRADUKI" extract -o "$tmp/content.pot" "$tmp/article.xml"
rc=$?
kept "$tmp/content.pot"
no_leftovers "$tmp"
exit $rc
