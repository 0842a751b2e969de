traduki check --only=markup markup-bad.po
