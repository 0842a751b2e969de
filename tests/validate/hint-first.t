traduki validate --schema="$top_srcdir/content/article.rng" hint-first.xml
