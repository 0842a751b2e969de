# The round trip of one vocabulary, sourced by the cases of this folder:
#
#   roundtrip NAME RULES 'PRESERVE' 'DROP' [EXTRACT-OPTIONS...]
#
# The documents of NAME/ (written for these tests, each valid against the
# vocabulary's schema where Debian packages it) are extracted with
# itstool's rules RULES, then built twice into the language xx: with an
# identity catalog (every msgstr its msgid, marked as meant) and with a
# pseudo-translation (every run of text in ⟦ ⟧).  Each output, put in canonical
# form by xmllint --c14n and canon.py, must read as the source does but
# for the differences ITS allows (see canon.py: whitespace that is not
# preserved, collapsed; the root's language; elements that Locale Filter
# keeps from every language, named by DROP; comments inside a unit), and
# the language of a unit whose source carried its own, which the goldens
# show (its text is now in the target language).
# Both outputs are validated as the sources are, by the function
# "validate" of the case (FILE...).  Prints the messages' count, each
# difference, the pseudo-translation's count of translated texts, and
# the validation's verdicts.
its_dir=/usr/share/itstool/its

canonical() { # canonical FILE [canon.py options]: on standard output
	canon_file=$1
	shift
	xmllint --nonet --noent --loaddtd --c14n "$canon_file" >"$tmp/c14n" 2>"$tmp/c14n.err" ||
		{ echo "xmllint --c14n failed on $canon_file:" >&2; cat "$tmp/c14n.err" >&2; return 1; }
	python3 "$top_srcdir/tests/vocab/canon.py" "$@" "$tmp/c14n"
}

roundtrip() {
	name=$1 rules=$its_dir/$2 preserve=$3 drop=$4
	shift 4
	[ -f "$rules" ] || skip "no $rules (Debian package itstool)"
	docs=$(cd "$name" && ls *.xml)
	for f in $docs; do validate "$name/$f" || echo "source $f: not valid"; done
	(cd "$name" && traduki extract --its="$rules" "$@" -o "$tmp/$name.pot" $docs) || return
	echo "$name: $(ls $name/*.xml | wc -l) documents, $(grep -c '^msgid' "$tmp/$name.pot") messages (header included)"
	# The identity: every message its own translation, marked as meant.
	awk 'prev == "" && /^(#|msg)/ { print "# traduki: same-as-source" } { print; prev = $0 }' \
		"$tmp/$name.pot" | msgen -o "$tmp/identity.po" - || return
	# The pseudo-translation: every run of text between tags in ⟦ ⟧.
	msgfilter --keep-header -i "$tmp/identity.po" -o "$tmp/pseudo.po" \
		sed -E 's/(^|>)([^<]*[^<[:space:]][^<]*)/\1⟦\2⟧/g' || return
	for kind in identity pseudo; do
		out=$tmp/$kind
		(cd "$name" && traduki build -q --lang=xx --po="$tmp/$kind.po" --its="$rules" "$@" \
			-o "$out" $docs) || echo "$kind: build failed"
		# The output may need the files its DOCTYPE names (ents.ent).
		for extra in "$name"/*; do
			case $extra in *.xml) ;; *) cp "$extra" "$out/" ;; esac
		done
		grep -h -o 'fallback="[1-9][0-9]*"' "$out/manifest.xml"
		markers=
		[ $kind = pseudo ] && markers=--markers
		for f in $docs; do
			canonical "$name/$f" --preserve "$preserve" --drop "$drop" >"$tmp/a" &&
				canonical "$out/$f" --preserve "$preserve" --drop "$drop" $markers >"$tmp/b" ||
				continue
			cmp -s "$tmp/a" "$tmp/b" || { echo "== $kind $f"; diff "$tmp/a" "$tmp/b" | grep '^[<>]'; }
			validate "$out/$f" || echo "$kind $f: not valid"
		done
		echo "$kind: $(cat "$out"/*.xml | grep -o '⟦' | wc -l) translated texts"
	done
}
