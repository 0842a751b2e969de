# W3C ITS 2.0 test suite (tests/its2, unmodified): translate/translate2xml
cd "$top_srcdir/tests/its2" && traduki its --category=translate inputdata/translate/xml/translate2xml.xml | diff - expected/translate/xml/translate2xmloutput.txt
