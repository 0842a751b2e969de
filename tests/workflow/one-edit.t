# After one article changes, make translate remakes its localized XML and
# its pages and review pages in every language, the manifests, the status
# page, the lists of review pages and of the site's files, and touches
# nothing else.  A page whose inputs
# did not change is not even made again: a mark added by hand to another
# article's page stays, and so does one on the news list (a paragraph
# changed, no title), until a template changes.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
other=public/en/news/trois-ans-dont-look-away.html
list=public/en/news.html
echo '<!-- by hand -->' >>"$out/$other"
echo '<!-- by hand -->' >>"$out/$list"
touch "$tmp/mark"
sed -i 's|rendez-vous sur|rendez-vous tout de suite sur|' "$site/content/fr/formation-managers-accor.xml"
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
cd "$out" && find xml public -newer "$tmp/mark" -type f | LC_ALL=C sort
tail -n 1 "$other"
tail -n 1 "$list"
touch "$site/content/fr/formation-managers-accor.xml"
pipeline translate >/dev/null 2>&1
tail -n 1 "$other"
cp -R "$top_srcdir/templates" "$tmp/templates" && chmod -R u+w "$tmp/templates" &&
	echo '<!-- changed -->' >>"$tmp/templates/article.xsl"
pipeline TEMPLATES_DIR="$tmp/templates" translate >/dev/null 2>&1
grep -q 'by hand' "$other" "$list" || echo "both made again after a template changed"
