traduki validate --schema="$top_srcdir/content/site.rng" "$top_srcdir/content/site.xml" >/dev/full
