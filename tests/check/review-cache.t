# A review page is made again only when what it shows changed (doc/check.md,
# "Review pages"): after a translation of loi.xml changes and lines of the
# catalog above stop.xml's message move, loi.html is made again and
# stop.html is not (a mark put in it stays); a page that is gone, or a
# list of digests that is lost, makes the page again.  Every page is then
# what a check in an empty folder makes.
cp review-nl.po "$tmp/nl.po" && mkdir "$tmp/a" "$tmp/b" || exit 99
review() { # review DIR: the status page and review pages into DIR
	traduki check --site=site.xml --html="$1/index.html" --review \
		--page-link='../{lang}/news/{id}.html' "$tmp/nl.po" >/dev/null 2>&1
	echo "exit status $?"
}
same_as_clean() {
	rm -rf "$tmp/b" && mkdir "$tmp/b" && review "$tmp/b" >/dev/null &&
		diff -r -x .traduki-reviews "$tmp/b" "$tmp/a" && echo "same as a clean check"
}
review "$tmp/a"
cut -f1 "$tmp/a/nl/.traduki-reviews"
echo '<!-- mark -->' >>"$tmp/a/nl/stop.html"
sed -i -e 's/^msgstr "Twintig jaar/msgstr "Twintig lange jaren/' \
	-e 's/^#: content\/fr\/loi.xml:3$/# A comment of three lines.\n# Two.\n# Three.\n&/' "$tmp/nl.po"
review "$tmp/a"
grep -c 'Twintig lange jaren' "$tmp/a/nl/loi.html"
grep -c 'mark' "$tmp/a/nl/stop.html"
sed -i '/<!-- mark -->/d' "$tmp/a/nl/stop.html"
same_as_clean
rm "$tmp/a/nl/loi.html" && review "$tmp/a" >/dev/null && same_as_clean
echo '<!-- mark -->' >>"$tmp/a/nl/stop.html"
rm "$tmp/a/nl/.traduki-reviews" && review "$tmp/a" >/dev/null && same_as_clean
