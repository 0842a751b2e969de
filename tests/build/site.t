# With --site, the site file is written as site.xml and is no article;
# the threshold is the language's from the site file (en: 80).
traduki build -q --lang=en --po=data/en.po --its="$top_srcdir/content/article.its" --its="$top_srcdir/content/site.its" --site=data/site.xml -o "$tmp/en" data/article.xml data/site.xml 2>/dev/null; echo "exit $?"; ls "$tmp/en"; cat "$tmp/en/site.xml" "$tmp/en/manifest.xml"
