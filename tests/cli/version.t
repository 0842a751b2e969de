traduki --version
