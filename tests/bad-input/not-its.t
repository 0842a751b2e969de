. ./lib.sh
guarded "$tmp/content.pot" traduki extract --its=not-its.its -o "$tmp/content.pot" article.xml
