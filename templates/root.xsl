<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.html: the entry of the site, where a visitor picks a language.
  It is the x-default version of every page that has no better one.  Each
  language is named in itself and introduced by its own tagline.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="t p">

  <xsl:include href="layout.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$chrome/name"/>
      <xsl:with-param name="tagline" select="false()"/>
      <xsl:with-param name="versions">
        <xsl:call-template name="page-versions">
          <xsl:with-param name="name" select="'home'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <h1><xsl:apply-templates select="$chrome/name" mode="chrome"/></h1>
        <ul class="entry">
          <xsl:for-each select="$model/language">
            <li lang="{@code}">
              <xsl:if test="t:dir(@code) != $dir">
                <xsl:attribute name="dir"><xsl:value-of select="t:dir(@code)"/></xsl:attribute>
              </xsl:if>
              <a href="{$root}{p:home(@code)}" hreflang="{@code}">
                <xsl:value-of select="t:language-name(@code)"/>
              </a>
              <xsl:for-each select="site/tagline">
                <xsl:text> </xsl:text>
                <span class="tagline"><xsl:apply-templates select="." mode="chrome"/></span>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
