traduki validate --schema=valid-article.xml valid-article.xml
