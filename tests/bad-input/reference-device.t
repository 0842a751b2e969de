# check --html reads the source files that '#:' references name, for their
# titles: a reference to a device or a named pipe is an error that names
# it, never a read that does not end.
. ./lib.sh
mkfifo "$tmp/pipe.xml" || exit 99
cat >"$tmp/nl.po" <<PO
msgid ""
msgstr ""
"Language: nl\n"
"Content-Type: text/plain; charset=UTF-8\n"

#: /dev/zero:3
msgid "Un titre"
msgstr "Een titel"

#: $tmp/pipe.xml:4 $tmp/missing.xml:5
msgid "Un paragraphe"
msgstr "Een alinea"
PO
timeout 60 ${TRADUKI_WRAPPER:-} "$TRADUKI" check --html="$tmp/status.html" "$tmp/nl.po"
echo "rc=$?"
