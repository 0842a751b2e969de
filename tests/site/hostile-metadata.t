# Translated text reaches the head of the page too (description, Open
# Graph and Twitter tags, schema.org data), the lists (alternative text
# of the pictures), the notice, the mark of a French passage and the
# footer: each is text, escaped where it lands.  In the JSON-LD of the
# <script> element no "<" can appear, so nothing closes it: </script> is
# \u003c/script\u003e there.  Every line that holds an attack is shown.
mkdir -p "$tmp/xml" && cp -r xml/fr xml/en "$tmp/xml" && chmod -R u+w "$tmp/xml" &&
attack='\&lt;/script\&gt;\&lt;script\&gt;alert(1)\&lt;/script\&gt;\&lt;!-- \&quot;x\&quot; onerror=alert(2) \&amp;amp; \\u2028'
sed -i -e "s|<title>ACCOR managers|<title>$attack ACCOR managers|" \
	-e "s|<summary>In September|<summary>$attack In September|" \
	-e "s|alt=\"Hotel managers|alt=\"$attack Hotel managers|" "$tmp/xml/en/formation-managers-accor.xml" &&
sed -i -e "s|<name>ECPAT Belgium|<name>$attack ECPAT Belgium|" \
	-e "s|<text id=\"fallback\">|<text id=\"fallback\">$attack |" \
	-e "s|<text id=\"fallback-mark\">|<text id=\"fallback-mark\">$attack |" \
	-e "s|<text id=\"address\">|<text id=\"address\">$attack |" \
	-e "s|<text id=\"donate\">|<text id=\"donate\">$attack |" "$tmp/xml/en/site.xml" &&
sed -i 's|<p>The sessions covered:</p>|<p xml:lang="fr">Les sessions :</p>|' "$tmp/xml/en/formation-managers-accor.xml" &&
sed -i 's|fallback="0" published="yes"/>|fallback="1" published="yes"/>|' "$tmp/xml/en/manifest.xml" &&
traduki build -q --site=xml/fr/site.xml --xml="$tmp/xml" --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
for page in en/news/formation-managers-accor.html en/index.html; do
	echo "$page:"
	grep -n 'alert' "$tmp/public/$page" | cut -c1-150
	echo "script elements: $(grep -o '<script[^>]*>' "$tmp/public/$page" | sort | uniq -c | tr -s ' ')"
	echo "closing script tags: $(grep -o '</script>' "$tmp/public/$page" | wc -l)"
done
# The data is JSON still, and gives back the text as it was translated.
python3 -c '
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
data = json.loads(re.search(r"<script type=\"application/ld\+json\">(.*?)</script>", page, re.S).group(1))
print("headline:", data["headline"])' "$tmp/public/en/news/formation-managers-accor.html"
