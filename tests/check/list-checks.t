traduki check --list-checks
