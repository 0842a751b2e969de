traduki check no-such-file.po
