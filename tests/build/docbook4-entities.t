# DocBook 4 whose entities are declared in an external DTD subset
# (ents.dtd, never read), with itstool's rules: a reference in an
# attribute stays in that attribute, two links that differ only in one
# get markers, a unit that is one entity is a message, and no warning is
# printed; the build writes every reference back where it was.  The same
# chapter with its entities in the internal subset: they are expanded.
rules=/usr/share/itstool/its/docbook.its
[ -f $rules ] || skip "no $rules (Debian package itstool)"
SOURCE_DATE_EPOCH=0; export SOURCE_DATE_EPOCH
traduki extract --its=$rules --source-lang=en data/docbook4/payments.xml data/docbook4/payments-internal.xml | sed -n '/^#:/,$p'
traduki build --lang=de --po=data/docbook4/de.po --its=$rules -o "$tmp/de" data/docbook4/payments.xml data/docbook4/payments-internal.xml &&
	cat "$tmp/de/payments.xml" "$tmp/de/payments-internal.xml"
