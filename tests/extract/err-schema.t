# With --schema, a document that breaks the schema stops the run.
traduki extract --its=../../content/article.its --schema=../../content/article.rng -o "$tmp/out.pot" data/invalid-article.xml; echo "exit $?"; ls "$tmp"
