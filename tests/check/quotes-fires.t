traduki check --only=quotes quotes-bad.po
