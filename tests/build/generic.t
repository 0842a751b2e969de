# Any vocabulary with ITS rules: nested units (a footnote translated or
# not inside a paragraph translated or not), untranslatable placeholders,
# an attribute unit escaped on output, preserved space, an entity, msgctxt
# from xml:id, inline elements reordered with their attributes.
traduki build --lang=de --po=data/de.po --its=../extract/rules.its -o "$tmp/de" data/generic.xml && cat "$tmp/de/generic.xml"
