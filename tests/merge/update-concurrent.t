# Two -U runs at once on one catalog: the lock makes them take turns, so
# the result is what one run gives, never a mix.
cp basic.po $tmp/nl.po &&
{ traduki merge -q -U --previous $tmp/nl.po basic.pot & traduki merge -q -U --previous $tmp/nl.po basic.pot; wait; } &&
cmp $tmp/nl.po basic.out && echo same
