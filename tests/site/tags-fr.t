# Tags in French collation order (étude between campagne and formation), counts.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/fr/tags.html"
