# Right to left: dir=rtl, Arabic digits in the date, a French fallback in dir=ltr.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/ar/news/formation-managers-accor.html"
