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
