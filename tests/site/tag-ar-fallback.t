# A tag that fell back to French on an Arabic page.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/ar/tags/secteur-prive.html"
