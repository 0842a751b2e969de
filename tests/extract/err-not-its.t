# A rules file that is XML but not ITS.
traduki extract --its=data/not-its.its -o "$tmp/out.pot" 01-collapse.xml; echo "exit $?"; ls "$tmp"
