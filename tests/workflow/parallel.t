# Two make -j2 translate at once, on the same content and outputs, after
# an article changed (so the template and both catalogs change): both
# succeed, and the catalogs, the localized XML and the site are what a
# single run writes; the catalogs pass msgfmt -c.
. ./setup.sh
sed -i 's|</title>| (mise à jour)</title>|' "$site/content/fr/formation-managers-accor.xml"
cp -R "$site" "$tmp/single" && mkdir "$tmp/single-out" || exit 1
pipeline -j2 translate >"$tmp/log-a" 2>&1 &
a=$!
pipeline -j2 translate >"$tmp/log-b" 2>&1 &
b=$!
wait $a
ra=$?
wait $b
echo "exit statuses: $ra $?"
pipeline -C "$tmp/single-out" srcdir="$tmp/single" translate >"$tmp/log-single" 2>&1 || cat "$tmp/log-single"
for f in content.pot en.po nl.po; do
	cmp "$site/po/$f" "$tmp/single/po/$f" && echo "po/$f: as a single run writes it"
done
for f in en.po nl.po; do
	msgfmt -c -o /dev/null "$site/po/$f" && echo "po/$f: msgfmt -c passes"
done
grep -c 'mise à jour' "$site/po/content.pot"
diff -r "$out/xml" "$tmp/single-out/xml" && echo "xml/: as a single run writes it"
# (The list of the site's files differs in the digests of the images
# only, which count their times: cp gave the copies new ones.)
diff -r -x status -x .traduki-files "$out/public" "$tmp/single-out/public" &&
	cut -f1 "$out/public/.traduki-files" >"$tmp/list-a" &&
	cut -f1 "$tmp/single-out/public/.traduki-files" >"$tmp/list-b" &&
	cmp "$tmp/list-a" "$tmp/list-b" && echo "public/: as a single run writes it"
ls -a "$out/.stamps"
