#!/bin/sh
# The differential test of traduki's own PO reader and writer (potext)
# against libgettextpo (tests/po-diff/po-diff.c, catalog_compare): every
# catalog of the test suite, and catalogs made as the bench makes them
# (a template extracted from generated articles, synthetic catalogs for
# it, merges with a revised template, and gettext's msgcat of each when
# msgcat is there).  Any difference fails, with the file and the line.
set -u
: "${top_srcdir:?}" "${top_builddir:?}" "${TRADUKI:?}"

podiff=$top_builddir/tests/po-diff/po-diff
gen=$top_srcdir/bench/gen-corpus
tmp=$top_builddir/tests/tmp/po-diff
rm -rf "$tmp" && mkdir -p "$tmp" || exit 99

find "$top_srcdir/tests" "$top_srcdir/po" -path "$top_srcdir/tests/tmp" -prune -o \
	\( -name '*.po' -o -name '*.pot' \) -type f -print | sort >"$tmp/list" || exit 99

cd "$tmp" || exit 99
its=$top_srcdir/content/article.its
"$gen" -q -n 150 --seed=17 -o fr && "$gen" -q -n 150 --seed=17 --revise=0.2 -o fr-rev &&
	$TRADUKI extract --its="$its" -o orig.pot fr/*.xml &&
	$TRADUKI extract --its="$its" -o rev.pot fr-rev/*.xml &&
	"$gen" -q --po=en -o en.po orig.pot && "$gen" -q --po=nl -o nl.po orig.pot &&
	$TRADUKI merge -q --previous -o en-merged.po en.po rev.pot &&
	$TRADUKI merge -q -o nl-merged.po nl.po rev.pot || exit 99
ls -1 "$tmp"/*.po "$tmp"/*.pot >>"$tmp/list"
if command -v msgcat >/dev/null 2>&1; then
	for f in en nl en-merged nl-merged; do
		msgcat -o "$f-msgcat.po" "$f.po" && echo "$tmp/$f-msgcat.po" >>"$tmp/list"
	done
fi
exec "$podiff" -l "$tmp/list"
