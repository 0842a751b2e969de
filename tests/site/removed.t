# Files of the previous build that the new plan has not are removed (here
# the Arabic and Dutch pages, when only English is built besides French);
# a file the build did not write is left alone.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
echo keep >"$tmp/public/robots.txt" &&
traduki build --site=xml/fr/site.xml --xml=xml --languages=en --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cd "$tmp/public" && ls && ! grep -q hreflang=.nl sitemap.xml && echo "no Dutch alternates left"
