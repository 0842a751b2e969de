. ./lib.sh
guarded "$tmp/content.pot" traduki extract --its=bad-xpath.its -o "$tmp/content.pot" article.xml
