traduki validate --schema="$top_srcdir/content/article.rng" hint-element.xml
