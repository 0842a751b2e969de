traduki check bad-utf8.po
