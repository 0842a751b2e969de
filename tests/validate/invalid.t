traduki validate --schema="$top_srcdir/content/article.rng" invalid-article.xml
