# A DTD and an entity on the network: no connection is even attempted
# (the system calls are traced).
command -v strace >/dev/null 2>&1 || skip "no strace"
strace -f -qq -e trace=socket,connect -o "$tmp/trace" true 2>/dev/null || skip "strace cannot trace here"
# LeakSanitizer cannot run under ptrace.
ASAN_OPTIONS=detect_leaks=0 SOURCE_DATE_EPOCH=0 strace -f -qq -e trace=socket,connect \
	-o "$tmp/trace" "$TRADUKI" extract --source-lang=fr network.xml >"$tmp/out"
rc=$?
test -s "$tmp/trace" && { echo "NETWORK:" >&2; cat "$tmp/trace" >&2; }
tail -n 3 "$tmp/out"
exit $rc
