traduki merge -q --previous -o - basic.po basic.pot
