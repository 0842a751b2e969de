traduki merge -q --create -o - $tmp/x.po basic.pot
