# A second build of the same input writes nothing: every file keeps its
# bytes and its modification time.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
find "$tmp/public" -type f -printf '%P %s %T@\n' | LC_ALL=C sort >"$tmp/before" &&
traduki build --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
find "$tmp/public" -type f -printf '%P %s %T@\n' | LC_ALL=C sort >"$tmp/after" &&
cmp "$tmp/before" "$tmp/after" && echo "unchanged: $(wc -l <"$tmp/after") files"
