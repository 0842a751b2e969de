# An output file in a folder that does not exist.
traduki extract --source-lang=en --its=rules.its -o "$tmp/no/such/dir/out.pot" 01-collapse.xml; echo "exit $?"
