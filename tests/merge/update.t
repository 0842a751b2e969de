# -U replaces DEF.po, keeping DEF.po~ with --backup=simple; a second run
# that changes nothing leaves the file alone, its time stamp too.
cp basic.po $tmp/nl.po &&
traduki merge -q -U --backup=simple --previous $tmp/nl.po basic.pot &&
cmp $tmp/nl.po basic.out && cmp $tmp/nl.po~ basic.po && echo "updated, backup kept" &&
touch -d '2001-01-01 00:00' $tmp/nl.po && rm $tmp/nl.po~ &&
traduki merge -q -U --backup=simple --previous $tmp/nl.po basic.pot &&
test "$(stat -c %Y $tmp/nl.po)" = "$(date -d '2001-01-01 00:00' +%s)" &&
test ! -e $tmp/nl.po~ && echo "unchanged: not rewritten, no backup"
