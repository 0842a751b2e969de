# W3C ITS 2.0 test suite (tests/its2, unmodified): localizationnote/locnote4xml
cd "$top_srcdir/tests/its2" && traduki its --category=localizationnote inputdata/localizationnote/xml/locnote4xml.xml | diff - expected/localizationnote/xml/locnote4xmloutput.txt
