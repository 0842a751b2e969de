traduki check
