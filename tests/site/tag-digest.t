# A tag's page is made of the articles that have the tag, in every
# language (doc/site.md, "Incremental builds"): when formation-managers-accor
# leaves the English site, the English pages of its tags go, the French
# page of one of them loses its English version, and the page of a tag it
# does not have is not made again (a mark put in it stays) until an
# article with that tag changes its title.
cp -R xml "$tmp/xml" || exit 99
build() {
	traduki build -q --site="$tmp/xml/fr/site.xml" --xml="$tmp/xml" --templates="$top_srcdir/templates" \
		--static=images -o "$tmp/public"
}
build && echo '<!-- mark -->' >>"$tmp/public/en/tags/campaign.html" || exit 1
grep -c 'hreflang="en"' "$tmp/public/fr/tags/tourisme.html"
sed -i '/id="formation-managers-accor"/s/published="yes"/published="no"/' "$tmp/xml/en/manifest.xml"
build || exit 1
ls "$tmp/public/en/tags"
grep -c 'hreflang="en"' "$tmp/public/fr/tags/tourisme.html"
tail -n 1 "$tmp/public/en/tags/campaign.html"
sed -i "s|campaign took to|campaign (revised) took to|" "$tmp/xml/en/campagne-i-say-stop-sur-les-routes.xml"
build || exit 1
grep -c '<!-- mark -->' "$tmp/public/en/tags/campaign.html"
grep -c '(revised)' "$tmp/public/en/tags/campaign.html"
