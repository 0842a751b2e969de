# No language is assumed: English Mallard pages carry no xml:lang, and
# the catalog does not say either.  Without --source-lang, extract and
# build stop with an error that says how to give it (and write nothing);
# with it, the untranslated paragraphs are marked xml:lang="en" and the
# manifest says source="en".
rules=/usr/share/itstool/its/mallard.its
[ -f $rules ] || skip "no $rules (Debian package itstool)"
traduki extract --its=$rules -o "$tmp/help.pot" data/mallard/backup.xml; echo "exit $?"
traduki build --lang=de --po=data/mallard/de.po --its=$rules -o "$tmp/none" data/mallard/backup.xml; echo "exit $?"
ls -A "$tmp/none" && ls "$tmp"
traduki build -q --lang=de --source-lang=en --po=data/mallard/de.po --its=$rules -o "$tmp/de" data/mallard/backup.xml &&
	cat "$tmp/de/backup.xml" "$tmp/de/manifest.xml"
