# A template with an XPath error: its file and line.
cp -r "$top_srcdir/templates" "$tmp/templates" && chmod -R u+w "$tmp/templates" &&
sed -i 's|select="t:language-name(@lang)"|select="t:language-name(@lang"|' "$tmp/templates/layout.xsl" &&
traduki build --site=xml/fr/site.xml --xml=xml --templates="$tmp/templates" -o "$tmp/public"
