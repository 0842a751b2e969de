traduki build --site=xml/fr/site.xml
