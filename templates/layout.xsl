<?xml version="1.0" encoding="UTF-8"?>
<!--
  The frame of every HTML page: head with alternates, skip link, header
  with navigation and language switcher, notices, footer.  A page template
  calls "page" with its title, its versions in other languages and its
  contents.

  HTML5 through libxslt's HTML serializer: doctype-system
  "about:legacy-compat" makes it write <!DOCTYPE html>, and it writes the
  charset <meta> itself.  Text is always escaped by the serializer; nothing
  here disables output escaping.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="exsl t p">

  <xsl:include href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>

  <!--
    title     the page's own title (a string or node), before the site's name
    versions  the page's versions (common.xsl): the alternates and the
              language switcher
    current   the id of the navigation item this page belongs to
    entry     the manifest entry of the article shown, for its notices
    content   the page's main contents
    indexed   false() for a page search engines should not list
  -->
  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="versions"/>
    <xsl:param name="current"/>
    <xsl:param name="entry" select="/.."/>
    <xsl:param name="content"/>
    <xsl:param name="indexed" select="true()"/>
    <xsl:variable name="version" select="exsl:node-set($versions)/version"/>
    <xsl:variable name="site-name" select="normalize-space($chrome/name)"/>
    <html lang="{$lang}" dir="{$dir}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:if test="not($indexed)">
          <meta name="robots" content="noindex"/>
        </xsl:if>
        <title>
          <xsl:if test="string($title) != '' and normalize-space($title) != $site-name">
            <xsl:value-of select="normalize-space($title)"/>
            <xsl:text> – </xsl:text>
          </xsl:if>
          <xsl:value-of select="$site-name"/>
        </title>
        <link rel="stylesheet" href="{$root}style.css"/>
        <link rel="canonical" href="{p:url($path)}"/>
        <xsl:for-each select="$version[$indexed]">
          <link rel="alternate" hreflang="{@lang}" href="{p:url(@path)}"/>
        </xsl:for-each>
        <link rel="alternate" type="application/atom+xml" href="{$root}{p:feed($lang)}"
              title="{normalize-space($chrome/text[@id = 'feed'])}"/>
      </head>
      <body>
        <a class="skip" href="#content">
          <xsl:apply-templates select="$chrome/text[@id = 'skip-to-content']" mode="chrome"/>
        </a>
        <header class="site-header">
          <p class="site-name">
            <a href="{$root}{p:home($lang)}">
              <xsl:apply-templates select="$chrome/name" mode="chrome"/>
            </a>
          </p>
          <nav class="site-nav">
            <ul>
              <xsl:apply-templates select="$chrome/nav/item" mode="nav">
                <xsl:with-param name="current" select="$current"/>
              </xsl:apply-templates>
            </ul>
          </nav>
          <nav class="languages" aria-label="{normalize-space($chrome/text[@id = 'languages'])}">
            <ul>
              <xsl:for-each select="$version[@lang != 'x-default']">
                <li>
                  <a href="{$root}{@path}" hreflang="{@lang}" lang="{@lang}">
                    <xsl:if test="t:dir(@lang) != $dir">
                      <xsl:attribute name="dir"><xsl:value-of select="t:dir(@lang)"/></xsl:attribute>
                    </xsl:if>
                    <xsl:if test="@lang = $lang">
                      <xsl:attribute name="aria-current">page</xsl:attribute>
                    </xsl:if>
                    <xsl:value-of select="t:language-name(@lang)"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="content">
          <xsl:if test="$entry/@fuzzy > 0">
            <p class="notice" role="note">
              <xsl:apply-templates select="$chrome/text[@id = 'outdated']" mode="chrome"/>
            </p>
          </xsl:if>
          <xsl:if test="$entry/@fallback > 0 or $chrome//*[@xml:lang][@xml:lang != $lang]">
            <p class="notice" role="note">
              <xsl:apply-templates select="$chrome/text[@id = 'fallback']" mode="chrome"/>
            </p>
          </xsl:if>
          <xsl:copy-of select="$content"/>
        </main>
        <footer class="site-footer">
          <p>
            <xsl:apply-templates select="$chrome/footer" mode="chrome"/>
          </p>
          <p>
            <a href="{$root}{p:feed($lang)}" type="application/atom+xml">
              <xsl:apply-templates select="$chrome/text[@id = 'feed']" mode="chrome"/>
            </a>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- The navigation: items whose id names a page of every language. -->
  <xsl:template match="item" mode="nav">
    <xsl:param name="current"/>
    <xsl:variable name="to" select="p:page(@id, $lang)"/>
    <xsl:if test="$to != ''">
      <li>
        <a href="{$root}{$to}">
          <xsl:if test="@id = $current">
            <xsl:attribute name="aria-current">page</xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="." mode="chrome"/>
        </a>
      </li>
    </xsl:if>
  </xsl:template>

  <!-- A published article in a list: a manifest entry of the model. -->
  <xsl:template match="article" mode="teaser">
    <xsl:param name="heading" select="'h2'"/>
    <li>
      <article class="teaser">
        <xsl:element name="{$heading}">
          <a href="{$root}{p:article($lang, @id)}">
            <xsl:apply-templates select="title" mode="chrome"/>
          </a>
        </xsl:element>
        <p class="meta">
          <time datetime="{@date}"><xsl:value-of select="t:format-date(@date, $lang)"/></time>
        </p>
        <xsl:for-each select="summary">
          <p class="summary">
            <xsl:apply-templates select="." mode="chrome"/>
          </p>
        </xsl:for-each>
      </article>
    </li>
  </xsl:template>
</xsl:stylesheet>
