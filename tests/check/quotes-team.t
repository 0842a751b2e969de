traduki check --only=quotes quotes-team-bad.po quotes-header-bad.po
