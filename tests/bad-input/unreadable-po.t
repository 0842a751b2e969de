. ./lib.sh
cp latin1.po "$tmp/nl.po" && chmod 000 "$tmp/nl.po"
as_user ${TRADUKI_WRAPPER:-} "$TRADUKI" check "$tmp/nl.po"
