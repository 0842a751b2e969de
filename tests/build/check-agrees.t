# The manifest's words and translated words are those of traduki check
# for the same file, with a catalog merged with the current template
# (msgmerge -N) and the rejected translation taken out (check counts it,
# the build does not).
traduki extract --its="$top_srcdir/content/article.its" -o "$tmp/t.pot" data/article.xml
msgmerge -q -N data/en.po "$tmp/t.pot" | sed '/^msgstr "A <em>rejected<\/em> item\."$/s/.*/msgstr ""/' >"$tmp/en.po"
traduki build -q --lang=en --po="$tmp/en.po" --its="$top_srcdir/content/article.its" -o "$tmp/en" data/article.xml
sed -n 's/.* words="\([0-9]*\)" translated="\([0-9]*\)".*/build: \2 of \1 words/p' "$tmp/en/manifest.xml"
traduki check --files "$tmp/en.po" 2>/dev/null | sed -n 's|^ *[0-9.]*% *\([0-9]*\) of *\([0-9]*\) words  data/article.xml$|check: \1 of \2 words|p'
