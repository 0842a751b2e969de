# msgids emptied by a tool: the first would be taken for the header, the
# others have an empty msgid with a msgctxt.  merge and check say where,
# exit 2 and write nothing, rather than put the translations under no
# msgid of the template.
. ./lib.sh
printf '#: a.xml:1\nmsgctxt "a"\nmsgid "Un mot"\nmsgstr ""\n\n#: a.xml:2\nmsgctxt "b"\nmsgid "Deux mots"\nmsgstr ""\n' >"$tmp/ref.pot"
printf '#: a.xml:1\nmsgid ""\nmsgstr "Een woord"\n\n#: a.xml:2\nmsgctxt "b"\nmsgid "Deux mots"\nmsgstr "Twee woorden"\n' >"$tmp/no-header.po"
printf 'msgid ""\nmsgstr ""\n"Language: nl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n#: a.xml:1\nmsgctxt "a"\nmsgid ""\nmsgstr "Een woord"\n\n#: a.xml:2\nmsgctxt "b"\nmsgid ""\nmsgstr "Twee woorden"\n\n#~ msgctxt "c"\n#~ msgid ""\n#~ msgstr "Drie"\n' >"$tmp/emptied.po"
for po in no-header emptied; do
	traduki merge -o "$tmp/$po.out" "$tmp/$po.po" "$tmp/ref.pot"; echo "merge $po: rc=$?"
	test ! -e "$tmp/$po.out" || echo "WRITTEN: $po.out" >&2
	cp "$tmp/$po.po" "$tmp/$po.keep"
	traduki merge -U "$tmp/$po.po" "$tmp/ref.pot"; echo "merge -U $po: rc=$?"
	cmp -s "$tmp/$po.po" "$tmp/$po.keep" || echo "DAMAGED: $po.po" >&2
	traduki check "$tmp/$po.po" >/dev/null; echo "check $po: rc=$?"
done
no_leftovers "$tmp"
