# The engine keeps to the map of doc/internals.md: every module on a floor, none calling above its own.
sh "$top_srcdir/tools/check-floors" "$top_srcdir"
