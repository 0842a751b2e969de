# bench/run end to end on a tiny corpus: it measures every tool of the
# chosen steps (or says why not) and writes the report and the plots.
"$top_srcdir/bench/run" --traduki="$TRADUKI" --srcdir="$top_srcdir" --work="$tmp/work" \
	--results="$tmp/RESULTS.md" --sizes=5 --runs=1 --steps=read,validate,extract >"$tmp/log" &&
sed -n 's/^| \([^|]*\) | 5 |.*/\1/p' "$tmp/RESULTS.md" && ls "$tmp" | grep svg
