# Sitemap with xhtml:link alternates for every published version.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/sitemap.xml"
