# A translation of 10 MiB, more than libxml2 takes in one text.  The build
# refuses it where it reads the catalog, at its line, and shows the source
# text; check counts it rejected; merge keeps it whole.  Each in time
# linear in its length (gettext's lexer alone would take its square).
. ./lib.sh
{
	printf 'msgid ""\nmsgstr ""\n"Language: nl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
	printf '#: article.xml:3\nmsgid "Un titre"\nmsgstr ""\n"'
	head -c 10485760 /dev/zero | tr '\0' q
	printf '"\n\n#: article.xml:4\nmsgid "Un paragraphe avec <em>un mot</em>."\n'
	printf 'msgstr "Een alinea met <em>een woord</em>."\n'
} >"$tmp/nl.po"
traduki build --lang=nl --po="$tmp/nl.po" --its="$top_srcdir/content/article.its" -o "$tmp/xml" article.xml
echo "build: rc=$?"
grep -e '<title' -e '<p' "$tmp/xml/article.xml"
traduki check --only=markup "$tmp/nl.po" >"$tmp/report"; echo "check: rc=$?"
tail -n 3 "$tmp/report"
printf '#: article.xml:3\nmsgid "Un titre"\nmsgstr ""\n' >"$tmp/content.pot"
traduki merge -q -U "$tmp/nl.po" "$tmp/content.pot"; echo "merge: rc=$?"
echo "q kept: $(tr -cd q <"$tmp/nl.po" | wc -c)"
