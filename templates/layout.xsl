<?xml version="1.0" encoding="UTF-8"?>
<!--
  The frame of every HTML page: head with alternates and the metadata that
  search engines and social networks read, skip link, header with the word
  mark, navigation, donation link and language switcher, the notice of an
  article's translation state, and the footer with the organisation's
  address and how to support it.  A page template calls "page" with its
  title, its versions in other languages and its contents.

  HTML5 through libxslt's HTML serializer: doctype-system
  "about:legacy-compat" makes it write <!DOCTYPE html>, and it writes the
  charset <meta> itself.  Text is always escaped by the serializer; nothing
  here disables output escaping.  The one <script> element, schema.org data
  that browsers never run, holds only t:json-string's output, in which no
  "<" can appear.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    exclude-result-prefixes="exsl t p">

  <xsl:include href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>

  <!-- The word mark, a static file of the site (content/images/logo.svg):
       replace the file to change it.  Without it, the site's name. -->
  <xsl:variable name="logo" select="'images/logo.svg'"/>
  <!-- Its size; nothing (and no warning) when the site has none. -->
  <xsl:variable name="mark" select="t:picture-versions($logo)[last()]"/>

  <!--
    title        the page's own title (a string or node), before the site's name
    versions     the page's versions (common.xsl): the alternates and the
                 language switcher
    current      the id of the navigation item this page belongs to
    entry        the manifest entry of the article shown, for its notice
    content      the page's main contents
    indexed      false() for a page search engines should not list
    description  what the page is about (a node or string): its summary
    image        the picture that stands for the page (an <image>)
    type         "website", or "article" for a news article
    data         the page's schema.org data, JSON (t:json-string for text)
    tagline      false() where the page shows the tagline itself (home)
  -->
  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="versions"/>
    <xsl:param name="current"/>
    <xsl:param name="entry" select="/.."/>
    <xsl:param name="content"/>
    <xsl:param name="indexed" select="true()"/>
    <xsl:param name="description" select="$chrome/tagline"/>
    <xsl:param name="image" select="/.."/>
    <xsl:param name="type" select="'website'"/>
    <xsl:param name="data"/>
    <xsl:param name="tagline" select="true()"/>
    <xsl:variable name="version" select="exsl:node-set($versions)/version"/>
    <xsl:variable name="site-name" select="normalize-space($chrome/name)"/>
    <xsl:variable name="page-title" select="normalize-space($title)"/>
    <xsl:variable name="summary" select="normalize-space($description)"/>
    <xsl:variable name="picture" select="$image[p:asset(string(@src))]"/>
    <html lang="{$lang}" dir="{$dir}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:if test="not($indexed)">
          <meta name="robots" content="noindex"/>
        </xsl:if>
        <title>
          <xsl:if test="$page-title != '' and $page-title != $site-name">
            <xsl:value-of select="$page-title"/>
            <xsl:text> – </xsl:text>
          </xsl:if>
          <xsl:value-of select="$site-name"/>
        </title>
        <xsl:if test="$summary != ''">
          <meta name="description" content="{$summary}"/>
        </xsl:if>
        <link rel="stylesheet" href="{$root}style.css"/>
        <xsl:if test="$mark">
          <link rel="icon" href="{$root}{$logo}" type="image/svg+xml"/>
        </xsl:if>
        <link rel="canonical" href="{p:url($path)}"/>
        <xsl:for-each select="$version[$indexed]">
          <link rel="alternate" hreflang="{@lang}" href="{p:url(@path)}"/>
        </xsl:for-each>
        <link rel="alternate" type="application/atom+xml" href="{$root}{p:feed($lang)}"
              title="{normalize-space($chrome/text[@id = 'feed'])}"/>
        <!-- Open Graph and Twitter cards: what a shared link shows. -->
        <meta property="og:type" content="{$type}"/>
        <meta property="og:site_name" content="{$site-name}"/>
        <meta property="og:title" content="{$page-title}"/>
        <xsl:if test="$summary != ''">
          <meta property="og:description" content="{$summary}"/>
        </xsl:if>
        <meta property="og:url" content="{p:url($path)}"/>
        <meta property="og:locale" content="{p:og-locale($lang)}"/>
        <xsl:for-each select="$version[$indexed][@lang != 'x-default'][@lang != $lang]">
          <meta property="og:locale:alternate" content="{p:og-locale(@lang)}"/>
        </xsl:for-each>
        <xsl:for-each select="$picture">
          <xsl:variable name="full" select="t:picture-versions(string(@src))[last()]"/>
          <meta property="og:image" content="{p:absolute-url(string(@src))}"/>
          <xsl:if test="$full">
            <meta property="og:image:width" content="{$full/@width}"/>
            <meta property="og:image:height" content="{$full/@height}"/>
          </xsl:if>
          <meta property="og:image:alt" content="{normalize-space(@alt)}"/>
        </xsl:for-each>
        <xsl:if test="$type = 'article' and $entry/@date">
          <meta property="article:published_time" content="{$entry/@date}"/>
        </xsl:if>
        <meta name="twitter:card">
          <xsl:attribute name="content">
            <xsl:choose>
              <xsl:when test="$picture">summary_large_image</xsl:when>
              <xsl:otherwise>summary</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </meta>
        <xsl:if test="string($data) != ''">
          <script type="application/ld+json"><xsl:value-of select="$data"/></script>
        </xsl:if>
      </head>
      <body>
        <a class="skip" href="#content">
          <xsl:apply-templates select="$chrome/text[@id = 'skip-to-content']" mode="chrome"/>
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="{$root}{p:home($lang)}">
              <xsl:choose>
                <xsl:when test="$mark">
                  <img class="logo" src="{$root}{$logo}" alt="{$site-name}"
                       width="{$mark/@width}" height="{$mark/@height}"/>
                </xsl:when>
                <xsl:otherwise>
                  <span class="site-name"><xsl:apply-templates select="$chrome/name" mode="chrome"/></span>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:if test="$tagline">
                <span class="brand-tagline">
                  <xsl:apply-templates select="$chrome/tagline" mode="chrome"/>
                </span>
              </xsl:if>
            </a>
            <xsl:call-template name="donate">
              <xsl:with-param name="class" select="'donate'"/>
            </xsl:call-template>
          </div>
          <div class="bar nav-bar">
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
          </div>
        </header>
        <main id="content">
          <xsl:call-template name="notice">
            <xsl:with-param name="entry" select="$entry"/>
          </xsl:call-template>
          <xsl:copy-of select="$content"/>
        </main>
        <footer class="site-footer">
          <div class="footer-columns">
            <section class="footer-about">
              <p class="footer-name"><xsl:apply-templates select="$chrome/name" mode="chrome"/></p>
              <p><xsl:apply-templates select="$chrome/tagline" mode="chrome"/></p>
            </section>
            <xsl:if test="$chrome/text[@id = 'contact']">
              <section class="footer-contact" aria-labelledby="footer-contact">
                <h2 id="footer-contact">
                  <xsl:apply-templates select="$chrome/text[@id = 'contact']" mode="chrome"/>
                </h2>
                <address>
                  <xsl:for-each select="$chrome/text[@id = 'address']">
                    <span><xsl:apply-templates select="." mode="chrome"/></span>
                  </xsl:for-each>
                  <xsl:for-each select="$model/language[1]/site/contact/@email[. != '']">
                    <xsl:variable name="mailto" select="p:safe-url(concat('mailto:', .))"/>
                    <br/>
                    <a href="{$mailto}"><xsl:value-of select="."/></a>
                  </xsl:for-each>
                </address>
              </section>
            </xsl:if>
            <xsl:if test="$chrome/text[@id = 'support']">
              <section class="footer-support" aria-labelledby="footer-support">
                <h2 id="footer-support">
                  <xsl:apply-templates select="$chrome/text[@id = 'support']" mode="chrome"/>
                </h2>
                <xsl:for-each select="$chrome/text[@id = 'support-pitch']">
                  <p><xsl:apply-templates select="." mode="chrome"/></p>
                </xsl:for-each>
                <xsl:call-template name="donate">
                  <xsl:with-param name="class" select="'button'"/>
                </xsl:call-template>
              </section>
            </xsl:if>
          </div>
          <div class="footer-legal">
            <p><xsl:apply-templates select="$chrome/footer" mode="chrome"/></p>
            <p>
              <a href="{$root}{p:feed($lang)}" type="application/atom+xml">
                <xsl:apply-templates select="$chrome/text[@id = 'feed']" mode="chrome"/>
              </a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- The donation link of the site's <contact>, when it has one. -->
  <xsl:template name="donate">
    <xsl:param name="class"/>
    <xsl:variable name="href" select="p:safe-url(string($model/language[1]/site/contact/@donate))"/>
    <xsl:if test="$href != '' and $chrome/text[@id = 'donate']">
      <a class="{$class}" href="{$href}">
        <xsl:apply-templates select="$chrome/text[@id = 'donate']" mode="chrome"/>
      </a>
    </xsl:if>
  </xsl:template>

  <!--
    The one notice of an article's translation state, one sentence that
    says what is true: passages outdated (fuzzy: shown in French), or
    missing (fallbacks that are not fuzzy, or chrome texts that fell
    back), or both.
  -->
  <xsl:template name="notice">
    <xsl:param name="entry"/>
    <xsl:variable name="outdated" select="$entry/@fuzzy > 0"/>
    <xsl:variable name="missing" select="number($entry/@fallback) > number($entry/@fuzzy)
        or $chrome//*[@xml:lang][@xml:lang != $lang]"/>
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="$outdated and $missing">outdated-fallback</xsl:when>
        <xsl:when test="$outdated">outdated</xsl:when>
        <xsl:when test="$missing">fallback</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="$chrome/text[@id = $id][$id != '']">
      <p class="notice" role="note">
        <span class="notice-language" aria-hidden="true">
          <xsl:value-of select="p:upper($source)"/>
        </span>
        <xsl:text> </xsl:text>
        <span><xsl:apply-templates select="." mode="chrome"/></span>
      </p>
    </xsl:for-each>
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

  <!--
    A published article in a list: a manifest entry of the model, with its
    picture (the first of the article), title, date and summary.  The
    whole card is the title's link (CSS stretches it): one link per
    article for keyboards and screen readers.
  -->
  <xsl:template match="article" mode="teaser">
    <xsl:param name="heading" select="'h2'"/>
    <xsl:param name="lazy" select="true()"/>
    <xsl:param name="sizes" select="'(min-width: 40rem) 16rem, 7rem'"/>
    <li>
      <article class="teaser">
        <xsl:call-template name="picture">
          <xsl:with-param name="image" select="image"/>
          <xsl:with-param name="sizes" select="$sizes"/>
          <xsl:with-param name="lazy" select="$lazy"/>
        </xsl:call-template>
        <div class="teaser-text">
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
        </div>
      </article>
    </li>
  </xsl:template>

  <!--
    An <img> for IMAGE (an article's <image>, or the copy of it in the
    model), when the site has the picture: its width and height always
    (the page keeps its room, nothing jumps), and, when smaller versions
    were made (tools/thumbnails), a srcset of all of them with SIZES, the
    width it is shown at.  LAZY: loaded when it nears the screen.
  -->
  <xsl:template name="picture">
    <xsl:param name="image"/>
    <xsl:param name="sizes" select="'100vw'"/>
    <xsl:param name="lazy" select="true()"/>
    <xsl:for-each select="$image[p:asset(string(@src))]">
      <xsl:variable name="versions" select="t:picture-versions(string(@src))"/>
      <xsl:variable name="full" select="$versions[last()]"/>
      <img src="{p:safe-url(string(@src))}" alt="{@alt}">
        <xsl:choose>
          <xsl:when test="$full">
            <xsl:attribute name="width"><xsl:value-of select="$full/@width"/></xsl:attribute>
            <xsl:attribute name="height"><xsl:value-of select="$full/@height"/></xsl:attribute>
          </xsl:when>
          <xsl:otherwise>
            <xsl:copy-of select="@width | @height"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="count($versions) > 1">
          <xsl:attribute name="srcset">
            <xsl:for-each select="$versions">
              <xsl:if test="position() > 1">, </xsl:if>
              <xsl:value-of select="concat($root, @path, ' ', @width, 'w')"/>
            </xsl:for-each>
          </xsl:attribute>
          <xsl:attribute name="sizes"><xsl:value-of select="$sizes"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$lazy">
          <xsl:attribute name="loading">lazy</xsl:attribute>
        </xsl:if>
        <xsl:attribute name="decoding">async</xsl:attribute>
        <xsl:apply-templates select="@xml:lang" mode="lang"/>
      </img>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
