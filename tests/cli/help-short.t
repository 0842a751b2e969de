traduki -h
