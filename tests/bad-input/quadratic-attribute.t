# The same blowup inside a translatable attribute (alt).
. ./lib.sh
quadratic "$tmp/quadratic.xml" '<article><image alt="' '"/></article>'
guarded "$tmp/content.pot" traduki extract --its=../../content/article.its -o "$tmp/content.pot" "$tmp/quadratic.xml"
