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
 * LANG is a language of the site; the locale ICU formats and sorts it in
 * is the one xsltext_set_locale gave it ("en-GB" for "en": "5 November
 * 2015"), else LANG itself.
 *
 * A bad argument (a date that is not YYYY-MM-DD, text that is not UTF-8)
 * is a transformation error reported through libxslt's error function of
 * the transformation, and the function returns "".
 */
#ifndef TRADUKI_XSLTEXT_H
#define TRADUKI_XSLTEXT_H

#include <libxml/xmlerror.h>

#define XSLTEXT_NS "urn:traduki:xslt"

/*
 * Registers the functions with libxslt for every transformation that
 * follows, in this process.  xsltCleanupGlobals() unregisters them.
 */
void xsltext_register(void);

/*
 * Dates, numbers and sorting in the language LANG follow LOCALE (a BCP 47
 * tag, "en-GB") from now on, in this process; LOCALE NULL forgets LANG's.
 */
void xsltext_set_locale(const char *lang, const char *locale);

/* Forgets every locale set. */
void xsltext_clear_locales(void);

/*
 * libxslt's generic error handler is a process global, as libxml2's
 * (xmldoc_catch): a module that wants libxslt's messages for a while
 * installs its own with xsltext_catch, and puts back whatever was there
 * before with xsltext_release.
 */
struct xsltext_handlers {
	xmlGenericErrorFunc generic;
	void *generic_data;
};
void xsltext_catch(struct xsltext_handlers *saved, xmlGenericErrorFunc generic, void *data);
void xsltext_release(const struct xsltext_handlers *saved);

#endif
