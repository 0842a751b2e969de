<?xml version="1.0" encoding="UTF-8"?>
<!--
  LL/feed.xml: the Atom 1.0 feed (RFC 4287) of a language's latest
  articles.  Its dates are the articles' own, never the time of the build,
  so that an unchanged site gives an unchanged feed.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/2005/Atom"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="t p">

  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- How many entries the feed carries. -->
  <xsl:variable name="entries" select="20"/>

  <xsl:template match="/">
    <xsl:variable name="articles" select="$language/manifest/article[@published = 'yes']"/>
    <!-- Without articles yet, the newest date of the source language. -->
    <xsl:variable name="dated" select="$articles | $model/language[@code = $source][not($articles)]/manifest/article"/>
    <xsl:variable name="updated">
      <xsl:for-each select="$dated">
        <xsl:sort select="@date" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="@date"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <feed xml:lang="{$lang}">
      <title><xsl:value-of select="normalize-space($chrome/name)"/></title>
      <xsl:if test="$chrome/tagline">
        <subtitle><xsl:value-of select="normalize-space($chrome/tagline)"/></subtitle>
      </xsl:if>
      <id><xsl:value-of select="p:url(p:feed($lang))"/></id>
      <updated><xsl:value-of select="concat($updated, 'T00:00:00Z')"/></updated>
      <link rel="self" type="application/atom+xml" href="{p:url(p:feed($lang))}"/>
      <link rel="alternate" type="text/html" hreflang="{$lang}" href="{p:url(p:home($lang))}"/>
      <author><name><xsl:value-of select="normalize-space($chrome/name)"/></name></author>
      <xsl:for-each select="$articles">
        <xsl:sort select="@date" order="descending"/>
        <xsl:sort select="@id"/>
        <xsl:if test="position() &lt;= $entries">
          <entry>
            <title>
              <xsl:copy-of select="title/@xml:lang"/>
              <xsl:value-of select="normalize-space(title)"/>
            </title>
            <id><xsl:value-of select="p:url(p:article($lang, @id))"/></id>
            <link rel="alternate" type="text/html" href="{p:url(p:article($lang, @id))}"/>
            <published><xsl:value-of select="concat(@date, 'T00:00:00Z')"/></published>
            <updated><xsl:value-of select="concat(@date, 'T00:00:00Z')"/></updated>
            <xsl:for-each select="summary">
              <summary>
                <xsl:copy-of select="@xml:lang"/>
                <xsl:value-of select="normalize-space(.)"/>
              </summary>
            </xsl:for-each>
            <xsl:for-each select="tags/tag">
              <category term="{@slug}" label="{normalize-space(.)}"/>
            </xsl:for-each>
          </entry>
        </xsl:if>
      </xsl:for-each>
    </feed>
  </xsl:template>
</xsl:stylesheet>
