# --threshold overrides the site's; published compares translated × 100
# with threshold × words exactly.
for t in 0 60 61 100; do traduki build -q --lang=en --po=data/en.po --its="$top_srcdir/content/article.its" --site=data/site.xml --threshold=$t -o "$tmp/en" data/article.xml 2>/dev/null; grep '<manifest\|<article' "$tmp/en/manifest.xml"; done
