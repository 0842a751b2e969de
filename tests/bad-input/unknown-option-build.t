traduki build --no-such-option
