# The same size and seed always give the same bytes: two whole articles.
"$top_srcdir/bench/gen-corpus" -q -n 2 --seed=3 -o "$tmp" && cat "$tmp"/*.xml
