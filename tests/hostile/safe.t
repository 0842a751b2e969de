# No active content reaches the localized article: its markup holds no
# element, attribute, address, handler, script URL, declaration, CDATA,
# comment or processing instruction that the source does not.
traduki build -q --lang=en --po=hostile.po --its="$top_srcdir/content/article.its" -o "$tmp/xml" article.xml 2>/dev/null
./no-active-content article.xml "$tmp/xml/article.xml"
