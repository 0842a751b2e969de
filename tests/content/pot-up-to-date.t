# po/content.pot is what "make translate" writes from today's sources: a new
# run over a copy keeps its POT-Creation-Date and changes no byte.
cd "$top_srcdir" && cp po/content.pot "$tmp/content.pot" && traduki extract --its=content/article.its --its=content/site.its --package-name=ecpat-content -o "$tmp/content.pot" content/fr/*.xml content/site.xml && cmp po/content.pot "$tmp/content.pot" && echo "po/content.pot is up to date"
