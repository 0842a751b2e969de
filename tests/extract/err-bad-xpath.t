# A selector that is not XPath: the column points into the expression.
traduki extract --its=data/bad-xpath.its -o "$tmp/out.pot" 01-collapse.xml; echo "exit $?"; ls "$tmp"
