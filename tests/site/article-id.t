# The localized article must be the one its manifest entry names.
mkdir -p "$tmp/xml" && cp -r xml/fr xml/en "$tmp/xml" && chmod -R u+w "$tmp/xml" &&
sed -i 's|id="formation-managers-accor"|id="another-article"|' "$tmp/xml/en/formation-managers-accor.xml" &&
traduki build --site=xml/fr/site.xml --xml="$tmp/xml" --templates="$top_srcdir/templates" -o "$tmp/public"
