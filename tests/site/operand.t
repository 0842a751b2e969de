traduki build --site=xml/fr/site.xml -o "$tmp/public" xml/fr/formation-managers-accor.xml
