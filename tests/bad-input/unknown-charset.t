traduki check unknown-charset.po
