traduki check --only=sentences sentences-good*.po
