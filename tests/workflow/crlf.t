# A catalog saved with CRLF line endings (a Windows editor, core.autocrlf,
# a web upload) is read as gettext reads it: no spurious diagnostics, the
# same counts and pages, a status page without stray CRs.  The merge
# writes it back with LF, as gettext's tools write catalogs, and says so;
# the next run has nothing to do.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
(cd "$out" && find public xml -type f ! -name .traduki-files | LC_ALL=C sort | xargs md5sum) >"$tmp/lf"
sed -i 's/$/\r/' "$site/po/nl.po"
(cd "$site" && traduki check --site=content/site.xml po/nl.po) >"$tmp/check" 2>&1; echo "check of the CRLF catalog: exit status $?"
grep -v '^    ' "$tmp/check"
touch "$site/po/nl.po"
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
grep -c 'cannot read' "$tmp/log" | sed 's/^/"cannot read" notes: /'
grep 'CR LF' "$tmp/log"
printf 'lines ending in CR in po/nl.po: %s\n' "$(grep -c "$(printf '\r')" "$site/po/nl.po")"
cmp -s "$top_srcdir/po/nl.po" "$site/po/nl.po" && echo "po/nl.po: the catalog as it was, with LF"
grep -c "$(printf '\r')" "$out/public/status/index.html" | sed 's/^/CRs on the status page: /'
(cd "$out" && find public xml -type f ! -name .traduki-files | LC_ALL=C sort | xargs md5sum) >"$tmp/crlf"
cmp -s "$tmp/lf" "$tmp/crlf" && echo "the site and the localized XML: the same"
pipeline translate >"$tmp/log" 2>&1 && test ! -s "$tmp/log" && echo "then nothing to do"
