# A date that is not one: the manifest that holds it is named, at its line.
mkdir -p "$tmp/xml" && cp -r xml/fr xml/en "$tmp/xml" && cp -r "$top_srcdir/templates" "$tmp" &&
chmod -R u+w "$tmp" && sed -i 's/date="2015-10-06"/date="2015-13-06"/' "$tmp/xml/en/manifest.xml" &&
traduki build --site=xml/fr/site.xml --xml="$tmp/xml" --templates="$tmp/templates" --static=images -o "$tmp/public"
