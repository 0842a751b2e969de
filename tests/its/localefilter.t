# Locale Filter, which the W3C subset lacks: local list and type, inherited.
cd "$top_srcdir/tests/extract" && traduki its --category=localefilter 52-locale-filter.xml
