# An unescaped quote inside a translation: the column of the quote, and how to write it.
traduki check slip-quote.po
