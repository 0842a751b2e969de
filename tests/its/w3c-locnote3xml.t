# W3C ITS 2.0 test suite (tests/its2, unmodified): localizationnote/locnote3xml
cd "$top_srcdir/tests/its2" && traduki its --category=localizationnote inputdata/localizationnote/xml/locnote3xml.xml | diff - expected/localizationnote/xml/locnote3xmloutput.txt
