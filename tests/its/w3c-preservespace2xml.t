# W3C ITS 2.0 test suite (tests/its2, unmodified): preservespace/preservespace2xml
cd "$top_srcdir/tests/its2" && traduki its --category=preservespace inputdata/preservespace/xml/preservespace2xml.xml | diff - expected/preservespace/xml/preservespace2xmloutput.txt
