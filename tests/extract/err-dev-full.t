# A full disk on standard output fails loudly.
traduki extract --source-lang=en --its=rules.its 01-collapse.xml >/dev/full
