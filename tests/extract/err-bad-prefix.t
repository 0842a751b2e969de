# A selector with a prefix the rules do not declare.
traduki extract --its=data/bad-prefix.its -o "$tmp/out.pot" 01-collapse.xml; echo "exit $?"; ls "$tmp"
