. ./lib.sh
cp article.xml "$tmp/article.xml" && chmod 000 "$tmp/article.xml"
guarded "$tmp/content.pot" as_user ${TRADUKI_WRAPPER:-} "$TRADUKI" extract -o "$tmp/content.pot" "$tmp/article.xml"
