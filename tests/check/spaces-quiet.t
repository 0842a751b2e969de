traduki check --only=spaces spaces-good*.po
