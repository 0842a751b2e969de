# The summary cannot be written: the build fails loudly.
traduki build --lang=fr -o "$tmp/fr" data/article.xml >/dev/full; echo "exit $?"
