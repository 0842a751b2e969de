# build --site --static=DIR copies DIR under its own name, folders below it
# included, hidden files left out, a name that is not a plain one left out
# with a warning; a file gone from DIR goes from the site.
mkdir -p "$tmp/images/maps" && cd "$tmp" &&
	echo a >images/a.jpg && echo b >"images/b c.jpg" && echo h >images/.hidden &&
	echo m >images/maps/belgium.png &&
	cp "$top_srcdir/tests/site/images/"*.jpg images/ || exit 1
cd "$top_srcdir/tests/site" || exit 1
traduki build -q --static="$tmp/images/" --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" -o "$tmp/public"
cd "$tmp/public" && find images -type f | LC_ALL=C sort && grep '^images/' .traduki-files | cut -f1
rm "$tmp/images/a.jpg" "$tmp/images/b c.jpg"
cd "$top_srcdir/tests/site" &&
	traduki build --static="$tmp/images" --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" -o "$tmp/public"
find "$tmp/public/images" -type f
