. ./lib.sh
guarded "$tmp/content.pot" traduki extract --its=no-such-rules.its -o "$tmp/content.pot" article.xml
