# A Latin-1 catalog whose keywords follow tabs or spaces is read as gettext reads it, charset and flags included.
traduki check indented-latin1.po
