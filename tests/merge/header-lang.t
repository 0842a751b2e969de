traduki merge -q --previous --lang=pl -o - plural.po plural.pot
