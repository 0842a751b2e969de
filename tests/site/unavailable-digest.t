# The page that says an article is not published in a language is made of
# that article's versions (doc/site.md, "Incremental builds"): another
# article leaving the English site does not make it again (a mark put in
# it stays), while a title changed in one of its own versions does.
cp -R xml "$tmp/xml" || exit 99
page=en/news/vingt-ans-loi-extraterritoriale.html
build() {
	traduki build -q --site="$tmp/xml/fr/site.xml" --xml="$tmp/xml" --templates="$top_srcdir/templates" \
		--static=images -o "$tmp/public"
}
build && echo '<!-- mark -->' >>"$tmp/public/$page" || exit 1
sed -i '/id="formation-managers-accor"/s/published="yes"/published="no"/' "$tmp/xml/en/manifest.xml"
build || exit 1
grep -c 'class="unavailable"' "$tmp/public/en/news/formation-managers-accor.html"
tail -n 1 "$tmp/public/$page"
sed -i 's|<title>\([^<]*\)</title>|<title>\1 (revised)</title>|' "$tmp/xml/nl/vingt-ans-loi-extraterritoriale.xml"
build || exit 1
grep -c '<!-- mark -->' "$tmp/public/$page"
grep -o 'hreflang="nl">[^<]*' "$tmp/public/$page"
