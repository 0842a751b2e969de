traduki merge -q --previous -o - plural.po plural.pot
