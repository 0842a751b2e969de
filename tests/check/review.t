# The review page of an article: its messages in the source's order, each
# with its state, its line, its problems; how the source of a fuzzy one
# changed, word by word; why a rejected one is rejected.  The status page
# links each article to it, and each problem to its message.
mkdir "$tmp/status" && traduki check --site=site.xml --html="$tmp/status/index.html" --review --page-link='../{lang}/news/{id}.html' review-nl.po >/dev/null 2>&1; echo "exit status $?"
ls "$tmp/status" "$tmp/status/nl"
grep -o 'href="nl/[^"]*"' "$tmp/status/index.html" | sort | uniq -c
cat "$tmp/status/nl/loi.html" | sed -n '/<main>/,/<\/main>/p'
