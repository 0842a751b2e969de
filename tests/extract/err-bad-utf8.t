# Invalid UTF-8 in a document.
traduki extract --its=rules.its -o "$tmp/out.pot" data/bad-utf8.xml; echo "exit $?"; ls "$tmp"
