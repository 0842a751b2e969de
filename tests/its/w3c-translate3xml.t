# W3C ITS 2.0 test suite (tests/its2, unmodified): translate/translate3xml
cd "$top_srcdir/tests/its2" && traduki its --category=translate inputdata/translate/xml/translate3xml.xml | diff - expected/translate/xml/translate3xmloutput.txt
