# The date: SOURCE_DATE_EPOCH, kept while the messages stay the same
# (the file is not even rewritten), new when they change.
export SOURCE_DATE_EPOCH=86400
traduki extract --source-lang=en --its=rules.its -o "$tmp/a.pot" 01-collapse.xml && grep POT-Creation "$tmp/a.pot"
touch -d "2001-01-01 00:00" "$tmp/a.pot"
export SOURCE_DATE_EPOCH=172800
traduki extract --source-lang=en --its=rules.its -o "$tmp/a.pot" 01-collapse.xml && grep POT-Creation "$tmp/a.pot"
ls -l --time-style=+%Y "$tmp/a.pot" | awk "{print \$6}"
traduki extract --source-lang=en --its=rules.its -o "$tmp/a.pot" 01-collapse.xml 02-nbsp.xml && grep POT-Creation "$tmp/a.pot"
