cd "$top_srcdir" && traduki validate -q --schema=content/article.rng content/fr/*.xml && ls content/fr/*.xml | wc -l
