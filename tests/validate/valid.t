traduki validate --schema="$top_srcdir/content/article.rng" valid-article.xml
