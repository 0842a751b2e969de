# A quadratic blowup in text (libxml2 does not expand the references;
# traduki would, for the message).
. ./lib.sh
quadratic "$tmp/quadratic.xml" '<p>' '</p>'
guarded "$tmp/content.pot" traduki extract -o "$tmp/content.pot" "$tmp/quadratic.xml"
