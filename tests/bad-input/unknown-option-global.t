traduki --no-such-option extract
