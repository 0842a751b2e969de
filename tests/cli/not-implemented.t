traduki build
