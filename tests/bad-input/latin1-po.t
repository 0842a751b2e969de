# A Latin-1 catalog is read as UTF-8: words are counted, and the checks
# see the text (the quotes check finds the French guillemets).
traduki check --only=quotes,typography latin1.po
