# The whole fixture site: every file, and the summary line.
traduki build --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cd "$tmp/public" && find . -type f | LC_ALL=C sort
