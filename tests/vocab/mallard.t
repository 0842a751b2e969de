# Mallard pages as GNOME help writes them: no xml:lang (the source
# language is given on the command line), editorial comments that Locale
# Filter keeps from every language, code and screens.
. ./roundtrip.sh
rng=/usr/share/xml/mallard/1.1/mallard-1.1.rng
[ -f $rng ] || skip "no $rng (Debian package mallard-rng)"
validate() { vout=$(xmllint --noout --relaxng $rng "$1" 2>&1) || { echo "$vout" | head -5; return 1; }; }
roundtrip mallard mallard.its code,screen comment --source-lang=en
