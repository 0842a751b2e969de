#!/bin/sh
# Runs one golden test case and compares what it printed with what is
# expected.  Usage: golden.sh CASE   (called by the Automake test harness)
#
# A case is files named alike in one suite folder (tests/SUITE/):
#   NAME.t     the command: a line of shell that runs "traduki ..." (or,
#              in a suite with a default.cmd, the input file itself, and
#              default.cmd holds the command, with $input for its name);
#   NAME.out   expected standard output   (absent: empty)
#   NAME.err   expected standard error    (absent: empty)
#   NAME.rc    expected exit status       (absent: 0)
# The command runs in the suite's source folder, so file names in
# diagnostics are short and stable; it writes scratch files only under
# "$tmp".  Occurrences of $tmp and of the source tree's absolute path in
# the output read as $TMP and $SRCDIR in expectations.
#
# With UPDATE_GOLDEN=1 the expectations are rewritten from this run.
set -u

case_file=$1
: "${TRADUKI:?TRADUKI must name the traduki binary}"
: "${top_srcdir:?}" "${top_builddir:?}"

# The harness passes the path as found (builddir or srcdir).
case $case_file in
/*) ;;
*) [ -f "$case_file" ] || case_file=$top_srcdir/$case_file ;;
esac
[ -f "$case_file" ] || { echo "golden.sh: no such case: $1" >&2; exit 99; }

dir=$(cd "$(dirname "$case_file")" && pwd)
file=$(basename "$case_file")
name=${file%.*}
suite=$(basename "$dir")

if [ "${file##*.}" = t ]; then
	command=$(cat "$case_file")
elif [ -f "$dir/default.cmd" ]; then
	command=$(cat "$dir/default.cmd")
else
	echo "golden.sh: $file is not a .t case and $suite has no default.cmd" >&2
	exit 99
fi

tmp=$top_builddir/tests/tmp/$suite/$name
rm -rf "$tmp" "$tmp.skip" && mkdir -p "$tmp" || exit 99
actual_out=$tmp.out
actual_err=$tmp.err

# TRADUKI_WRAPPER runs every traduki under another program ("make
# check-valgrind" sets it to valgrind, which then prints only errors).
traduki() { ${TRADUKI_WRAPPER:-} "$TRADUKI" "$@"; }

# A case that cannot run here says why and stops: "skip 'no strace'".
skip() {
	echo "$*" >"$tmp.skip"
	exit 77
}

(
	cd "$dir" || exit 99
	input=$file
	export tmp input top_srcdir top_builddir TRADUKI
	eval "$command"
) >"$actual_out" 2>"$actual_err" </dev/null
rc=$?
if [ -f "$tmp.skip" ]; then
	echo "SKIP: $suite/$name: $(cat "$tmp.skip")"
	exit 77
fi

# Make the output independent of where the trees are.
normalise() {
	sed -e "s|$tmp|\$TMP|g" -e "s|$top_srcdir|\$SRCDIR|g" "$1" >"$1.n" && mv "$1.n" "$1"
}
normalise "$actual_out"
normalise "$actual_err"

expect() { # expect SUFFIX: the expected NAME.SUFFIX, or nothing
	if [ -f "$dir/$name.$1" ]; then
		cat "$dir/$name.$1"
	fi
}

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	for kind in out err; do
		eval "actual=\$actual_$kind"
		if [ -s "$actual" ]; then cp "$actual" "$dir/$name.$kind"; else rm -f "$dir/$name.$kind"; fi
	done
	if [ "$rc" -ne 0 ]; then echo "$rc" >"$dir/$name.rc"; else rm -f "$dir/$name.rc"; fi
	echo "updated $suite/$name"
	exit 0
fi

status=0
expected_rc=0
[ -f "$dir/$name.rc" ] && expected_rc=$(cat "$dir/$name.rc")
if [ "$rc" != "$expected_rc" ]; then
	echo "FAIL: exit status $rc, expected $expected_rc"
	status=1
fi
for kind in out err; do
	eval "actual=\$actual_$kind"
	if ! expect "$kind" | diff -u - "$actual" >"$tmp.$kind.diff"; then
		echo "FAIL: standard $( [ $kind = out ] && echo output || echo error) differs (- expected, + actual):"
		cat "$tmp.$kind.diff"
		status=1
	fi
done
[ $status -eq 0 ] && echo "ok: $suite/$name"
exit $status
