# An output that is a named pipe is written into, not replaced by a
# regular file (nor opened to read an old template, which would wait
# for a writer forever).
command -v timeout >/dev/null 2>&1 || skip "no timeout command"
mkfifo "$tmp/content.pot" || skip "cannot make a named pipe here"
timeout 20 cat "$tmp/content.pot" >"$tmp/got" &
SOURCE_DATE_EPOCH=0 timeout 20 ${TRADUKI_WRAPPER:-} "$TRADUKI" extract -o "$tmp/content.pot" article.xml
rc=$?
wait
test -p "$tmp/content.pot" || echo "DAMAGED: the pipe was replaced" >&2
grep -c '^msgid' "$tmp/got"
rm -f "$tmp/content.pot" # no pipe left for a tool that reads the tree
exit $rc
