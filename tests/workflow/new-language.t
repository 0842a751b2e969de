# Adding a language is one line in po/LINGUAS, then make translate: a new
# catalog with every translation empty (never the French) and the German
# plural forms; localized XML where every article is unpublished; a badge
# and a section on the status page.  Until content/site.xml lists it, the
# language is in preparation: the site does not offer it and the gate
# passes.  Once listed, the gate judges it like any other (and, below its
# threshold, fails); the site offers it only when an article is
# published in it.
. ./setup.sh
echo de >>"$site/po/LINGUAS"
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
cd "$site" || exit 1
grep -E '^"(Language|Plural-Forms):' po/de.po
msgfmt -c --statistics -o /dev/null po/de.po 2>&1
echo "translations: $(msgattrib --translated --no-obsolete po/de.po | grep -c '^msgid') (the header only)"
cd "$out" || exit 1
echo "articles in the manifest: $(grep -c '<article ' xml/de/manifest.xml) of $(ls "$site"/content/fr/*.xml | wc -l)"
echo "published: $(grep -c 'published="yes"' xml/de/manifest.xml), coverage 0: $(grep -c 'coverage="0"' xml/de/manifest.xml)"
sed "s|$tmp|\$TMP|g" "$tmp/log" | grep 'de' | grep -v '^ '
test -d public/de && echo "public/de exists" || echo "no public/de"
grep -rl 'hreflang="de"' public >/dev/null && echo "a page offers German" || echo "no page offers German"
ls public/status
grep -o 'in preparation[^<]*' public/status/index.html | head -n 1
pipeline check-coverage >"$tmp/log" 2>&1; echo "gate: exit status $?"
sed -i 's|<language code="nl" threshold="60"/>|&\n    <language code="de" threshold="50"/>|' "$site/content/site.xml"
pipeline translate >"$tmp/log2" 2>&1 || { cat "$tmp/log2"; exit 1; }
grep "'de'" "$tmp/log2"
pipeline check-coverage >"$tmp/log" 2>&1; echo "listed, nothing translated: gate exit status $?"
grep '^de:' "$tmp/log"
grep -rl 'hreflang="de"' "$out/public" >/dev/null && echo "a page offers German" || echo "no page offers German"
