<?xml version="1.0" encoding="UTF-8"?>
<!--
  LL/news/SLUG.html: one article, from its localized XML (content/article.rng).

  An element that fell back to the source language carries xml:lang="fr":
  its HTML element gets lang="fr" (and dir, on a right-to-left page).  The
  page says the translation is outdated when the article's manifest entry
  counts fuzzy or fallback segments.  Editor notes are never published.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    xmlns:its="http://www.w3.org/2005/11/its"
    exclude-result-prefixes="t p its">

  <xsl:include href="layout.xsl"/>

  <xsl:template match="/article">
    <xsl:variable name="versions" select="t:versions(@id)"/>
    <xsl:variable name="entry" select="$versions[../@lang = $lang]"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="title"/>
      <xsl:with-param name="current" select="'news'"/>
      <xsl:with-param name="entry" select="$entry"/>
      <xsl:with-param name="versions">
        <xsl:call-template name="article-versions">
          <xsl:with-param name="id" select="@id"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <article>
          <header>
            <h1><xsl:apply-templates select="title" mode="chrome"/></h1>
            <p class="meta">
              <xsl:apply-templates select="$chrome/text[@id = 'published']" mode="chrome"/>
              <xsl:text> </xsl:text>
              <time datetime="{$entry/@date}"><xsl:value-of select="t:format-date($entry/@date, $lang)"/></time>
            </p>
            <xsl:for-each select="summary">
              <p class="summary"><xsl:apply-templates select="." mode="chrome"/></p>
            </xsl:for-each>
          </header>
          <xsl:apply-templates select="body/*" mode="body"/>
          <xsl:if test="tags/tag">
            <footer>
              <h2><xsl:apply-templates select="$chrome/text[@id = 'tags']" mode="chrome"/></h2>
              <ul class="tags">
                <!-- The model has each tag's slug, computed once. -->
                <xsl:for-each select="$entry/tags/tag">
                  <xsl:variable name="slug" select="@slug"/>
                  <li>
                    <xsl:choose>
                      <xsl:when test="$slug != ''">
                        <a href="{$root}{p:tag($lang, $slug)}">
                          <xsl:apply-templates select="." mode="chrome"/>
                        </a>
                      </xsl:when>
                      <xsl:otherwise>
                        <span><xsl:apply-templates select="." mode="chrome"/></span>
                      </xsl:otherwise>
                    </xsl:choose>
                  </li>
                </xsl:for-each>
              </ul>
            </footer>
          </xsl:if>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="p" mode="body">
    <p><xsl:apply-templates select="." mode="chrome"/></p>
  </xsl:template>

  <xsl:template match="list" mode="body">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="@type = 'numbered'">ol</xsl:when>
        <xsl:otherwise>ul</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:for-each select="item">
        <li><xsl:apply-templates select="." mode="chrome"/></li>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- A figure always has its alternative text: article.rng requires it.
       A picture the site does not have is left out rather than broken
       (the build names it; "traduki validate -S" catches it earlier). -->
  <xsl:template match="figure" mode="body">
    <figure>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:for-each select="image[p:asset(string(@src))]">
        <img src="{p:safe-url(string(@src))}" alt="{@alt}">
          <xsl:copy-of select="@width | @height"/>
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
        </img>
      </xsl:for-each>
      <xsl:if test="caption | credit">
        <figcaption>
          <xsl:for-each select="caption">
            <span class="caption"><xsl:apply-templates select="." mode="chrome"/></span>
          </xsl:for-each>
          <xsl:for-each select="credit">
            <xsl:text> </xsl:text>
            <small class="credit"><xsl:apply-templates select="." mode="chrome"/></small>
          </xsl:for-each>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <xsl:template match="note | its:*" mode="body"/>

  <!-- Anything else in a body: its text, in a paragraph. -->
  <xsl:template match="*" mode="body">
    <p><xsl:apply-templates select="." mode="chrome"/></p>
  </xsl:template>
</xsl:stylesheet>
