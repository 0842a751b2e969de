# A synthetic catalog for the template of a generated corpus: gettext reads
# it, and it is mostly translated, with some fuzzy and untranslated messages.
"$top_srcdir/bench/gen-corpus" -q -n 10 --seed=2 -o "$tmp/fr" && cd "$tmp" &&
xgettext --its="$top_srcdir/content/article.its" --from-code=UTF-8 -o t.pot fr/*.xml &&
"$top_srcdir/bench/gen-corpus" --po=en -o en.po t.pot &&
msgfmt -c --statistics -o /dev/null en.po
