# Every hostile translation of hostile.po is refused with its reason and
# its unit falls back to the French text, or is accepted as the text it
# is (escaped on output): see each entry's comment.
traduki build --lang=en --po=hostile.po --its="$top_srcdir/content/article.its" -o "$tmp/xml" article.xml; rc=$?; cat "$tmp/xml/article.xml" "$tmp/xml/manifest.xml"; exit $rc
