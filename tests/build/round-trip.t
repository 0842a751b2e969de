# Extraction and merge back agree: every document of the extraction cases
# and of the project's content, built with its own template "translated"
# into itself (msgen; every copy marked as intended), reads as the source
# does, once whitespace is collapsed and entities expanded.  The only
# differences are the comments and processing instructions inside units,
# which a translation drops (the whitespace at the ends of a unit or an
# attribute value, which a message trims, is put back).  No unit falls
# back.
rt() { # rt NAME RULES FILES...
	name=$1 rules=$2; shift 2
	traduki extract $rules -o "$tmp/$name.pot" "$@" &&
	awk 'prev == "" && /^(#|msg)/ { print "# traduki: same-as-source" } { print; prev = $0 }' "$tmp/$name.pot" >"$tmp/$name.marked" &&
	msgen -o "$tmp/$name.po" "$tmp/$name.marked" &&
	traduki build -q --lang=xx --po="$tmp/$name.po" $rules -o "$tmp/$name/tr" "$@" &&
	traduki build -q --lang=xx $rules --source-lang=xx -o "$tmp/$name/src" "$@" || echo "$name: build failed"
	for f in "$@"; do
		b=$(basename "$f")
		norm "$tmp/$name/src/$b" >"$tmp/a" && norm "$tmp/$name/tr/$b" >"$tmp/b" &&
		cmp -s "$tmp/a" "$tmp/b" || { echo "== $b"; diff "$tmp/a" "$tmp/b" | grep '^[<>]'; }
	done
	grep -h -o 'fallback="[1-9][0-9]*"' "$tmp/$name/tr/manifest.xml"
	echo "$name: $# documents"
}
norm() { xmllint --noent --nocdata "$1" 2>/dev/null | tr -s ' \t\n' '   ' | sed 's/> />/g; s/ </</g; s/></>\n</g'; }
(cd ../extract && rt extract "--its=rules.its --source-lang=en" [0-9]*.xml)
(cd "$top_srcdir" && rt content "--its=content/article.its --its=content/site.its" content/fr/*.xml content/site.xml)
