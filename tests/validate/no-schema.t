traduki validate valid-article.xml
