# A tag page: its versions are the same tag of the same article elsewhere.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/en/tags/tourism.html"
