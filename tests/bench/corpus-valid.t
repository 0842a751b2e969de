# Generated articles are valid against the project's schema.
"$top_srcdir/bench/gen-corpus" -n 5 --seed=7 -o "$tmp/fr" &&
traduki validate -q --schema="$top_srcdir/content/article.rng" "$tmp"/fr/*.xml && ls "$tmp/fr"
