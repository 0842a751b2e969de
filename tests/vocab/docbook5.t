# DocBook 5 articles and chapters: footnotes, links, verbatim text, a
# paragraph in another language.
. ./roundtrip.sh
rng=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
[ -f $rng ] || skip "no $rng (Debian package docbook5-xml)"
validate() { vout=$(xmllint --noout --relaxng $rng "$1" 2>&1) || { echo "$vout" | head -5; return 1; }; }
roundtrip docbook5 docbook5.its programlisting,screen,literallayout ""
