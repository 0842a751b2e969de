# Deliberate differences from msgmerge (doc/merge.md): numbers, negations, sentences.
traduki merge -q --previous -o - changes.po changes.pot
