traduki --version >/dev/full
