# A translator's unescaped quote in po/nl.po stops nothing but Dutch: the
# French edit made at the same time reaches public/fr/ and public/en/, the
# Dutch pages stay those of the last good run, the status page says why,
# and the run ends with the error, in a volunteer's words, and a failure.
# Once the quote is escaped, the next run brings Dutch up to date.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
article=formation-managers-accor
sed -i 's|rendez-vous sur|rendez-vous tout de suite sur|' "$site/content/fr/$article.xml"
sed -i 's|^msgstr "Vluchtelingenkinderen: ECPAT-netwerk spreekt|msgstr "Vluchtelingenkinderen: ECPAT-netwerk "spreekt"|' "$site/po/nl.po"
cp "$out/public/nl/news/$article.html" "$tmp/nl-before.html"
pipeline translate >"$tmp/log" 2>&1
echo "make translate: exit status $?"
sed -n "/not brought up to date/,\$p" "$tmp/log" | grep -v "^make: \*\*\*"
for l in fr en; do grep -c 'tout de suite' "$out/public/$l/news/$article.html" | sed "s|^|$l page with the edit: |"; done
cmp "$tmp/nl-before.html" "$out/public/nl/news/$article.html" && echo "nl page: the last good one"
grep -o 'the catalog cannot be read' "$out/public/status/index.html" | head -n 1
grep -c 'keyword\|syntax error' "$tmp/log" | sed 's/^/libgettextpo words shown: /'
sed -i 's|ECPAT-netwerk "spreekt"|ECPAT-netwerk \\"spreekt\\"|' "$site/po/nl.po"
pipeline translate >"$tmp/log" 2>&1
echo "after the fix: exit status $?"
grep -c 'tout de suite' "$out/public/nl/news/$article.html" | sed 's/^/nl page with the edit: /'
ls "$out/.stamps" | grep failed || echo "no stage failed"
