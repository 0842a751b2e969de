# A backslash that is not an escape sequence.
traduki check slip-escape.po
