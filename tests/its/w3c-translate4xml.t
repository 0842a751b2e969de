# W3C ITS 2.0 test suite (tests/its2, unmodified): translate/translate4xml
cd "$top_srcdir/tests/its2" && traduki its --category=translate inputdata/translate/xml/translate4xml.xml | diff - expected/translate/xml/translate4xmloutput.txt
