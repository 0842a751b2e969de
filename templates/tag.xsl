<?xml version="1.0" encoding="UTF-8"?>
<!-- LL/tags/SLUG.html: the articles of a language that have a tag, newest first. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="t p">

  <xsl:include href="layout.xsl"/>

  <!-- The tag's slug. -->
  <xsl:param name="tag"/>

  <xsl:template match="/">
    <!-- $language/manifest/article[@published = 'yes'][tags/tag/@slug = $tag],
         from an index traduki makes once, not by going through every entry. -->
    <xsl:variable name="articles" select="t:tagged($lang, $tag)"/>
    <xsl:variable name="first" select="$articles[1]/tags/tag[@slug = $tag][1]"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$first"/>
      <xsl:with-param name="current" select="'tags'"/>
      <xsl:with-param name="versions">
        <xsl:call-template name="tag-versions">
          <xsl:with-param name="l" select="$lang"/>
          <xsl:with-param name="slug" select="$tag"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <h1><xsl:apply-templates select="$first" mode="chrome"/></h1>
        <ul class="articles">
          <xsl:apply-templates select="$articles" mode="teaser">
            <xsl:sort select="@date" order="descending"/>
            <xsl:sort select="@id"/>
          </xsl:apply-templates>
        </ul>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
