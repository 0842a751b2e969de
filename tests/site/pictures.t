# Pictures: every <img> has its width and height (from the file), and a
# srcset of the smaller versions of thumbs/ (tools/thumbnails) with their
# widths; a file merely named like one (formation-accor-401.jpg, 400
# pixels wide) is not taken for one.  A site built first without them
# gets them in the pages that show the pictures, lists included, once
# they are there (the pages' digests cover them).
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
grep -c 'srcset=' "$tmp/public/en/index.html" "$tmp/public/en/news/formation-managers-accor.html"
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images --static=thumbs -o "$tmp/public" &&
for page in en/index.html en/news/formation-managers-accor.html nl/tags/toerisme.html; do
	echo "$page:"
	grep -o '<img [^>]*>' "$tmp/public/$page"
done
