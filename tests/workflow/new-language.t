# Adding a language is one line in po/LINGUAS, then make translate: a new
# catalog with every translation empty (never the French) and the German
# plural forms; localized XML where every article is unpublished; German
# pages whose chrome falls back to French; a badge on the status page.
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
ls public/de
test -d public/de/news || echo "no German article page"
grep -o '<html[^>]*>' public/de/index.html
grep -c 'lang="fr"' public/de/index.html >/dev/null && echo "French fallbacks marked lang=\"fr\" in the German chrome"
grep -c 'hreflang="de"' public/fr/news/*.html | grep -v ':0$' || echo "no French article offers a German version"
ls public/status
