# TTML subtitles: spans and line breaks inside each paragraph.  No schema
# is packaged: well-formedness only.
. ./roundtrip.sh
validate() { xmllint --noout "$1"; }
roundtrip ttml ttml.its "" ""
