# W3C ITS 2.0 test suite (tests/its2, unmodified): preservespace/preservespace4xml
cd "$top_srcdir/tests/its2" && traduki its --category=preservespace inputdata/preservespace/xml/preservespace4xml.xml | diff - expected/preservespace/xml/preservespace4xmloutput.txt
