# Malformed XML: file:line:col, exit 2, no output file.
traduki extract --its=rules.its -o "$tmp/out.pot" 01-collapse.xml data/broken.xml; echo "exit $?"; ls "$tmp"
