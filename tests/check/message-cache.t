# With --cache, a message already checked is neither counted nor checked
# again (doc/check.md), and the report is byte for byte the one a check
# without a cache gives: for every catalog of these tests with problems,
# after translations changed and lines moved, after the glossary changed,
# with other checks skipped, and with a damaged cache.
for f in *-bad.po glossary-good.po review-nl.po; do cp "$f" "$tmp/$f" || exit 99; done
cp glossary.tbx "$tmp/glossary.tbx" || exit 99
report() { # report [OPTION...]: the JSON report of every catalog
	traduki check --format=json --glossary="$tmp/glossary.tbx" "$@" "$tmp"/*.po
	echo "exit status $?"
}
same() {
	report --cache="$tmp/pack" "$@" >"$tmp/cached" 2>&1
	report "$@" >"$tmp/clean" 2>&1
	cmp "$tmp/cached" "$tmp/clean" && echo "$what: as without a cache"
}
what="first check" same
what="second check" same
# Hits give the same report: shown by a cache that is not the truth.
test -s "$tmp/pack" && echo "a cache was written"
sed -i -e 's/^msgstr "\(.*\)[0-9]\(.*\)"$/msgstr "\1 \2"/' "$tmp/numbers-bad.po"
sed -i -e '0,/^#:/s/^#:/# Three lines\n# of a translator\n# comment.\n#:/' "$tmp/markup-bad.po" "$tmp/review-nl.po"
what="translations changed, lines moved" same
sed -i 's/<term>[^<]*<\/term>/<term>autre<\/term>/' "$tmp/glossary.tbx"
what="the glossary changed" same
what="checks skipped" same --skip=numbers,quotes
printf 'x' | dd of="$tmp/pack" bs=1 seek=100 conv=notrunc 2>/dev/null
what="a damaged cache" same
