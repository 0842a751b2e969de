traduki check duplicate.po
