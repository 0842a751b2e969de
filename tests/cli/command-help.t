traduki validate --help
