. ./lib.sh
guarded "$tmp/content.pot" traduki extract -o "$tmp/content.pot" bad-utf8.xml
