# W3C ITS 2.0 test suite (tests/its2, unmodified): elementswithintext/withintext6xml
cd "$top_srcdir/tests/its2" && traduki its --category=elementswithintext inputdata/elementswithintext/xml/withintext6xml.xml | diff - expected/elementswithintext/xml/withintext6xmloutput.txt
