# XPath's document order on the model, for a page without an input of its
# own and for an article page: a positional predicate on a union, the last
# of a set, a reverse axis.  The build numbers each document in document
# order once (libxslt would at every page, over the whole model), so these
# answers come from that numbering.
cp -r "$top_srcdir/templates" "$tmp/templates" && chmod -R u+w "$tmp/templates" &&
cat > "$tmp/templates/order.xsl" <<'XSL' &&
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt" exclude-result-prefixes="t">
  <xsl:output method="text"/>
  <xsl:param name="lang"/>
  <xsl:template match="/">
    <xsl:variable name="m" select="t:model()"/>
    <xsl:value-of select="concat('page ', $lang, ', input ', name(/*), '&#10;')"/>
    <xsl:for-each select="($m/language[@code = 'nl']//article | $m/language[@code = 'en'])[position() &lt;= 3]">
      <xsl:value-of select="concat('  union ', position(), ': ', name(), ' ', @code, @id, '&#10;')"/>
    </xsl:for-each>
    <xsl:value-of select="concat('  last article: ', ($m//article)[last()]/@id, '&#10;')"/>
    <xsl:value-of select="concat('  its preceding language: ', ($m//article)[last()]/preceding::language[1]/@code, '&#10;')"/>
    <xsl:value-of select="concat('  first element of the input after the root: ', name((/*//*)[1]), '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
XSL
sed -i 's|<page path="index.html" template="root.xsl" lang="{@source}"/>|&<page path="order-model.txt" template="order.xsl" lang="{@source}"/><page path="order-article.txt" template="order.xsl" lang="en" input="en/formation-managers-accor.xml"/>|' "$tmp/templates/site.xsl" &&
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$tmp/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/order-model.txt" "$tmp/public/order-article.txt"
