# The source language: no catalog, every text is its own translation,
# every article published; editor notes are left out all the same.
traduki build --lang=fr --its="$top_srcdir/content/article.its" --its="$top_srcdir/content/site.its" --site=data/site.xml -o "$tmp/fr" data/article.xml data/site.xml && cat "$tmp/fr/article.xml" "$tmp/fr/manifest.xml" && cmp data/site.xml "$tmp/fr/site.xml" && echo "site.xml: as the source"
