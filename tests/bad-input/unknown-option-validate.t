traduki validate --no-such-option
