traduki --help >/dev/full
