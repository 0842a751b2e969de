traduki check --only=plural-forms plural-good*.po
