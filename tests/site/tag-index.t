# t:tagged, t:tag-source and t:tag-for (doc/site.md) give what the XPath
# and the keys of common.xsl give, for every tag of every language of
# the fixture: a page made with templates of one's own prints each pair
# that differs, then how many tags it compared.
cp -r "$top_srcdir/templates" "$tmp/templates" && chmod -R u+w "$tmp/templates" &&
cat > "$tmp/templates/tag-index.xsl" <<'XSL' &&
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt" exclude-result-prefixes="t">
  <xsl:output method="text"/>
  <xsl:key name="tag" match="manifest/article[@published = 'yes']/tags/tag"
           use="concat(ancestor::manifest/@lang, ' ', @slug)"/>
  <xsl:key name="tag-source" match="manifest/article[@published = 'yes']/tags/tag[@source]"
           use="concat(ancestor::manifest/@lang, ' ', @source)"/>
  <xsl:template match="/">
    <xsl:variable name="m" select="t:model()"/>
    <xsl:for-each select="$m/language">
      <xsl:variable name="l" select="string(@code)"/>
      <xsl:for-each select="manifest/article/tags/tag | $m//tag[@source]">
        <xsl:variable name="slug" select="string(@slug)"/>
        <xsl:variable name="s" select="string(@source)"/>
        <xsl:variable name="tagged" select="$m/language[@code = $l]/manifest/article[@published = 'yes'][tags/tag/@slug = $slug]"/>
        <xsl:variable name="indexed" select="t:tagged($l, $slug)"/>
        <xsl:if test="count($tagged) != count($indexed) or count($tagged | $indexed) != count($tagged)">
          <xsl:value-of select="concat('t:tagged ', $l, ' ', $slug, '&#10;')"/>
        </xsl:if>
        <xsl:for-each select="$m">
          <xsl:if test="string(key('tag', concat($l, ' ', $slug))[1]/@source) != t:tag-source($l, $slug)">
            <xsl:value-of select="concat('t:tag-source ', $l, ' ', $slug, '&#10;')"/>
          </xsl:if>
          <xsl:variable name="u" select="string(key('tag-source', concat($l, ' ', $s))
              [generate-id() = generate-id(key('tag', concat($l, ' ', @slug))[1])][1]/@slug)"/>
          <xsl:if test="$u != t:tag-for($l, $s)">
            <xsl:value-of select="concat('t:tag-for ', $l, ' ', $s, '&#10;')"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:value-of select="concat(count($m//tag), ' tags, each against every language&#10;')"/>
    <xsl:value-of select="concat('t:tagged(en, tourism): ', count(t:tagged('en', 'tourism')), ' entries&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
XSL
sed -i 's|<page path="index.html" template="root.xsl" lang="{@source}"/>|&<page path="tag-index.txt" template="tag-index.xsl" lang="{@source}"/>|' "$tmp/templates/site.xsl" &&
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$tmp/templates" --static=images -o "$tmp/public" &&
cat "$tmp/public/tag-index.txt"
