traduki check --only=typography typography-good*.po
