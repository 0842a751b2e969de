traduki check --only=format format-good*.po
