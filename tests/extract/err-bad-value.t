# A rule with a value ITS does not define.
traduki extract --its=data/bad-value.its 01-collapse.xml; echo "exit $?"
