traduki merge -q basic.po basic.pot
