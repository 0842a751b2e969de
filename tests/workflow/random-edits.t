# make translate after random edits (articles, catalogs, templates, ITS
# rules) writes, byte for byte, what a clean run on the same sources
# writes: the template, the catalogs, the localized XML, the site and its
# status page.  Each round makes one to three edits, runs make translate
# where the last round left its outputs and caches, and runs it again on
# a copy of the sources in an empty folder.  The seed is printed when a
# round differs (RANDOM_EDITS_SEED=N replays it; RANDOM_EDITS_ROUNDS=N
# for a longer run).
. ./setup.sh
seed=${RANDOM_EDITS_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
rounds=${RANDOM_EDITS_ROUNDS:-4}
state=$((seed % 2147483648))
# rand N: a number from 0 to N-1 in $r.
rand() {
	state=$(((state * 1103515245 + 12345) % 2147483648))
	r=$(((state / 65536) % $1))
}
# pick FILE...: one of them in $picked.
pick() {
	rand $#
	shift $r
	picked=$1
}
templates=$tmp/templates
cp -R "$top_srcdir/templates" "$templates" && chmod -R u+w "$templates" || exit 99
run() {
	pipeline TEMPLATES_DIR="$templates" "$@" translate
}
run >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
edit_article() {
	pick "$site"/content/fr/*.xml
	rand 4
	case $r in
	0) sed -i "s|</title>| $n</title>|" "$picked" ;;
	1) # the paragraph of a random line, if it has one
		rand "$(wc -l <"$picked")"
		sed -i "$((r + 1))s|</p>| Ajout $n.</p>|" "$picked" ;;
	2) sed -i "s|</tags>|<tag>sujet $n</tag></tags>|" "$picked" ;;
	3) touch "$picked" ;;
	esac
	echo "article $r $picked"
}
edit_catalog() {
	pick "$site/po/en.po" "$site/po/nl.po"
	catalog=$picked
	pick $(grep -n '^msgstr "[^"]' "$catalog" | cut -d: -f1)
	rand 2
	case $r in
	0) sed -i "${picked}s|^msgstr \"|msgstr \"$n |" "$catalog" ;;
	1) sed -i "${picked}s|^msgstr \".*\"\$|msgstr \"\"|" "$catalog" ;;
	esac
	echo "catalog $r $catalog:$picked"
}
edit_template() {
	rand 4
	case $r in
	0) sed -i "s|<footer class=\"site-footer\">|&<span>edit $n</span>|" "$templates/layout.xsl" ;;
	1) echo "/* edit $n */" >>"$templates/style.css" ;;
	2) echo "<!-- edit $n -->" >>"$templates/site.xsl" ;;
	3) sed -i "s|<footer>|&<span>edit $n</span>|" "$templates/article.xsl" ;;
	esac
	echo "template $r"
}
edit_rules() {
	rand 3
	case $r in
	0) sed -i "s|</its:rules>|<its:translateRule selector=\"//credit\" translate=\"no\"/></its:rules>|" \
		"$site/content/article.its" ;;
	1) sed -i "s|<its:translateRule selector=\"//credit\" translate=\"no\"/>||g" \
		"$site/content/article.its" ;;
	2) sed -i "s|Caption printed under a picture.|Caption printed under a picture ($n).|" \
		"$site/content/article.its" ;;
	esac
	echo "rules $r"
}
n=0
round=1
while [ $round -le $rounds ]; do
	rand 3
	edits=$((r + 1))
	: >"$tmp/edits"
	while [ $edits -gt 0 ]; do
		n=$((n + 1))
		pick edit_article edit_article edit_catalog edit_catalog edit_template edit_rules
		$picked >>"$tmp/edits"
		edits=$((edits - 1))
	done
	copy_sources
	run >"$tmp/log" 2>&1
	status=$?
	if ! same_as_clean TEMPLATES_DIR="$templates" >"$tmp/diff"; then
		echo "round $round (seed $seed) differs from a clean run after:"
		sed "s|$tmp/||" "$tmp/edits"
		head -n 40 "$tmp/diff"
		exit 1
	fi
	round=$((round + 1))
done
echo "$rounds rounds as a clean run"
