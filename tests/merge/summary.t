traduki merge --previous -o $tmp/out.po basic.po basic.pot
