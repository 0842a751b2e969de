traduki merge -q -N --previous -o - basic.po basic.pot
