# A traduki rebuilt from the same sources (here a copy of the program:
# another file, another time) makes no page again: the site names the
# program by what it was built from, not by its executable.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cp "$TRADUKI" "$tmp/traduki" && touch -d '2001-01-01' "$tmp/traduki" &&
${TRADUKI_WRAPPER:-} "$tmp/traduki" build --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public"
