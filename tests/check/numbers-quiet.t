traduki check --only=numbers numbers-good*.po
