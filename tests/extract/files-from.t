# -f: documents listed in a file, comments and blank lines skipped.
SOURCE_DATE_EPOCH=0; export SOURCE_DATE_EPOCH
traduki extract --source-lang=en --its=rules.its -f data/list.txt 38-root-text.xml | sed -n "/^#:/,\$p"
