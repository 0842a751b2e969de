<?xml version="1.0" encoding="UTF-8"?>
<!-- LL/index.html: a language's home page, with its latest articles. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="t p">

  <xsl:include href="layout.xsl"/>

  <!-- How many articles the home page shows; the rest are on news.html. -->
  <xsl:variable name="latest" select="5"/>

  <xsl:template match="/">
    <xsl:variable name="articles" select="$language/manifest/article[@published = 'yes']"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$chrome/name"/>
      <xsl:with-param name="tagline" select="false()"/>
      <xsl:with-param name="current" select="'home'"/>
      <xsl:with-param name="versions">
        <xsl:call-template name="page-versions">
          <xsl:with-param name="name" select="'home'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <div class="hero">
          <h1><xsl:apply-templates select="$chrome/name" mode="chrome"/></h1>
          <p class="tagline"><xsl:apply-templates select="$chrome/tagline" mode="chrome"/></p>
        </div>
        <section aria-labelledby="latest-news">
          <h2 id="latest-news">
            <xsl:apply-templates select="$chrome/text[@id = 'latest-news']" mode="chrome"/>
          </h2>
          <xsl:choose>
            <xsl:when test="$articles">
              <!-- The latest article leads, larger; the next ones follow
                   as cards.  Only the lead's picture loads at once. -->
              <ul class="articles cards">
                <xsl:for-each select="$articles">
                  <xsl:sort select="@date" order="descending"/>
                  <xsl:sort select="@id"/>
                  <xsl:if test="position() &lt;= $latest">
                    <xsl:apply-templates select="." mode="teaser">
                      <xsl:with-param name="heading" select="'h3'"/>
                      <xsl:with-param name="lazy" select="position() > 1"/>
                      <xsl:with-param name="sizes">
                        <xsl:choose>
                          <xsl:when test="position() = 1">(min-width: 60rem) 40rem, 100vw</xsl:when>
                          <xsl:otherwise>(min-width: 60rem) 16rem, (min-width: 36rem) 50vw, 100vw</xsl:otherwise>
                        </xsl:choose>
                      </xsl:with-param>
                    </xsl:apply-templates>
                  </xsl:if>
                </xsl:for-each>
              </ul>
              <p class="more">
                <a href="{$root}{p:news($lang)}">
                  <xsl:apply-templates select="$chrome/text[@id = 'all-articles']" mode="chrome"/>
                </a>
              </p>
            </xsl:when>
            <xsl:otherwise>
              <p><xsl:apply-templates select="$chrome/text[@id = 'no-articles']" mode="chrome"/></p>
            </xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
