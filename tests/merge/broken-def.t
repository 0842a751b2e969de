traduki merge -q -o - broken.po basic.pot
