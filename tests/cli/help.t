traduki --help
