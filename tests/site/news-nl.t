# Every article published in Dutch, newest first; the unpublished one is absent.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/nl/news.html"
