# A text whose closing quote is missing.
traduki check slip-unclosed.po
