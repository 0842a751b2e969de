# A document named twice, and again through its folder: each reference once,
# in the order the documents were first read.
SOURCE_DATE_EPOCH=0; export SOURCE_DATE_EPOCH
traduki extract --source-lang=en --its=rules.its data/dir/c.xml data/dir/a.xml data/dir/c.xml data/dir | sed -n "/^#:/,\$p"
