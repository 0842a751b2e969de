# The status page and the review pages that make translate writes: every
# link resolves (a problem's po/LL.po:LINE leads to its message on the
# article's review page, a published article to its page), the page says
# an article is published exactly when the site publishes it, and the
# review page shows what a translator needs: the message rejected and
# why, the fuzzy one with how its French changed, the problems of each.
. ./setup.sh
# A translation the build rejects, and a number changed.
sed -i 's|^msgstr "De campagne <em>I Say Stop</em> trok langs de Belgische wegen"|msgstr "De campagne <em>I Say Stop</strong> trok langs de Belgische wegen"|' "$site/po/nl.po"
sed -i 's|^msgstr "De campagnevrachtwagen legde in acht weken 28\.859\(.*\)km af\."|msgstr "De campagnevrachtwagen legde in acht weken 28.589\1km af."|' "$site/po/nl.po"
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
"$top_srcdir/tests/workflow/status-links" "$out/public" "$out/xml"
status=$out/public/status
ls "$status/nl" | head -n 3
grep -o 'fails the 60% gate: 1 rejected translation' "$status/index.html" | head -n 1
# A problem links to its message on the review page.
grep -o 'href="nl/campagne-i-say-stop-sur-les-routes.html#m[0-9a-f]*">po/nl.po:[0-9]*' "$status/index.html" | sed -e 's/#m[0-9a-f]*/#mKEY/' -e 's/[0-9][0-9]*/N/g' | sort -u
review=$status/nl/campagne-i-say-stop-sur-les-routes.html
grep -o 'class="unit rejected"\|<strong>Rejected: </strong>not well-formed XML: &lt;em&gt; is closed by &lt;/strong&gt;' "$review"
grep -o '<code>numbers</code> the number 28[^<]*' "$review"
# The fuzzy message shows how the French changed since, word by word.
grep -o 'class="unit fuzzy"' "$status/nl/mineurs-etrangers-non-accompagnes.html" | head -n 1
grep -o '<del>[^<]*</del>\|<ins>[^<]*</ins>' "$status/nl/mineurs-etrangers-non-accompagnes.html" | grep -v '>removed<\|>added<' | head -n 4
# Not for readers: no page of the site leads to the status pages.
grep -rl 'status/' "$out/public" --include=*.html | grep -v '/status/' || echo "no link to status/ from the site"
