# The language where the rules put it: itstool's DocBook 4 rules point
# Language Information at @lang, so the build writes lang="de" on the
# root and the source language on each fallback (en, or en-GB in the
# section that says so), never xml:lang, and the output is valid against
# DocBook 4.5's DTD.
rules=/usr/share/itstool/its/docbook.its
[ -f $rules ] || skip "no $rules (Debian package itstool)"
[ -f /usr/share/xml/docbook/schema/dtd/4.5/docbookx.dtd ] || skip "no DocBook 4.5 DTD (Debian package docbook-xml)"
traduki build -q --lang=de --po=data/docbook4/de.po --its=$rules -o "$tmp/de" data/docbook4/lang.xml &&
	cat "$tmp/de/lang.xml"
xmllint --noout --nonet --valid "$tmp/de/lang.xml" && echo "valid against DocBook 4.5"
