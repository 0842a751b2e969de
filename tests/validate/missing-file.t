traduki validate --schema="$top_srcdir/content/article.rng" no-such-file.xml
