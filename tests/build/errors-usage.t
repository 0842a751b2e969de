# Usage errors: no language, no output folder, no document, two documents
# of one name, a bad threshold, no catalog for a language other than the
# source's.
traduki build -o "$tmp/x" data/article.xml; echo "exit $?"
traduki build --lang=en data/article.xml; echo "exit $?"
traduki build --lang=en -o "$tmp/x"; echo "exit $?"
traduki build --lang=en -o "$tmp/x" data/article.xml ../hostile/article.xml; echo "exit $?"
traduki build --lang=en --po=data/en.po --threshold=101 -o "$tmp/x" data/article.xml; echo "exit $?"
traduki build --lang=en --site=data/site.xml -o "$tmp/x" data/article.xml; echo "exit $?"
traduki build --lang=en --bogus -o "$tmp/x" data/article.xml; echo "exit $?"
test -e "$tmp/x" || echo "nothing written"
