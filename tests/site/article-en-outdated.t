# Fuzzy and fallback segments: both notices, French paragraphs in lang=fr.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/en/news/campagne-i-say-stop-sur-les-routes.html"
