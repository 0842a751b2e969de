cd "$top_srcdir" && traduki validate --schema=content/site.rng content/site.xml
