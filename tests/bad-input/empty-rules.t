. ./lib.sh
guarded "$tmp/content.pot" traduki extract --its=empty.its -o "$tmp/content.pot" article.xml
