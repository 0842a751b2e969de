<?xml version="1.0" encoding="UTF-8"?>
<!--
  LL/tags.html: every tag of the articles published in a language, in the
  order of that language's collation (ICU), with the number of articles.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="t p">

  <xsl:include href="layout.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="tags" select="$language/manifest/article[@published = 'yes']/tags/tag
        [@slug != ''][generate-id() = generate-id(key('tag', concat($lang, ' ', @slug))[1])]"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$chrome/text[@id = 'tags']"/>
      <xsl:with-param name="current" select="'tags'"/>
      <xsl:with-param name="versions">
        <xsl:call-template name="page-versions">
          <xsl:with-param name="name" select="'tags'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <h1><xsl:apply-templates select="$chrome/text[@id = 'tags']" mode="chrome"/></h1>
        <xsl:choose>
          <xsl:when test="$tags">
            <ul class="tags">
              <xsl:for-each select="$tags">
                <xsl:sort select="t:collation-key(normalize-space(.), $lang)"/>
                <xsl:sort select="@slug"/>
                <li>
                  <a href="{$root}{p:tag($lang, @slug)}">
                    <xsl:apply-templates select="." mode="chrome"/>
                  </a>
                  <xsl:text> </xsl:text>
                  <span class="count">
                    <xsl:value-of select="concat('(', t:format-number(count(key('tag', concat($lang, ' ', @slug))), $lang), ')')"/>
                  </span>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise>
            <p><xsl:apply-templates select="$chrome/text[@id = 'no-articles']" mode="chrome"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
