traduki validate -q --schema="$top_srcdir/content/article.rng" valid-article.xml invalid-article.xml not-well-formed.xml
