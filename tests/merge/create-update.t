traduki merge -q --create --lang=pl -U $tmp/pl.po plural.pot && cat $tmp/pl.po
