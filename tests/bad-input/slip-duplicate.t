# The same message twice.
traduki check slip-duplicate.po
