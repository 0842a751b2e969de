# The site made by several processes (build --site --jobs) is the site
# made by one, file for file, the list of files and digests included.
cd ../site || exit 1
traduki build -q --jobs=3 --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/three" &&
	traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/one" &&
	diff -r "$tmp/one" "$tmp/three" && echo "the same $(find "$tmp/one" -type f | wc -l) files"
traduki build --jobs=-1 --site=xml/fr/site.xml --xml=xml -o "$tmp/x"; echo "exit $?"
