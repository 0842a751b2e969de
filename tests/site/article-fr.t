# A source article: published in every language, the editor's note left out.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/fr/news/formation-managers-accor.html"
