# A folder stands for the *.xml files below it, in sorted order.
traduki validate --schema="$top_srcdir/content/article.rng" .
