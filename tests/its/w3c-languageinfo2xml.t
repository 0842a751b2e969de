# W3C ITS 2.0 test suite (tests/its2, unmodified): languageinformation/languageinfo2xml
cd "$top_srcdir/tests/its2" && traduki its --category=languageinformation inputdata/languageinformation/xml/languageinfo2xml.xml | diff - expected/languageinformation/xml/languageinfo2xmloutput.txt
