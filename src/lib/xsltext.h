/*
 * xsltext: what the site's XSLT templates can ask of ICU.
 *
 * The functions live in the namespace XSLTEXT_NS (templates bind it to
 * the prefix t) and take language tags as xml:lang writes them:
 *
 *   t:format-date(DATE, LANG)     "2015-11-26" → "26 novembre 2015" (CLDR long)
 *   t:format-number(N, LANG)      12345 → "12 345" (the language's digits)
 *   t:collation-key(TEXT, LANG)   a string that sorts as LANG sorts TEXT:
 *                                 <xsl:sort select="t:collation-key(., $lang)"/>
 *   t:slug(TEXT)                  "Conseil de l’Europe" → "conseil-de-l-europe"
 *   t:dir(LANG)                   "rtl" or "ltr"
 *   t:language-name(CODE[, LANG]) CODE's name in LANG (default: in CODE itself),
 *                                 as a menu item: "Français", "العربية"
 *   t:json-string(TEXT)           TEXT as a JSON string, quotes included, safe
 *                                 inside an HTML <script>: < > & are \u003c...
 *
 * A bad argument (a date that is not YYYY-MM-DD, text that is not UTF-8)
 * is a transformation error reported through libxslt's error function of
 * the transformation, and the function returns "".
 */
#ifndef TRADUKI_XSLTEXT_H
#define TRADUKI_XSLTEXT_H

#define XSLTEXT_NS "urn:traduki:xslt"

/*
 * Registers the functions with libxslt for every transformation that
 * follows, in this process.  xsltCleanupGlobals() unregisters them.
 */
void xsltext_register(void);

#endif
