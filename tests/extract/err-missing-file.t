# A document that does not exist; the others are still read and checked.
traduki extract --its=rules.its -o "$tmp/out.pot" no-such-file.xml 01-collapse.xml; echo "exit $?"; ls "$tmp"
