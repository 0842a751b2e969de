# External entities are never loaded: a SYSTEM entity naming a local file
# (here secret.txt and /etc/passwd) stays a placeholder.
. ./lib.sh
SOURCE_DATE_EPOCH=0 traduki extract --source-lang=fr xxe.xml >"$tmp/out" 2>"$tmp/err"
rc=$?
no_secret "$tmp/out" "$tmp/err"
grep -q '^root:' "$tmp/out" "$tmp/err" && echo "LEAKED: /etc/passwd" >&2
tail -n 3 "$tmp/out"; cat "$tmp/err" >&2
exit $rc
