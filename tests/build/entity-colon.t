# An entity of an external DTD (never read) whose name holds a colon: its
# placeholder says "_" for the colon, and the reference comes back whole.
traduki build --lang=en --source-lang=fr --po=data/entity-colon-en.po --its=../extract/rules.its -o "$tmp/en" data/entity-colon.xml && cat "$tmp/en/entity-colon.xml"
