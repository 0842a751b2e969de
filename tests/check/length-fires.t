traduki check --only=length length-bad.po
