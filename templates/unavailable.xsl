<?xml version="1.0" encoding="UTF-8"?>
<!--
  LL/news/SLUG.html for an article that is not published in LL (its
  translation is missing, or fell too far behind the source): the address
  keeps working, says so in LL, and leads to the versions that exist, each
  with its title in its own language.  Search engines are asked not to
  list it, and no alternate or sitemap entry points to it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="t p">

  <xsl:include href="layout.xsl"/>

  <!-- The article's id. -->
  <xsl:param name="article"/>

  <xsl:template match="/">
    <xsl:variable name="published" select="t:versions($article)[@published = 'yes']"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$chrome/text[@id = 'unavailable']"/>
      <xsl:with-param name="current" select="'news'"/>
      <xsl:with-param name="indexed" select="false()"/>
      <xsl:with-param name="versions">
        <version lang="{$lang}" path="{$path}"/>
      </xsl:with-param>
      <xsl:with-param name="content">
        <div class="unavailable">
          <h1><xsl:apply-templates select="$chrome/text[@id = 'unavailable']" mode="chrome"/></h1>
          <p><xsl:apply-templates select="$chrome/text[@id = 'read-in']" mode="chrome"/></p>
          <ul class="versions">
            <xsl:for-each select="$published">
              <xsl:variable name="l" select="string(../@lang)"/>
              <li lang="{$l}">
                <xsl:if test="t:dir($l) != $dir">
                  <xsl:attribute name="dir"><xsl:value-of select="t:dir($l)"/></xsl:attribute>
                </xsl:if>
                <span class="version-language"><xsl:value-of select="t:language-name($l)"/></span>
                <xsl:text> </xsl:text>
                <a href="{$root}{p:article($l, @id)}" hreflang="{$l}">
                  <xsl:apply-templates select="title" mode="chrome"/>
                </a>
              </li>
            </xsl:for-each>
          </ul>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
