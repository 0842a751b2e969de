# A manifest cannot make the site read or write outside its folders.
mkdir -p "$tmp/xml" && cp -r xml/fr xml/en "$tmp/xml" && chmod -R u+w "$tmp/xml" &&
sed -i 's|file="formation-managers-accor.xml"|file="../../../etc/passwd"|' "$tmp/xml/en/manifest.xml" &&
traduki build --site=xml/fr/site.xml --xml="$tmp/xml" --templates="$top_srcdir/templates" -o "$tmp/public"
