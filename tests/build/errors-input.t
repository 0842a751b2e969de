# Input errors (exit 2): a catalog that does not parse; a document that is
# not well-formed, the others written but no manifest; an output folder
# that cannot be made; two articles with one id.
printf 'msgid "a"\nmsgstr "b\n' >"$tmp/bad.po"
traduki build --lang=en --po="$tmp/bad.po" -o "$tmp/a" data/article.xml; echo "exit $?"
printf '<doc><p>open</doc>\n' >"$tmp/broken.xml"
traduki build --lang=en --po=data/en.po --its="$top_srcdir/content/article.its" -o "$tmp/b" "$tmp/broken.xml" data/generic.xml; echo "exit $?"; ls "$tmp/b"
touch "$tmp/file"
traduki build --lang=fr -o "$tmp/file/sub" data/article.xml; echo "exit $?"
mkdir "$tmp/copy" && cp data/article.xml "$tmp/copy/other.xml"
traduki build --lang=fr --its="$top_srcdir/content/article.its" -o "$tmp/c" data/article.xml "$tmp/copy/other.xml"; echo "exit $?"; ls "$tmp/c"
