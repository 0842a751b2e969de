traduki
