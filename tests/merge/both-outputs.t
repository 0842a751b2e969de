traduki merge -q -U -o x.po basic.po basic.pot
