# traduki build --site: the output folder cannot be written.
. ./lib.sh
mkdir "$tmp/public" && chmod 555 "$tmp/public"
as_user ${TRADUKI_WRAPPER:-} "$TRADUKI" build -q --site=../site/xml/fr/site.xml --xml=../site/xml \
	--templates="$top_srcdir/templates" -o "$tmp/public"
rc=$?
chmod 755 "$tmp/public"
ls -A "$tmp/public"
exit $rc
