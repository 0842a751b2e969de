<?xml version="1.0" encoding="UTF-8"?>
<!-- LL/news.html: every article published in a language, newest first. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="t p">

  <xsl:include href="layout.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="articles" select="$language/manifest/article[@published = 'yes']"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$chrome/text[@id = 'all-articles']"/>
      <xsl:with-param name="current" select="'news'"/>
      <xsl:with-param name="versions">
        <xsl:call-template name="page-versions">
          <xsl:with-param name="name" select="'news'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <h1><xsl:apply-templates select="$chrome/text[@id = 'all-articles']" mode="chrome"/></h1>
        <xsl:choose>
          <xsl:when test="$articles">
            <ul class="articles">
              <xsl:apply-templates select="$articles" mode="teaser">
                <xsl:sort select="@date" order="descending"/>
                <xsl:sort select="@id"/>
              </xsl:apply-templates>
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
