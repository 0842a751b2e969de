traduki build --help
