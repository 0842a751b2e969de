# Global rules from --its apply before the document's own.
cd "$top_srcdir/tests/extract" && traduki its --category=elementswithintext --its=rules.its 22-nested-fn.xml 12-nested-inline.xml
