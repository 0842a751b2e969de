traduki check bad-utf8-escape.po
