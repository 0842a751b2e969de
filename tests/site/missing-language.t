# A language without localized XML.
traduki build --site=xml/fr/site.xml --xml=xml --languages=de,en --templates="$top_srcdir/templates" -o "$tmp/public"
