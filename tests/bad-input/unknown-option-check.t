traduki check --no-such-option
