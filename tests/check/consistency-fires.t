traduki check --only=consistency consistency-bad.po
