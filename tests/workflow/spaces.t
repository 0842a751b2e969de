# Paths with spaces, quotes and letters beyond ASCII, for the sources and
# for the outputs: make translate works, the site is the usual one, and a
# second run has nothing to do.
. ./setup.sh
odd="$tmp/Mes documents/l'équipe \"ECPAT\" (copie)"
mkdir -p "$odd/sortie à côté" && mv "$site" "$odd/site" && mv "$out" "$odd/sortie à côté/out" || exit 1
site=$odd/site
out="$odd/sortie à côté/out"
pipeline translate >"$tmp/log" 2>&1; echo "make translate: exit status $?"
grep -i 'error:\|cannot\|no such' "$tmp/log"
ls "$out/public"
echo "pages: $(find "$out/public" -name '*.html' | wc -l)"
pipeline translate >"$tmp/log" 2>&1 && test ! -s "$tmp/log" && echo "second run: nothing to do"
touch "$site/content/fr/formation-managers-accor.xml"
pipeline translate >"$tmp/log" 2>&1; echo "after an edit: exit status $?"
grep '^  ' "$tmp/log"
pipeline check-coverage >"$tmp/log" 2>&1; echo "make check-coverage: exit status $?"
