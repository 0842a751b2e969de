# make translate with templates of one's own (doc/site.md): XPath's
# document order on the model, for a page without an input of its own and
# for an article page.  The build numbers each document once, where
# libxslt would at every page; the answers must stay those of document
# order, and a second run must make the same bytes.
. ./setup.sh
cp -R "$top_srcdir/templates" "$tmp/templates" && chmod -R u+w "$tmp/templates" &&
sed -n '/<xsl:stylesheet/,$p' "$top_srcdir/tests/site/model-order.t" |
	sed '/^XSL$/,$d' >"$tmp/templates/order.xsl" &&
sed -i 's|<page path="index.html" template="root.xsl" lang="{@source}"/>|&<page path="order-model.txt" template="order.xsl" lang="{@source}"/><page path="order-article.txt" template="order.xsl" lang="fr" input="fr/campagne-i-say-stop-sur-les-routes.xml"/>|' "$tmp/templates/site.xsl" &&
pipeline translate TEMPLATES_DIR="$tmp/templates" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
cp "$out/public/order-model.txt" "$tmp/first-model.txt" &&
pipeline translate TEMPLATES_DIR="$tmp/templates" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
cmp "$tmp/first-model.txt" "$out/public/order-model.txt" &&
cat "$out/public/order-model.txt" "$out/public/order-article.txt"
