traduki build --site=xml/fr/site.xml --xml=xml --templates="$tmp/none" -o "$tmp/public"
