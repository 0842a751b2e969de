<?xml version="1.0" encoding="UTF-8"?>
<!--
  LL/news/SLUG.html: one article, from its localized XML (content/article.rng).

  An element that fell back to the source language carries xml:lang="fr":
  its HTML element gets lang="fr" (and dir, on a right-to-left page), and
  a passage (title, summary, paragraph, list item, caption) a small mark
  that names the language and explains itself on hover or focus.  The
  page has one notice at most (layout.xsl), from the article's manifest
  entry.  Editor notes are never published.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    xmlns:its="http://www.w3.org/2005/11/its"
    exclude-result-prefixes="t p its">

  <xsl:include href="layout.xsl"/>

  <!-- The width the article's text and pictures are shown at, at most. -->
  <xsl:variable name="sizes" select="'(min-width: 46rem) 42rem, 100vw'"/>

  <xsl:template match="/article">
    <xsl:variable name="versions" select="t:versions(@id)"/>
    <xsl:variable name="entry" select="$versions[../@lang = $lang]"/>
    <xsl:variable name="picture" select="(body//figure/image)[1]"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="title"/>
      <xsl:with-param name="current" select="'news'"/>
      <xsl:with-param name="entry" select="$entry"/>
      <xsl:with-param name="description" select="summary"/>
      <xsl:with-param name="image" select="$picture"/>
      <xsl:with-param name="type" select="'article'"/>
      <xsl:with-param name="versions">
        <xsl:call-template name="article-versions">
          <xsl:with-param name="id" select="@id"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="data">
        <xsl:call-template name="news-article">
          <xsl:with-param name="picture" select="$picture"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <article class="article">
          <header class="article-header">
            <h1><xsl:apply-templates select="title" mode="passage"/></h1>
            <p class="meta">
              <xsl:apply-templates select="$chrome/text[@id = 'published']" mode="chrome"/>
              <xsl:text> </xsl:text>
              <time datetime="{$entry/@date}"><xsl:value-of select="t:format-date($entry/@date, $lang)"/></time>
            </p>
            <xsl:for-each select="summary">
              <p class="summary"><xsl:apply-templates select="." mode="passage"/></p>
            </xsl:for-each>
          </header>
          <div class="prose">
            <xsl:apply-templates select="body/*" mode="body"/>
          </div>
          <xsl:if test="tags/tag">
            <footer class="article-tags">
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

  <!--
    schema.org NewsArticle, as JSON-LD: data for search engines, which no
    browser runs.  Every text goes through t:json-string.
  -->
  <xsl:template name="news-article">
    <xsl:param name="picture"/>
    <xsl:variable name="site-name" select="t:json-string(normalize-space($chrome/name))"/>
    <xsl:text>{"@context":"https://schema.org","@type":"NewsArticle"</xsl:text>
    <xsl:value-of select="concat(',&quot;headline&quot;:', t:json-string(normalize-space(title)))"/>
    <xsl:for-each select="summary">
      <xsl:value-of select="concat(',&quot;description&quot;:', t:json-string(normalize-space(.)))"/>
    </xsl:for-each>
    <xsl:value-of select="concat(',&quot;datePublished&quot;:', t:json-string(@date))"/>
    <xsl:value-of select="concat(',&quot;inLanguage&quot;:', t:json-string($lang))"/>
    <xsl:value-of select="concat(',&quot;url&quot;:', t:json-string(p:url($path)))"/>
    <xsl:value-of select="concat(',&quot;mainEntityOfPage&quot;:', t:json-string(p:url($path)))"/>
    <xsl:for-each select="$picture[p:asset(string(@src))]">
      <xsl:value-of select="concat(',&quot;image&quot;:[', t:json-string(p:absolute-url(string(@src))), ']')"/>
    </xsl:for-each>
    <xsl:value-of select="concat(',&quot;author&quot;:{&quot;@type&quot;:&quot;Organization&quot;,&quot;name&quot;:', $site-name, '}')"/>
    <xsl:value-of select="concat(',&quot;publisher&quot;:{&quot;@type&quot;:&quot;Organization&quot;,&quot;name&quot;:', $site-name)"/>
    <xsl:if test="$mark">
      <xsl:value-of select="concat(',&quot;logo&quot;:{&quot;@type&quot;:&quot;ImageObject&quot;,&quot;url&quot;:', t:json-string(p:url($logo)), '}')"/>
    </xsl:if>
    <xsl:text>}}</xsl:text>
  </xsl:template>

  <!-- A passage's text; when it fell back to another language, the mark
       that says so first. -->
  <xsl:template match="*" mode="passage">
    <xsl:apply-templates select="@xml:lang" mode="lang"/>
    <xsl:if test="@xml:lang and @xml:lang != $lang">
      <xsl:call-template name="fallback-mark">
        <xsl:with-param name="code" select="@xml:lang"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!--
    The mark of a passage shown in another language: the language's code,
    and the chrome's explanation, which shows on hover and on keyboard
    focus (CSS, no script) and which screen readers read with it.  It is in
    the page's language, inside the passage's.
  -->
  <xsl:template name="fallback-mark">
    <xsl:param name="code"/>
    <span class="fallback-mark" tabindex="0" lang="{$lang}">
      <xsl:if test="t:dir($code) != $dir">
        <xsl:attribute name="dir"><xsl:value-of select="$dir"/></xsl:attribute>
      </xsl:if>
      <span class="fallback-code" aria-hidden="true"><xsl:value-of select="p:upper($code)"/></span>
      <xsl:for-each select="$chrome/text[@id = 'fallback-mark']">
        <span class="fallback-tip" role="tooltip"><xsl:apply-templates select="." mode="chrome"/></span>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="p" mode="body">
    <p><xsl:apply-templates select="." mode="passage"/></p>
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
        <li><xsl:apply-templates select="." mode="passage"/></li>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- A figure always has its alternative text: article.rng requires it.
       A picture the site does not have is left out rather than broken
       (the build names it; "traduki validate -S" catches it earlier).
       The first picture is not loaded lazily: it is the page's largest. -->
  <xsl:template match="figure" mode="body">
    <figure>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:call-template name="picture">
        <xsl:with-param name="image" select="image"/>
        <xsl:with-param name="sizes" select="$sizes"/>
        <xsl:with-param name="lazy" select="count(preceding::figure) > 0"/>
      </xsl:call-template>
      <xsl:if test="caption | credit">
        <figcaption>
          <xsl:for-each select="caption">
            <span class="caption"><xsl:apply-templates select="." mode="passage"/></span>
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
    <p><xsl:apply-templates select="." mode="passage"/></p>
  </xsl:template>
</xsl:stylesheet>
