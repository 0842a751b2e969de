# The external DTD is not read: the entity it declares stays a reference.
. ./lib.sh
SOURCE_DATE_EPOCH=0 traduki extract --source-lang=fr xxe-dtd.xml >"$tmp/out" 2>"$tmp/err"
rc=$?
no_secret "$tmp/out" "$tmp/err"
tail -n 3 "$tmp/out"; cat "$tmp/err" >&2
exit $rc
