traduki merge -q --create --lang=xx -o - $tmp/x.po short.pot
