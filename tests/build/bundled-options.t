# Short options bundled as getopt reads them: -qLfr is -q and --lang=fr,
# the same build as "-q -Lfr" (the mode is what the options say, not how
# they are written); -qs names the site file in either mode.
traduki build -qLfr -o "$tmp/a" data/article.xml; echo "exit $?"; ls "$tmp/a"
traduki build -q -Lfr -o "$tmp/b" data/article.xml; echo "exit $?"
cmp "$tmp/a/manifest.xml" "$tmp/b/manifest.xml" && echo "the same manifest"
traduki build -qLfr -sdata/site.xml -o "$tmp/c" data/article.xml data/site.xml; echo "exit $?"; ls "$tmp/c"
