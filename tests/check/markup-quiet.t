traduki check --only=markup markup-good.po
