# Deliberate difference from msgmerge (doc/merge.md): translations assembled
# from unchanged sentences; a changed sentence in place keeps its old one.
traduki merge -q --previous -o - sentences.po sentences.pot
