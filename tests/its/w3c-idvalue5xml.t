# W3C ITS 2.0 test suite (tests/its2, unmodified): idvalue/idvalue5xml
cd "$top_srcdir/tests/its2" && traduki its --category=idvalue inputdata/idvalue/xml/idvalue5xml.xml | diff - expected/idvalue/xml/idvalue5xmloutput.txt
