# What a run killed outright left (NAME.tmpXXXXXX, unlocked) is removed by
# the next run that writes NAME, and nothing else: not the temporary file
# of another file, not one a running process holds (locked), not a file
# of the user's that only looks like one.
. ./lib.sh
cp ../check/coverage-nl.po "$tmp/nl.po" || exit 99
for f in nl.po.tmpAb12Cd nl.po.tmpZZZZZZ other.po.tmpAb12Cd nl.po.tmp12345 nl.po.tmpAb12Cd.txt notes.tmpAb12Cd; do
	printf 'partial\n' >"$tmp/$f"
done
mkdir "$tmp/nl.po.tmpFolder" && ln -s nl.po "$tmp/nl.po.tmpLinked"
# A writer that is still at work holds its temporary file locked.
flock "$tmp/nl.po.tmpZZZZZZ" sh -c '
	"$0" merge -q -U "$1/nl.po" "$2/po/content.pot"
' "$TRADUKI" "$tmp" "$top_srcdir" || exit
ls -A "$tmp" | LC_ALL=C sort
