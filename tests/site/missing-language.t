# A language of the site named on the command line whose localized XML
# is missing is an error; one the site does not list is in preparation,
# left out with a note.
mkdir -p "$tmp/xml" && cp -r xml/fr xml/en "$tmp/xml" && chmod -R u+w "$tmp/xml" &&
traduki build --site=xml/fr/site.xml --xml="$tmp/xml" --languages=de,en,nl --templates="$top_srcdir/templates" --static=images -o "$tmp/public"
