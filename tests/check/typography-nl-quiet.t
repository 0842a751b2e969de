traduki check --only=typography typography-nl-good.po
