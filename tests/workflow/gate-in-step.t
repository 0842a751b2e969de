# The gate judges the catalogs in step with the current sources.  An
# article committed without make translate: make check-coverage extracts
# and merges first, and counts it.  A stale catalog copied over po/nl.po
# (an old copy, a conflict resolved with "take theirs"): make translate
# merges it again, so that the status page and the site agree.  And
# traduki check --pot names a catalog that is not in step.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
cp "$site/po/nl.po" "$tmp/nl-old.po"
sed 's/id="formation-managers-accor"/id="nouvel-article"/; s/<title>Les managers/<title>Les nouveaux managers/' \
	"$site/content/fr/formation-managers-accor.xml" >"$site/content/fr/nouvel-article.xml"
(cd "$site" && traduki check --pot=po/content.pot po/nl.po) >/dev/null 2>&1; echo "check --pot before: exit status $?"
pipeline check-coverage >"$tmp/log" 2>&1; echo "make check-coverage: exit status $?"
grep '^  [A-Z]' "$tmp/log"
grep -c 'nouvel-article' "$site/po/nl.po" | sed 's/^/references to the new article in po\/nl.po: /'
cp "$tmp/nl-old.po" "$site/po/nl.po"
(cd "$site" && traduki check --pot=po/content.pot po/nl.po) 2>&1 | grep template
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
grep '^  MERGE' "$tmp/log"
(cd "$site" && traduki check --pot=po/content.pot po/nl.po) >/dev/null 2>&1; echo "check --pot after: exit status $?"
grep -o 'content/fr/nouvel-article[^<]*' "$out/public/status/index.html" | head -n 1
