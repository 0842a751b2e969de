# When an article leaves a language (its French text grew past what is
# translated), make translate remakes the pages of its tags and the lists,
# and not the pages of other tags: a mark put by hand in one stays
# (doc/site.md, "Incremental builds").  The article's page becomes the one
# that says it is not published.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
other=$(cd "$out/public/en/tags" && grep -L 'formation-managers-accor' *.html | head -n 1)
[ -n "$other" ] || exit 99
echo '<!-- by hand -->' >>"$out/public/en/tags/$other"
grep -c 'formation-managers-accor' "$out/public/en/tags/tourism.html"
for n in 1 2 3 4 5 6 7 8 9 10 11 12; do
	sed -i "s|</body>|<p>Le paragraphe $n, ajouté et que personne n’a encore traduit, assez long pour que la traduction anglaise ne passe plus le seuil de publication.</p></body>|" \
		"$site/content/fr/formation-managers-accor.xml"
done
pipeline translate >"$tmp/log" 2>&1
grep -o 'formation-managers-accor" [^>]*published="[a-z]*"' "$out/xml/en/manifest.xml" | sed 's/ .* published/ published/'
grep -c 'formation-managers-accor' "$out/public/en/tags/tourism.html"
grep -c 'class="unavailable"' "$out/public/en/news/formation-managers-accor.html"
tail -n 1 "$out/public/en/tags/$other"
