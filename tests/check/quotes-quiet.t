traduki check --only=quotes quotes-good*.po
