traduki check --only=urls urls-good*.po
