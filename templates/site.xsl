<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plan of the site: which files it has, and which template writes each.

  traduki applies this template to the model (doc/site.md) and then, for
  each <page>, applies the page's template and writes the result at its
  path; each <copy> copies a file of this folder.  A <page> with an input
  is given that localized file (below the XML folder) as its document;
  the others get the model.  Every other attribute of a <page> reaches its
  template as a parameter of the same name.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="p">

  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/model">
    <plan>
      <page path="index.html" template="root.xsl" lang="{@source}"/>
      <copy path="style.css" src="style.css"/>
      <xsl:for-each select="language">
        <xsl:variable name="l" select="string(@code)"/>
        <page path="{p:home($l)}" template="home.xsl" lang="{$l}"/>
        <page path="{p:news($l)}" template="news.xsl" lang="{$l}"/>
        <page path="{p:tags($l)}" template="tags.xsl" lang="{$l}"/>
        <page path="{p:feed($l)}" template="feed.xsl" lang="{$l}"/>
        <xsl:for-each select="manifest/article[@published = 'yes']">
          <page path="{p:article($l, @id)}" template="article.xsl" lang="{$l}" input="{$l}/{@file}"/>
        </xsl:for-each>
        <!-- An article not (or no longer) published in a language still
             has its address there: a page in that language that says so
             and leads to the versions that exist.  Shared links never
             break when a translation falls behind. -->
        <xsl:for-each select="manifest/article[@published != 'yes']">
          <page path="{p:article($l, @id)}" template="unavailable.xsl" lang="{$l}" article="{@id}"/>
        </xsl:for-each>
        <!-- Each tag once per language, whatever the article it comes from. -->
        <xsl:for-each select="manifest/article[@published = 'yes']/tags/tag[@slug != '']
                              [generate-id() = generate-id(key('tag', concat($l, ' ', @slug))[1])]">
          <page path="{p:tag($l, @slug)}" template="tag.xsl" lang="{$l}" tag="{@slug}"/>
        </xsl:for-each>
      </xsl:for-each>
      <page path="sitemap.xml" template="sitemap.xsl"/>
    </plan>
  </xsl:template>
</xsl:stylesheet>
