<?xml version="1.0" encoding="UTF-8"?>
<!--
  sitemap.xml: every page of every language, with the xhtml:link
  alternates that tell search engines which pages translate each other:
  the same versions as the pages' own <link rel="alternate">.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:xhtml="http://www.w3.org/1999/xhtml"
    xmlns:exsl="http://exslt.org/common"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="exsl t p">

  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/model">
    <urlset>
      <xsl:variable name="entry">
        <xsl:call-template name="page-versions">
          <xsl:with-param name="name" select="'home'"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="url">
        <xsl:with-param name="path" select="'index.html'"/>
        <xsl:with-param name="versions" select="$entry"/>
      </xsl:call-template>
      <xsl:for-each select="language">
        <xsl:variable name="l" select="string(@code)"/>
        <xsl:call-template name="common-page">
          <xsl:with-param name="name" select="'home'"/>
          <xsl:with-param name="l" select="$l"/>
        </xsl:call-template>
        <xsl:call-template name="common-page">
          <xsl:with-param name="name" select="'news'"/>
          <xsl:with-param name="l" select="$l"/>
        </xsl:call-template>
        <xsl:call-template name="common-page">
          <xsl:with-param name="name" select="'tags'"/>
          <xsl:with-param name="l" select="$l"/>
        </xsl:call-template>
        <xsl:for-each select="manifest/article[@published = 'yes']">
          <xsl:variable name="versions">
            <xsl:call-template name="article-versions">
              <xsl:with-param name="id" select="@id"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:call-template name="url">
            <xsl:with-param name="path" select="p:article($l, @id)"/>
            <xsl:with-param name="date" select="@date"/>
            <xsl:with-param name="versions" select="$versions"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="manifest/article[@published = 'yes']/tags/tag[@slug != '']
                              [generate-id() = generate-id(key('tag', concat($l, ' ', @slug))[1])]">
          <xsl:variable name="versions">
            <xsl:call-template name="tag-versions">
              <xsl:with-param name="l" select="$l"/>
              <xsl:with-param name="slug" select="@slug"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:call-template name="url">
            <xsl:with-param name="path" select="p:tag($l, @slug)"/>
            <xsl:with-param name="versions" select="$versions"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:for-each>
    </urlset>
  </xsl:template>

  <!-- A page that every language has. -->
  <xsl:template name="common-page">
    <xsl:param name="name"/>
    <xsl:param name="l"/>
    <xsl:variable name="versions">
      <xsl:call-template name="page-versions">
        <xsl:with-param name="name" select="$name"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="url">
      <xsl:with-param name="path" select="p:page($name, $l)"/>
      <xsl:with-param name="versions" select="$versions"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="url">
    <xsl:param name="path"/>
    <xsl:param name="date"/>
    <xsl:param name="versions"/>
    <url>
      <loc><xsl:value-of select="p:url($path)"/></loc>
      <xsl:if test="$date">
        <lastmod><xsl:value-of select="$date"/></lastmod>
      </xsl:if>
      <xsl:for-each select="exsl:node-set($versions)/version">
        <xhtml:link rel="alternate" hreflang="{@lang}" href="{p:url(@path)}"/>
      </xsl:for-each>
    </url>
  </xsl:template>
</xsl:stylesheet>
