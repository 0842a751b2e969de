# The English Atom feed: dates of the articles, never of the build.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/en/feed.xml"
