# Terminology: local its:term, a termRule with its termInfoRef, not inherited.
cd "$top_srcdir/tests/extract" && traduki its --category=terminology 56-terms.xml
