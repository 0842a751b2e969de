# The project's content, localized with an empty catalog (everything in
# French) and for the source language: every output is valid against the
# article, site and manifest schemas.
cd "$top_srcdir" || exit 99
printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' >"$tmp/empty.po"
opts="--its=content/article.its --its=content/site.its --site=content/site.xml"
traduki build -q --lang=en --po="$tmp/empty.po" $opts -o "$tmp/xml/en" content/fr/*.xml content/site.xml; echo "exit $?"
traduki build -q --lang=fr $opts -o "$tmp/xml/fr" content/fr/*.xml content/site.xml; echo "exit $?"
for l in en fr; do
	ls "$tmp/xml/$l"/*.xml | grep -v -e /manifest.xml -e /site.xml | xargs "$TRADUKI" validate -q --schema=content/article.rng &&
	traduki validate -q --schema=content/site.rng "$tmp/xml/$l/site.xml" &&
	traduki validate -q --schema=content/manifest.rng "$tmp/xml/$l/manifest.xml" && echo "$l: valid"
done
grep -c '<note' "$tmp"/xml/*/*.xml | grep -v ':0$'
grep '<manifest' "$tmp"/xml/*/manifest.xml | sed "s|$tmp/||"
