<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every template of the site shares: its parameters, the model, and
  where each page lives.  doc/site.md describes the model and the plan.

  Change a page's address here and nowhere else: the plan (site.xsl), the
  links, the alternates, the feed and the sitemap all ask these functions.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:func="http://exslt.org/functions"
    xmlns:t="urn:traduki:xslt"
    xmlns:p="urn:traduki:site"
    xmlns:its="http://www.w3.org/2005/11/its"
    extension-element-prefixes="func"
    exclude-result-prefixes="t p its">

  <!-- Given by traduki for every page: its language, its own path in the
       site, and the way back from it to the site's root ("../../"). -->
  <xsl:param name="lang"/>
  <xsl:param name="path"/>
  <xsl:param name="root"/>

  <xsl:variable name="model" select="t:model()"/>
  <xsl:variable name="source" select="string($model/@source)"/>
  <xsl:variable name="language" select="$model/language[@code = $lang]"/>
  <xsl:variable name="chrome" select="$language/site"/>
  <xsl:variable name="dir" select="t:dir($lang)"/>
  <xsl:variable name="base">
    <xsl:value-of select="$model/@base"/>
    <xsl:if test="substring($model/@base, string-length($model/@base)) != '/'">/</xsl:if>
  </xsl:variable>

  <!-- Addresses, relative to the site's root. -->
  <func:function name="p:home">
    <xsl:param name="l"/>
    <func:result select="concat($l, '/index.html')"/>
  </func:function>
  <func:function name="p:news">
    <xsl:param name="l"/>
    <func:result select="concat($l, '/news.html')"/>
  </func:function>
  <func:function name="p:article">
    <xsl:param name="l"/>
    <xsl:param name="id"/>
    <func:result select="concat($l, '/news/', $id, '.html')"/>
  </func:function>
  <func:function name="p:tags">
    <xsl:param name="l"/>
    <func:result select="concat($l, '/tags.html')"/>
  </func:function>
  <func:function name="p:tag">
    <xsl:param name="l"/>
    <xsl:param name="slug"/>
    <func:result select="concat($l, '/tags/', $slug, '.html')"/>
  </func:function>
  <func:function name="p:feed">
    <xsl:param name="l"/>
    <func:result select="concat($l, '/feed.xml')"/>
  </func:function>

  <!-- The page NAME (home, news or tags) that every language has. -->
  <func:function name="p:page">
    <xsl:param name="name"/>
    <xsl:param name="l"/>
    <xsl:choose>
      <xsl:when test="$name = 'home'"><func:result select="p:home($l)"/></xsl:when>
      <xsl:when test="$name = 'news'"><func:result select="p:news($l)"/></xsl:when>
      <xsl:when test="$name = 'tags'"><func:result select="p:tags($l)"/></xsl:when>
    </xsl:choose>
  </func:function>

  <!-- The absolute address of a path, for alternates, feeds and the sitemap. -->
  <func:function name="p:url">
    <xsl:param name="to"/>
    <func:result select="concat($base, $to)"/>
  </func:function>

  <!-- An address of the site, or another site's, as an absolute URL. -->
  <func:function name="p:absolute-url">
    <xsl:param name="url"/>
    <xsl:variable name="safe" select="p:safe-url($url)"/>
    <xsl:choose>
      <xsl:when test="$safe = '' or contains(substring-before($safe, '/'), ':')">
        <func:result select="$safe"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="p:url(substring-after(concat('/', $url), '/'))"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- A language code in capitals ("FR"), for marks that name a language. -->
  <func:function name="p:upper">
    <xsl:param name="code"/>
    <func:result select="translate($code, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
  </func:function>

  <!-- A language as Open Graph names locales: "fr", "pt_BR". -->
  <func:function name="p:og-locale">
    <xsl:param name="l"/>
    <func:result select="translate($l, '-', '_')"/>
  </func:function>

  <!--
    A link or image address from an article, made safe: http, https and
    mailto pass; any other scheme (javascript:, data:...) gives ""; a
    relative address is taken from the site's root.
  -->
  <func:function name="p:safe-url">
    <xsl:param name="url"/>
    <xsl:variable name="scheme" select="substring-before($url, ':')"/>
    <xsl:variable name="lower" select="translate($scheme, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="$scheme != '' and not(contains($scheme, '/') or contains($scheme, '?') or contains($scheme, '#'))">
        <xsl:choose>
          <xsl:when test="$lower = 'http' or $lower = 'https' or $lower = 'mailto'">
            <func:result select="$url"/>
          </xsl:when>
          <xsl:otherwise>
            <func:result select="''"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="starts-with($url, '/') or starts-with($url, '#') or starts-with($url, '?')">
        <func:result select="$url"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="concat($root, $url)"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!--
    True unless URL is a relative address of a file that the site does not
    have (t:in-site says so, once): an address with a scheme, or absolute,
    is another site's business.
  -->
  <func:function name="p:asset">
    <xsl:param name="url"/>
    <xsl:choose>
      <xsl:when test="contains($url, ':') or starts-with($url, '/') or starts-with($url, '#')">
        <func:result select="true()"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="t:in-site(substring-before(concat($url, '?'), '?'))"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!--
    The versions of a page: <version lang="LL" path="..."/> for each
    language in which it is published, in the model's order (the source
    first), then lang="x-default" for any other language.  They make the
    alternates of the page and of the sitemap, and the language switcher.
  -->

  <!-- A page that every language has.  The home pages stand for the
       language entry, index.html, which lists them; the others for their
       version in the source language. -->
  <xsl:template name="page-versions">
    <xsl:param name="name"/>
    <xsl:for-each select="$model/language">
      <version lang="{@code}" path="{p:page($name, @code)}"/>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="$name = 'home'">
        <version lang="x-default" path="index.html"/>
      </xsl:when>
      <xsl:otherwise>
        <version lang="x-default" path="{p:page($name, $source)}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An article: where it is published; by default, the source. -->
  <xsl:template name="article-versions">
    <xsl:param name="id"/>
    <xsl:for-each select="t:versions($id)[@published = 'yes']">
      <version lang="{../@lang}" path="{p:article(../@lang, @id)}"/>
    </xsl:for-each>
    <version lang="x-default" path="{p:article($source, $id)}"/>
  </xsl:template>

  <!--
    Tag pages.  Each tag of a published article carries, in the model, the
    slug of the tag at the same place in the same article in the source
    language (@source).  A tag of language L stands for the source tag of
    its first occurrence; the versions of source tag S are, in each
    language, the first tag that stands for S.  So every page of a group
    lists the same versions, and each version lists the others back; a
    tag that loses to another for its source tag (a translator wrote two
    words for one) is a page of its own, without alternates.
  -->
  <xsl:key name="tag" match="manifest/article[@published = 'yes']/tags/tag"
           use="concat(ancestor::manifest/@lang, ' ', @slug)"/>
  <xsl:key name="tag-source" match="manifest/article[@published = 'yes']/tags/tag[@source]"
           use="concat(ancestor::manifest/@lang, ' ', @source)"/>

  <!--
    The source tag that tag SLUG of language L stands for, or "": the
    @source of key('tag', concat($l, ' ', $slug))[1].  traduki works it
    out from an index of the model made once (t:tag-source), where key()
    would index the whole model again for every tag's page.
  -->
  <func:function name="p:tag-source">
    <xsl:param name="l"/>
    <xsl:param name="slug"/>
    <func:result select="t:tag-source($l, $slug)"/>
  </func:function>

  <!--
    The tag of language L that stands for source tag S, or "": the @slug
    of the first of key('tag-source', concat($l, ' ', $s)) that is the
    first of key('tag', ...) for its own slug (t:tag-for, as above).
  -->
  <func:function name="p:tag-for">
    <xsl:param name="l"/>
    <xsl:param name="s"/>
    <func:result select="t:tag-for($l, $s)"/>
  </func:function>

  <xsl:template name="tag-versions">
    <xsl:param name="l"/>
    <xsl:param name="slug"/>
    <xsl:variable name="s" select="p:tag-source($l, $slug)"/>
    <xsl:choose>
      <xsl:when test="$s != '' and p:tag-for($l, $s) = $slug">
        <xsl:for-each select="$model/language">
          <xsl:variable name="u" select="p:tag-for(@code, $s)"/>
          <xsl:if test="$u != ''">
            <version lang="{@code}" path="{p:tag(@code, $u)}"/>
          </xsl:if>
        </xsl:for-each>
        <version lang="x-default" path="{p:tag($source, $s)}"/>
      </xsl:when>
      <xsl:otherwise>
        <version lang="{$l}" path="{p:tag($l, $slug)}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    lang (and dir, when it differs from the page's) for an element whose
    source element says its language: a fallback segment in French on an
    English page, so that screen readers switch voice.  Applied as
    <xsl:apply-templates select="@xml:lang" mode="lang"/>, which costs
    nothing where there is no xml:lang.
  -->
  <xsl:template match="@xml:lang" mode="lang">
    <xsl:attribute name="lang"><xsl:value-of select="."/></xsl:attribute>
    <xsl:variable name="its-dir" select="t:dir(.)"/>
    <xsl:if test="$its-dir != $dir">
      <xsl:attribute name="dir"><xsl:value-of select="$its-dir"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A chrome text with its inline markup, as the contents of the element
       being written, whose language it sets when it fell back. -->
  <xsl:template match="*" mode="chrome">
    <xsl:apply-templates select="@xml:lang" mode="lang"/>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- Inline markup of articles and chrome.  Anything unknown gives its
       text only: a translation cannot bring markup of its own. -->
  <xsl:template match="em | strong | q" mode="inline">
    <xsl:element name="{local-name()}">
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates mode="inline"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="a" mode="inline">
    <xsl:variable name="href" select="p:safe-url(string(@href))"/>
    <xsl:choose>
      <xsl:when test="$href != ''">
        <a href="{$href}">
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
          <xsl:apply-templates mode="inline"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="abbr" mode="inline">
    <abbr title="{@title}">
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates mode="inline"/>
    </abbr>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- Editor notes and ITS markup are never published. -->
  <xsl:template match="note | its:*" mode="inline"/>
</xsl:stylesheet>
