# An ITS rules file with an external entity: not loaded.
. ./lib.sh
SOURCE_DATE_EPOCH=0 traduki extract --its=xxe.its article.xml >"$tmp/out" 2>"$tmp/err"
rc=$?
no_secret "$tmp/out" "$tmp/err"
sed -n '/^#[.:]/,$p' "$tmp/out"; cat "$tmp/err" >&2
exit $rc
