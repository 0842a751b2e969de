# A language's locale (content/site.xml's <language locale="en-GB"/>)
# gives its pages British dates through ICU; without it, the language's
# own (en: US English).  A changed locale makes the pages again.
cp -R xml "$tmp/xml" &&
traduki build -q --site="$tmp/xml/fr/site.xml" --xml="$tmp/xml" --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
grep -o '<time datetime="[^"]*">[^<]*</time>' "$tmp/public/en/news/formation-managers-accor.html" | head -n 1
sed -i 's|<language code="en" threshold="80"/>|<language code="en" threshold="80" locale="en-GB"/>|' "$tmp/xml/fr/site.xml" &&
traduki build -q --site="$tmp/xml/fr/site.xml" --xml="$tmp/xml" --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
grep -o '<time datetime="[^"]*">[^<]*</time>' "$tmp/public/en/news/formation-managers-accor.html" "$tmp/public/nl/news/formation-managers-accor.html" | sed 's|^.*/public/||' | head -n 2
