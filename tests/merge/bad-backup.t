traduki merge -q -U --backup=numbered basic.po basic.pot
