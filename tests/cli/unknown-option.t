traduki --frobnicate
