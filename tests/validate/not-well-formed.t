traduki validate --schema="$top_srcdir/content/article.rng" not-well-formed.xml
