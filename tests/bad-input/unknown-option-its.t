traduki its --no-such-option
