# No document given.
traduki extract --its=rules.its
