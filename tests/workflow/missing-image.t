# An image whose name has a typo stops the run at validation, with the
# article's file and line; an image deleted from content/images after its
# article was checked is left out of the pages (with a warning), which
# never reference a file the site does not have.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
a=formation-managers-accor
sed -i 's|images/formation-accor.jpg|images/formation-acor.jpg|' "$site/content/fr/$a.xml"
pipeline translate >"$tmp/log" 2>&1
echo "a typo: exit status $?"
grep 'error' "$tmp/log"
sed -i 's|images/formation-acor.jpg|images/formation-accor.jpg|' "$site/content/fr/$a.xml"
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
rm "$site/content/images/formation-accor.jpg"
pipeline translate >"$tmp/log" 2>&1
echo "a deleted image: exit status $?"
grep 'warning' "$tmp/log"
cd "$out/public" || exit 1
for page in */news/*.html; do
	for src in $(grep -o '<img [^>]*src="[^"]*"' "$page" | sed 's/.*src="//; s/"$//'); do
		test -f "$(dirname "$page")/$src" || echo "$page: $src is not in public/"
	done
done
echo "pages checked: $(ls */news/*.html | wc -l)"
