traduki check empty.po
