traduki merge -q -o - missing.po basic.pot
