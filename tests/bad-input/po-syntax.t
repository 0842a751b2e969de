traduki check syntax.po
