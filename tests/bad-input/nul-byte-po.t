# A NUL byte in a PO file: gettext's lexer cuts the line there, and what
# it would write back (a comment ending with a backslash) it cannot read.
traduki check nul-byte.po
