# A manifest in the wrong folder.
mkdir -p "$tmp/xml" && cp -r xml/fr xml/nl "$tmp/xml" && chmod -R u+w "$tmp/xml" &&
sed -i 's/lang="nl"/lang="en"/' "$tmp/xml/nl/manifest.xml" &&
traduki build --site=xml/fr/site.xml --xml="$tmp/xml" --templates="$top_srcdir/templates" -o "$tmp/public"
