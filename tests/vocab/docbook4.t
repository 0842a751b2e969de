# DocBook 4.5 chapters with entities: internal ones, those of a local
# file read through a parameter entity (never read by traduki: kept as
# references), and the DocBook DTD's; the language in @lang.
. ./roundtrip.sh
dtd=/usr/share/xml/docbook/schema/dtd/4.5/docbookx.dtd
[ -f $dtd ] || skip "no $dtd (Debian package docbook-xml)"
validate() { vout=$(xmllint --noout --nonet --valid "$1" 2>&1) || { echo "$vout" | head -5; return 1; }; }
roundtrip docbook4 docbook.its programlisting,screen,literallayout ""
