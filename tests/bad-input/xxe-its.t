# traduki its and validate do not read external entities either.
. ./lib.sh
traduki its --category=translate xxe.xml >"$tmp/out" 2>"$tmp/err"
echo "its: $?" >>"$tmp/out"
traduki validate --schema=../../content/article.rng xxe.xml >>"$tmp/out" 2>>"$tmp/err"
echo "validate: $?" >>"$tmp/out"
no_secret "$tmp/out" "$tmp/err"
cat "$tmp/out"; cat "$tmp/err" >&2
