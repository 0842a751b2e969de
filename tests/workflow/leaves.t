# An article published in English stays online when small French edits
# make a few of its passages outdated (below the 80% gate, above the keep
# margin): its page shows them in French with the "outdated" notice.  When
# most of it changes, it leaves English with a line that says so, and its
# English address leads to the versions that exist; it leaves the English
# lists, the feed and the sitemap.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
a=formation-managers-accor
f=$site/content/fr/$a.xml
entry() { grep -o "id=\"$a\"[^>]*" "$out/xml/en/manifest.xml" | grep -o 'coverage="[^"]*"\|fuzzy="[^"]*"\|published="[^"]*"' | tr '\n' ' '; echo; }
echo "before: $(entry)"
sed -i 's|Un an plus tard|Une année plus tard|; s|Les managers formés pourront|Les managers formés pourront ensuite|' "$f"
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
echo "two small edits: $(entry)"
grep -c ' leaves en:' "$tmp/log" | sed 's/^/lines about leaving: /'
sed -n 's|.*<p class="notice"[^>]*>\(.*\)|\1|p' "$out/public/en/news/$a.html" | sed 's|</p>.*||; s|<[^>]*>||g'
sed -i 's|<p>\([A-Z]\)|<p>Selon nous, \1|' "$f"
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
echo "most of it rewritten: $(entry)"
grep ' leaves ' "$tmp/log"
sed -n '/<main/,/<\/main>/p' "$out/public/en/news/$a.html" >"$tmp/main"
sed -n 's/.*<h1[^>]*>\([^<]*\)<\/h1>.*/\1/p' "$tmp/main"
grep -o "href=\"[^\"]*news/$a.html\" hreflang=\"[a-z]*\"" "$tmp/main" | grep -v "hreflang=\"en\""
grep -o '<meta name="robots"[^>]*>' "$out/public/en/news/$a.html"
for p in en/index.html en/news.html en/feed.xml sitemap.xml fr/news/$a.html; do
	grep -q "en/news/$a.html" "$out/public/$p" && echo "$p links to the English page" || echo "$p: no link to it"
done
