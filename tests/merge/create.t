# --create: a new catalog from the template, never filled with the source
# text; the header as msginit writes it, plural forms from CLDR.
traduki merge -q --create --lang=nl --previous -o - $tmp/nl.po basic.pot
