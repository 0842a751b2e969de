traduki check not-a-catalog.po
