# An escape that makes a NUL byte (\0, \000, \x00, \400, \x100) in any
# string: gettext would cut the text there.  check and merge refuse the
# catalog with the line of each; merge -U leaves the file as it was; the
# build refuses only that translation and shows the source text.
. ./lib.sh
cat >"$tmp/nl.po" <<'PO'
msgid ""
msgstr ""
"Language: nl\n"
"Content-Type: text/plain; charset=UTF-8\n"

#: article.xml:3
msgid "Un titre"
msgstr "Een\0 titel"

#: article.xml:4
msgid "Un paragraphe avec <em>un mot</em>."
msgstr ""
"Een alinea met "
"<em>een\x00 woord</em>."

msgctxt "a\400"
msgid "b"
msgstr "c"

#| msgid "vieux\x100"
msgid "d"
msgid_plural "ds"
msgstr[0] "e"
msgstr[1] "f\000"

#~ msgid "g"
#~ msgstr "h\0"

msgid "\x100c is a NUL, \x1000c is not"
msgstr "i"
PO
cp "$tmp/nl.po" "$tmp/before.po"
traduki check "$tmp/nl.po"; echo "check: rc=$?"
traduki merge -U "$tmp/nl.po" "$tmp/nl.po"; echo "merge -U: rc=$?"
cmp -s "$tmp/nl.po" "$tmp/before.po" || echo "DAMAGED: $tmp/nl.po" >&2
no_leftovers "$tmp"
# The build: the two translations refused alone.
sed -n '1,14p' "$tmp/before.po" >"$tmp/build.po"
traduki build --lang=nl --po="$tmp/build.po" --its="$top_srcdir/content/article.its" -o "$tmp/xml" article.xml
echo "build: rc=$?"
grep -e '<title' -e '<p' "$tmp/xml/article.xml"
