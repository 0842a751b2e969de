traduki merge -q -o - basic.po basic.pot
