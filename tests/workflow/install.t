# make install with a DESTDIR puts the program, the site's templates and
# the manual page below it; make uninstall takes every file away again.
unset MAKEFLAGS MFLAGS MAKELEVEL
dest=$tmp/dest
make -s --no-print-directory -C "$top_builddir" install DESTDIR="$dest" >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log"; exit 1; }
# (Paths from bin/ or share/, whatever the prefix.)
cd "$dest" && find . -type f | sed 's|^.*/\(bin/\)|\1|; s|^.*/\(share/\)|\1|' | LC_ALL=C sort
man_page=$(find . -name traduki.1)
head -n 3 "$man_page" | tail -n 1
make -s --no-print-directory -C "$top_builddir" uninstall DESTDIR="$dest" >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log"; exit 1; }
echo "files left after make uninstall: $(find "$dest" -type f | wc -l)"
