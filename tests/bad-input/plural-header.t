# The header's nplurals, read within gettext's limits (1 to 100): a value
# out of range, overflowing or no number is one error at the header's
# line, for check as for merge (which writes nothing); a message with
# another number of forms is reported at its own line, with its number.
. ./lib.sh
po() { # po NPLURALS FORMS...: a catalog with one plural message
	printf 'msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n"PO-Revision-Date: 2026-01-01 00:00+0000\\n"\n'
	printf '"Last-Translator: x\\n"\n"Language-Team: x\\n"\n"Language: nl\\n"\n"MIME-Version: 1.0\\n"\n'
	printf '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
	printf '"Plural-Forms: nplurals=%s; plural=(n != 1);\\n"\n\n#: a.xml:1\nmsgid "un"\nmsgid_plural "des"\n' "$1"
	shift
	i=0
	for form; do printf 'msgstr[%d] "%s"\n' $i "$form"; i=$((i + 1)); done
	printf '\n#: a.xml:2\nmsgid "une"\nmsgid_plural "deux"\nmsgstr[0] "x"\nmsgstr[1] "y"\n'
}
printf '#: a.xml:1\nmsgid "un"\nmsgid_plural "des"\nmsgstr[0] ""\nmsgstr[1] ""\n\n#: a.xml:3\nmsgid "new"\nmsgid_plural "news"\nmsgstr[0] ""\nmsgstr[1] ""\n' >"$tmp/ref.pot"
for n in 99999999999 4294967297 0 101 abc -1 ''; do
	po "$n" een enkele >"$tmp/nl.po"
	echo "nplurals=$n"
	traduki check --only=format,plural-forms "$tmp/nl.po" >/dev/null; echo "check: rc=$?"
	cp "$tmp/nl.po" "$tmp/keep.po"
	traduki merge -q -U "$tmp/nl.po" "$tmp/ref.pot"; echo "merge -U: rc=$?"
	cmp -s "$tmp/nl.po" "$tmp/keep.po" || grep -c 'msgstr\[' "$tmp/nl.po"
done
po 2 een twee drie >"$tmp/three.po"
traduki check --only=format "$tmp/three.po" >/dev/null; echo "three forms: rc=$?"
po 3 een twee >"$tmp/two.po"
traduki check --only=format "$tmp/two.po" >/dev/null; echo "two forms of three: rc=$?"
