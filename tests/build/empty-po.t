# With an empty catalog every document is its source, every unit marked
# with the source language, nothing else changed.
printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' >"$tmp/empty.po"
cd ../extract && traduki build -q --lang=xx --source-lang=en --po="$tmp/empty.po" --its=rules.its -o "$tmp/empty" [0-9]*.xml && traduki build -q --lang=xx --source-lang=xx --its=rules.its -o "$tmp/src" [0-9]*.xml || echo "build failed"
for f in [0-9]*.xml; do
	sed 's/ xml:lang="[^"]*"//g' "$tmp/src/$f" >"$tmp/a"
	sed 's/ xml:lang="[^"]*"//g' "$tmp/empty/$f" | cmp -s - "$tmp/a" || echo "differs: $f"
done
echo "$(grep -o ' xml:lang="en"' "$tmp"/empty/[0-9]*.xml | wc -l) units in English, $(grep -c 'published="yes"' "$tmp/empty/manifest.xml") articles"
cat "$tmp/empty/22-nested-fn.xml" "$tmp/empty/30-attr-on-inline.xml" "$tmp/empty/29-attr-default-no.xml"
