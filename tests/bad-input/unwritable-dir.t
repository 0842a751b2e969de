# The output folder cannot be written: nothing is written, the old
# template stays, no temporary file is left.
. ./lib.sh
mkdir "$tmp/po" && keep "$tmp/po/content.pot" && chmod 555 "$tmp/po"
as_user ${TRADUKI_WRAPPER:-} "$TRADUKI" extract -o "$tmp/po/content.pot" article.xml
rc=$?
chmod 755 "$tmp/po"
kept "$tmp/po/content.pot"
no_leftovers "$tmp/po"
exit $rc
