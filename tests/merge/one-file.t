traduki merge -q -o - basic.po
