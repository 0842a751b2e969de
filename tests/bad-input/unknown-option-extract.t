traduki extract --no-such-option
