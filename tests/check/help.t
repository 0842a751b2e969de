traduki check --help
