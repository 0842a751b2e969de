# Text that touches: a unit nested in a sentence (an XHTML label, a
# button: not inline by itstool's rules) is set off from the words
# around it by its own whitespace alone; translated, it keeps that
# whitespace, so "Mitgliedsnummer:" and "42" stay apart.
rules=/usr/share/itstool/its/xhtml.its
[ -f $rules ] || skip "no $rules (Debian package itstool)"
traduki build -q --lang=de --po=data/touch-de.po --its=$rules -o "$tmp/de" data/touch.xml && cat "$tmp/de/touch.xml"
