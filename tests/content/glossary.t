# The bundled catalogs follow the teams' glossary (po/glossary.tbx) and
# translate each French text one way; a term translated otherwise is found.
cd "$top_srcdir" && traduki check --only=glossary,consistency --glossary=po/glossary.tbx po/en.po po/nl.po 2>&1 | grep 'problems:'
sed 's|niet-begeleide minderjarige vreemdelingen|alleenstaande minderjarigen|' "$top_srcdir/po/nl.po" >"$tmp/nl.po"
cd "$top_srcdir" && traduki check --only=glossary --glossary=po/glossary.tbx "$tmp/nl.po" 2>&1 | grep -c 'warning: \[glossary\] the source has “mineurs étrangers non accompagnés”'
