# An option of one mode in the other is a usage error that names it:
# the site's --jobs with --lang, a catalog or a list of documents without
# --lang.  Nothing is written.
traduki build --lang=fr --jobs=2 -o "$tmp/x" data/article.xml; echo "exit $?"
traduki build --site=data/site.xml --po=data/en.po -o "$tmp/x"; echo "exit $?"
: >"$tmp/list"
traduki build -x xml -f "$tmp/list" -o "$tmp/x"; echo "exit $?"
test -e "$tmp/x" || echo "nothing written"
