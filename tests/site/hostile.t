# Translations are untrusted: markup in their text is escaped, an unknown
# element gives only its text, a javascript: link loses its address.
mkdir -p "$tmp/xml" && cp -r xml/fr xml/en "$tmp/xml" && chmod -R u+w "$tmp/xml" &&
sed -i 's|<p>The sessions covered:</p>|<p>\&lt;script\&gt;alert(1)\&lt;/script\&gt; <a href="javascript:alert(2)">click</a> <a href=" JavaScript:alert(3)">me</a> <script>alert(4)</script><img src="x" onerror="alert(5)"/> "quoted" \&amp; done</p>|' "$tmp/xml/en/formation-managers-accor.xml" &&
traduki build -q --site=xml/fr/site.xml --xml="$tmp/xml" --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
grep -n 'alert' "$tmp/public/en/news/formation-managers-accor.html"
