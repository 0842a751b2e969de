# A directory: its *.xml files, sorted, subfolders included.
SOURCE_DATE_EPOCH=0; export SOURCE_DATE_EPOCH
traduki extract --source-lang=en --its=rules.its data/dir | sed -n "/^#:/,\$p"
