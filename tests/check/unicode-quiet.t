traduki check --only=unicode unicode-good*.po
