traduki validate --schema
