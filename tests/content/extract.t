# The project's content as "make translate" extracts it, with a fixed date.
cd "$top_srcdir" && SOURCE_DATE_EPOCH=0 && export SOURCE_DATE_EPOCH && traduki extract --its=content/article.its --its=content/site.its --package-name=ecpat-content content/fr/*.xml content/site.xml
