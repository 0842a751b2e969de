# With --cache, a build reads again only the articles that changed and
# keeps the plan: after a title, a paragraph, a count, a publication and
# a tag changed, and after the cache was damaged, the site is byte for
# byte the one a build without a cache writes.
cp -R xml "$tmp/xml" && chmod -R u+w "$tmp/xml" &&
site() { traduki build -q --site="$tmp/xml/fr/site.xml" --xml="$tmp/xml" --templates="$top_srcdir/templates" --static=images "$@"; } &&
same() { rm -rf "$tmp/clean" && site -o "$tmp/clean" && diff -r -x .traduki-files "$tmp/public" "$tmp/clean" && echo "$1: as without a cache"; } &&
site --cache="$tmp/cache" -o "$tmp/public" && same "first build" &&
sed -i 's|</title>| (bis)</title>|' "$tmp/xml/en/formation-managers-accor.xml" &&
site --cache="$tmp/cache" -o "$tmp/public" && same "a title" &&
sed -i 's|</p>| Encore.</p>|' "$tmp/xml/fr/formation-managers-accor.xml" &&
site --cache="$tmp/cache" -o "$tmp/public" && same "a paragraph" &&
sed -i 's|translated="110" coverage="100"|translated="100" coverage="91"|' "$tmp/xml/nl/manifest.xml" &&
site --cache="$tmp/cache" -o "$tmp/public" && same "a count" &&
sed -i 's|fallback="7" published="no"|fallback="7" published="yes"|' "$tmp/xml/nl/manifest.xml" &&
site --cache="$tmp/cache" -o "$tmp/public" && same "a publication" &&
sed -i '0,/<\/tags>/s|</tags>|<tag>nouveau</tag></tags>|' "$tmp/xml/fr/formation-managers-accor.xml" &&
site --cache="$tmp/cache" -o "$tmp/public" && same "a tag" &&
printf 'x' | dd of="$tmp/cache" bs=1 seek=100 conv=notrunc 2>/dev/null &&
sed -i 's|(bis)|(ter)|' "$tmp/xml/en/formation-managers-accor.xml" &&
site --cache="$tmp/cache" -o "$tmp/public" && same "a damaged cache"
