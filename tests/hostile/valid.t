# The localized article and its manifest are valid against their schemas.
traduki build -q --lang=en --po=hostile.po --its="$top_srcdir/content/article.its" -o "$tmp/xml" article.xml 2>/dev/null
traduki validate --schema="$top_srcdir/content/article.rng" "$tmp/xml/article.xml" && traduki validate --schema="$top_srcdir/content/manifest.rng" "$tmp/xml/manifest.xml"
