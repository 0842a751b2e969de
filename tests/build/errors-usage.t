# Usage errors: no language, no output folder, no document, two documents
# written under one name (or one over the manifest, or two as site.xml),
# a bad threshold, no catalog for a language other than the source's, an
# unknown option.  Nothing is written.
traduki build -o "$tmp/x" data/article.xml; echo "exit $?"
traduki build --lang=en data/article.xml; echo "exit $?"
traduki build --lang=en -o "$tmp/x"; echo "exit $?"
traduki build --lang=en -o "$tmp/x" data/article.xml ../hostile/article.xml; echo "exit $?"
traduki build --lang=fr -o "$tmp/x" data/manifest.xml; echo "exit $?"
traduki build --lang=fr --site=data/site.xml -o "$tmp/x" data/site.xml other/site.xml; echo "exit $?"
traduki build --lang=en --po=data/en.po --threshold=101 -o "$tmp/x" data/article.xml; echo "exit $?"
traduki build --lang=en --site=data/site.xml -o "$tmp/x" data/article.xml; echo "exit $?"
traduki build --lang=en --bogus -o "$tmp/x" data/article.xml; echo "exit $?"
test -e "$tmp/x" || echo "nothing written"
