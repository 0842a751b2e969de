# traduki check: the report, the status page and the badges cannot be written.
. ./lib.sh
mkdir "$tmp/out" && keep "$tmp/out/report.json" && chmod 555 "$tmp/out"
as_user ${TRADUKI_WRAPPER:-} "$TRADUKI" check --format=json -o "$tmp/out/report.json" --html="$tmp/out/status.html" \
	--badge="$tmp/out/badges" latin1.po
rc=$?
chmod 755 "$tmp/out"
kept "$tmp/out/report.json"
no_leftovers "$tmp/out"
ls "$tmp/out"
exit $rc
