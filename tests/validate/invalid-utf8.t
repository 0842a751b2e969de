traduki validate --schema="$top_srcdir/content/article.rng" invalid-utf8.xml
