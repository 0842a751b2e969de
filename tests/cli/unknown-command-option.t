traduki validate --frobnicate
