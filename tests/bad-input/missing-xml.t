. ./lib.sh
guarded "$tmp/content.pot" traduki extract -o "$tmp/content.pot" no-such-file.xml
