# Helpers for the bad-input cases (sourced by each NAME.t).
#
# Every case runs traduki on one bad input and states, in its golden
# files, the exact diagnostics and exit status.  Besides, what must not
# happen is checked here, and any breach is printed on standard error,
# which makes the case fail:
#   keep FILE...      gives each FILE known contents, before the run;
#   kept FILE...      after the run: each FILE still has them (no existing
#                     file damaged);
#   no_leftovers DIR  no temporary file is left in DIR (no partial output);
#   no_secret FILE... none of the files holds the secret of secret.txt
#                     (no local file leaked through an entity);
#   guarded FILE COMMAND...  all of it around a COMMAND that is to fail
#                     writing FILE; returns COMMAND's status.
# Large inputs are made on the fly in $tmp, never committed.

keep() {
	for f; do
		printf 'the old contents of %s\n' "${f##*/}" >"$f"
	done
}

kept() {
	for f; do
		if [ "$(cat "$f" 2>/dev/null)" != "the old contents of ${f##*/}" ]; then
			echo "DAMAGED: $f" >&2
		fi
	done
}

no_leftovers() {
	for f in "$1"/*.tmp* "$1"/.*.tmp*; do
		[ -e "$f" ] && echo "LEFT BEHIND: $f" >&2
	done
	return 0
}

no_secret() {
	for f; do
		if grep -q 'TRADUKI-SECRET' "$f"; then
			echo "LEAKED: the secret is in $f" >&2
		fi
	done
}

# Runs a command without the power of root to read or write any file
# (unreadable and unwritable cases: root ignores permissions).  Skips the
# case when that cannot be arranged.
as_user() {
	if [ "$(id -u)" -ne 0 ]; then
		"$@"
	elif command -v setpriv >/dev/null 2>&1 &&
		setpriv --bounding-set=-dac_override,-dac_read_search true 2>/dev/null; then
		setpriv --bounding-set=-dac_override,-dac_read_search "$@"
	else
		skip "running as root without setpriv: permissions cannot be tested"
	fi
}

guarded() {
	guarded_file=$1
	shift
	keep "$guarded_file"
	"$@"
	guarded_status=$?
	kept "$guarded_file"
	no_leftovers "$(dirname "$guarded_file")"
	return $guarded_status
}

# quadratic FILE BEFORE AFTER: a document that declares one entity of
# 20 kB and references it 5,000 times between BEFORE and AFTER: 100 MB
# of text from a file of 100 kB, were it expanded.
quadratic() {
	{
		printf '<!DOCTYPE doc [<!ENTITY a "'
		i=0
		while [ $i -lt 200 ]; do
			printf '%0100d' 0
			i=$((i + 1))
		done
		printf '">]>\n%s' "$2"
		i=0
		while [ $i -lt 5000 ]; do
			printf '&a;'
			i=$((i + 1))
		done
		printf '%s\n' "$3"
	} >"$1"
}

# site OUT [OPTION...]: builds the site of tests/site (French and English)
# into OUT, quietly.
site() {
	site_out=$1
	shift
	traduki build -q --site=../site/xml/fr/site.xml --xml=../site/xml --languages=en \
		--templates="$top_srcdir/templates" -o "$site_out" "$@"
}

# tree DIR: the files and links below DIR, one a line, sorted.
tree() {
	(cd "$1" && find . \( -type f -o -type l \) | LC_ALL=C sort)
}
