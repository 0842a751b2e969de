traduki merge --no-such-option
