# Sourced by the cases of this suite.  A copy of the bundled content and
# catalogs in $tmp/site (the source tree of the pipeline), its outputs in
# $tmp/out, and "pipeline TARGET..." to run tools/translate.mk on them
# with the traduki under test, as "make translate" does in the build
# tree.  Template dates are reproducible (SOURCE_DATE_EPOCH); the make of
# "make check" lends nothing (its flags, V=1) to the pipeline's.
site=$tmp/site
out=$tmp/out
mkdir -p "$site" "$out" &&
	cp -R "$top_srcdir/content" "$top_srcdir/po" "$site/" &&
	chmod -R u+w "$site" || exit 99
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
unset MAKEFLAGS MFLAGS MAKELEVEL V CI

# pipeline [-C DIR] [srcdir=DIR] TARGET...: outputs in $out (or DIR).
pipeline() {
	make -s --no-print-directory -C "$out" -f "$top_srcdir/tools/translate.mk" \
		srcdir="$site" TRADUKI="$TRADUKI" TEMPLATES_DIR="$top_srcdir/templates" "$@"
}

# Every file below the folders given, with its size and time.
snapshot() {
	find "$@" -printf '%p %s %T@\n' | LC_ALL=C sort
}

# The promise of the caches: make translate where earlier runs left their
# outputs and caches writes what a clean run writes.  copy_sources copies
# the sources, as they are before the run to check, to $tmp/clean/site;
# same_as_clean [VAR=VALUE...] then runs make translate (with those
# variables) on that copy in the empty $tmp/clean/out, and compares byte
# for byte its catalogs and outputs with those in $site and $out: it
# prints the differences and returns 1 when there are any, or when one
# run failed and not the other ($status: the exit status of the run to
# check).  The list of the site's files names the images with their
# times, which cp changed: its first column only.
copy_sources() {
	rm -rf "$tmp/clean" && mkdir -p "$tmp/clean/out" && cp -R "$site" "$tmp/clean/site" ||
		exit 99
}
same_as_clean() {
	pipeline -C "$tmp/clean/out" srcdir="$tmp/clean/site" "$@" translate >"$tmp/log-clean" 2>&1
	clean_status=$?
	[ "$status" = "$clean_status" ] ||
		{ echo "exit status $status, clean run $clean_status" && return 1; }
	cut -f1 "$out/public/.traduki-files" >"$tmp/names" 2>&1
	cut -f1 "$tmp/clean/out/public/.traduki-files" >"$tmp/names-clean" 2>&1
	diff -r "$site/po" "$tmp/clean/site/po" &&
		diff -r -x .traduki-cache -x .stamps -x .traduki-files "$out" "$tmp/clean/out" &&
		diff "$tmp/names" "$tmp/names-clean"
}
