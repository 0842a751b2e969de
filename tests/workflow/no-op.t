# make translate on the bundled content: the catalogs and the template
# come out as they went in; a second run runs no stage, prints nothing
# and touches no file.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
for f in po/content.pot po/en.po po/nl.po; do
	cmp "$top_srcdir/$f" "$site/$f" && echo "$f: unchanged"
done
ls "$out" "$out/public"
snapshot "$site" "$out" >"$tmp/before"
pipeline translate >"$tmp/log2" 2>&1 || { cat "$tmp/log2"; exit 1; }
snapshot "$site" "$out" >"$tmp/after"
cmp "$tmp/before" "$tmp/after" && echo "second run: no file touched"
test -s "$tmp/log2" && cat "$tmp/log2" || echo "second run: nothing printed"
