# The manifest's words and translated words are those of traduki check
# for the same file, with a catalog merged with the current template
# (msgmerge -N); the rejected translation counts as translated in
# neither (check says "rejected", the build shows the source text).
traduki extract --its="$top_srcdir/content/article.its" -o "$tmp/t.pot" data/article.xml
msgmerge -q -N data/en.po "$tmp/t.pot" >"$tmp/en.po"
grep -c '^msgstr "A <em>rejected</em> item\."$' "$tmp/en.po"
traduki build -q --lang=en --po="$tmp/en.po" --its="$top_srcdir/content/article.its" -o "$tmp/en" data/article.xml 2>/dev/null
sed -n 's/.* words="\([0-9]*\)" translated="\([0-9]*\)".*/build: \2 of \1 words/p' "$tmp/en/manifest.xml"
traduki check --files "$tmp/en.po" 2>/dev/null | sed -n 's|^ *[0-9.]*% *\([0-9]*\) of *\([0-9]*\) words  data/article.xml$|check: \1 of \2 words|p'
traduki check --format=json "$tmp/en.po" 2>/dev/null | grep -o '"rejected": [0-9]*' | head -n 1
