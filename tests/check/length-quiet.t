traduki check --only=length length-good*.po
