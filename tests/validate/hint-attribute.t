traduki validate --schema="$top_srcdir/content/article.rng" hint-attribute.xml
