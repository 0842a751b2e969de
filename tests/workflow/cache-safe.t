# The caches of make translate (.traduki-cache/) never give a stale
# output.  A person edits an article and a catalog by hand, in place,
# keeping their size and their modification time (only the change time
# tells); two
# make -j2 translate share the tree after an edit; a pack of the caches is
# damaged, another emptied.  After each, make translate writes what a
# clean run writes.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
article=$site/content/fr/formation-managers-accor.xml
catalog=$site/po/nl.po
# in place (the same file, as an editor that does not replace it saves),
# at an offset found by grep -b
before=$(stat -c %i.%s.%Y "$article" "$catalog") &&
	cp -p "$article" "$tmp/article" && cp -p "$catalog" "$tmp/catalog" &&
	at=$(grep -b -o 'Objectif' "$article" | head -n 1 | cut -d: -f1) &&
	printf 'Objektif' | dd of="$article" bs=1 seek="$at" conv=notrunc 2>/dev/null &&
	at=$(grep -b -o 'msgstr "in noodgevallen' "$catalog" | head -n 1 | cut -d: -f1) &&
	printf 'msgstr "In' | dd of="$catalog" bs=1 seek="$at" conv=notrunc 2>/dev/null &&
	touch -r "$tmp/article" "$article" && touch -r "$tmp/catalog" "$catalog" || exit 99
[ "$(stat -c %i.%s.%Y "$article" "$catalog")" = "$before" ] &&
	! cmp -s "$article" "$tmp/article" && ! cmp -s "$catalog" "$tmp/catalog" &&
	echo "edited by hand: same files, sizes and times"
# make goes by the times: another article, touched, has it run every step.
touch "$site/content/fr/trois-ans-dont-look-away.xml"
copy_sources
pipeline translate >"$tmp/log" 2>&1
status=$?
same_as_clean && echo "after edits by hand: as a clean run"

sed -i 's|</title>| (mise à jour)</title>|' "$article"
copy_sources
pipeline -j2 translate >"$tmp/log-a" 2>&1 &
a=$!
pipeline -j2 translate >"$tmp/log-b" 2>&1 &
b=$!
wait $a
ra=$?
wait $b
echo "two make -j2 at once: $ra $?"
sed -i 's|sur le terrain|sur place|' "$article"
sed -i 's|</summary>| Encore.</summary>|' "$site/content/fr/trois-ans-dont-look-away.xml"
pipeline translate >"$tmp/log" 2>&1
status=$?
rm -rf "$tmp/clean/site" && cp -R "$site" "$tmp/clean/site" && rm -rf "$tmp/clean/out"/* || exit 99
same_as_clean && echo "after two runs at once and another edit: as a clean run"

ls "$out/.traduki-cache"
for pack in "$out"/.traduki-cache/*; do
	size=$(stat -c %s "$pack")
	printf 'damaged' | dd of="$pack" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
done
: >"$out/.traduki-cache/site"
sed -i 's|</title>| (encore)</title>|' "$article"
copy_sources
pipeline translate >"$tmp/log" 2>&1
status=$?
same_as_clean && echo "after damaged caches: as a clean run"
