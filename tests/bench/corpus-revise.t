# A revised corpus has the same articles, valid, with about the asked
# fraction of paragraphs edited; the other paragraphs are unchanged.
gen="$top_srcdir/bench/gen-corpus"
"$gen" -q -n 20 --seed=5 -o "$tmp/a" && "$gen" -n 20 --seed=5 --revise=0.25 -o "$tmp/b" &&
traduki validate -q --schema="$top_srcdir/content/article.rng" "$tmp"/b/*.xml &&
(cd "$tmp/a" && ls) >"$tmp/names-a" && (cd "$tmp/b" && ls) | diff "$tmp/names-a" - &&
cat "$tmp"/a/*.xml | grep -c '<p' && diff "$tmp/a" "$tmp/b" | grep -c '^>'
