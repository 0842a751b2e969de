# W3C ITS 2.0 test suite (tests/its2, unmodified): elementswithintext/withintext1xml
cd "$top_srcdir/tests/its2" && traduki its --category=elementswithintext inputdata/elementswithintext/xml/withintext1xml.xml | diff - expected/elementswithintext/xml/withintext1xmloutput.txt
