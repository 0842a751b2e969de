# XHTML pages: inline markup, a script and a style that are not
# translated, preformatted text.  No schema is packaged: well-formedness
# only.
. ./roundtrip.sh
validate() { xmllint --noout "$1"; }
roundtrip xhtml xhtml.its pre ""
