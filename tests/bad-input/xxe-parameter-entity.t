. ./lib.sh
traduki extract xxe-parameter.xml >"$tmp/out" 2>"$tmp/err"
rc=$?
no_secret "$tmp/out" "$tmp/err"
cat "$tmp/out"; cat "$tmp/err" >&2
exit $rc
