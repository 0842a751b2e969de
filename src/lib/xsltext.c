/*
 * xsltext: ICU as XSLT extension functions.  See xsltext.h.
 */
#include <config.h>

#include "xsltext.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/xsltutils.h>

#include "buf.h"
#include "mem.h"
#include "uni.h"

/* The locales of the site's languages (xsltext_set_locale), in pairs. */
static char **locales;
static size_t locale_count, locale_alloc;

void xsltext_set_locale(const char *lang, const char *locale)
{
	size_t i;

	for (i = 0; i < locale_count; i++)
		if (strcmp(locales[2 * i], lang) == 0)
			break;
	if (i == locale_count) {
		if (!locale)
			return;
		xgrow((void **)&locales, &locale_alloc, 2 * (locale_count + 1), sizeof *locales);
		locales[2 * i] = xstrdup(lang);
		locales[2 * i + 1] = NULL;
		locale_count++;
	}
	free(locales[2 * i + 1]);
	locales[2 * i + 1] = locale ? xstrdup(locale) : xstrdup(lang);
}

void xsltext_clear_locales(void)
{
	size_t i;

	for (i = 0; i < 2 * locale_count; i++)
		free(locales[i]);
	free(locales);
	locales = NULL;
	locale_count = locale_alloc = 0;
}

void xsltext_catch(struct xsltext_handlers *saved, xmlGenericErrorFunc generic, void *data)
{
	saved->generic = xsltGenericError;
	saved->generic_data = xsltGenericErrorContext;
	xsltSetGenericErrorFunc(data, generic);
}

void xsltext_release(const struct xsltext_handlers *saved)
{
	xsltSetGenericErrorFunc(saved->generic_data, saved->generic);
}

/* The locale to format and sort LANG in. */
static const char *locale_of(const char *lang)
{
	size_t i;

	for (i = 0; i < locale_count; i++)
		if (strcmp(locales[2 * i], lang) == 0)
			return locales[2 * i + 1];
	return lang;
}

/* Reports a bad argument against the template instruction that passed it. */
static void fail(xmlXPathParserContextPtr ctxt, const char *function, const char *what,
                 const xmlChar *value)
{
	xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);

	xsltTransformError(tctxt, NULL, tctxt ? tctxt->inst : NULL, "t:%s: %s: '%s'\n", function,
	                   what, value ? (const char *)value : "");
}

/* Pushes RESULT (from uni, freed here) as the function's string value. */
static void push_string(xmlXPathParserContextPtr ctxt, char *result)
{
	valuePush(ctxt, xmlXPathNewString(BAD_CAST(result ? result : "")));
	free(result);
}

/*
 * A function of two strings (TEXT, LANG) that FN computes; a NULL result
 * means TEXT is not WHAT.
 */
static void text_and_lang(xmlXPathParserContextPtr ctxt, int nargs, const char *name,
                          const char *what, char *(*fn)(const char *text, const char *lang))
{
	xmlChar *text, *lang;
	char *result;

	CHECK_ARITY(2);
	lang = xmlXPathPopString(ctxt);
	text = xmlXPathPopString(ctxt);
	result = fn((const char *)text, locale_of((const char *)lang));
	if (!result)
		fail(ctxt, name, what, text);
	push_string(ctxt, result);
	xmlFree(text);
	xmlFree(lang);
}

static char *sort_key(const char *text, const char *lang)
{
	return uni_sort_key(text, strlen(text), lang);
}

static void format_date(xmlXPathParserContextPtr ctxt, int nargs)
{
	text_and_lang(ctxt, nargs, "format-date", "not a date (YYYY-MM-DD)", uni_format_date);
}

static void collation_key(xmlXPathParserContextPtr ctxt, int nargs)
{
	text_and_lang(ctxt, nargs, "collation-key", "not UTF-8 text", sort_key);
}

static void format_number(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *lang;
	double n;

	CHECK_ARITY(2);
	lang = xmlXPathPopString(ctxt);
	n = xmlXPathPopNumber(ctxt);
	push_string(ctxt, uni_format_number(n, locale_of((const char *)lang)));
	xmlFree(lang);
}

static void slug(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *text;
	char *result;

	CHECK_ARITY(1);
	text = xmlXPathPopString(ctxt);
	result = uni_slug((const char *)text, (size_t)xmlStrlen(text));
	if (!result)
		fail(ctxt, "slug", "not UTF-8 text", text);
	push_string(ctxt, result);
	xmlFree(text);
}

static void dir(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *lang;

	CHECK_ARITY(1);
	lang = xmlXPathPopString(ctxt);
	valuePush(ctxt,
	          xmlXPathNewString(BAD_CAST(uni_is_rtl((const char *)lang) ? "rtl" : "ltr")));
	xmlFree(lang);
}

static void language_name(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *code, *lang = NULL;
	char *result;

	if (nargs != 1 && nargs != 2)
		XP_ERROR(XPATH_INVALID_ARITY);
	if (nargs == 2)
		lang = xmlXPathPopString(ctxt);
	code = xmlXPathPopString(ctxt);
	result = uni_language_name((const char *)code, (const char *)(lang ? lang : code));
	if (!result)
		fail(ctxt, "language-name", "not a language tag", code);
	push_string(ctxt, result);
	xmlFree(code);
	xmlFree(lang);
}

/*
 * TEXT as a JSON string, quotes included, that is safe anywhere in an
 * HTML <script> element: besides '"', '\\' and control characters, '<',
 * '>' and '&' are escaped (no "</script>" nor "<!--" can appear), and so
 * are U+2028 and U+2029 (line breaks to JavaScript).
 */
static char *json_quote(const char *text)
{
	struct buf out = BUF_INIT;
	const unsigned char *p;

	buf_addc(&out, '"');
	for (p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_addf(&out, "\\%c", *p);
		else if (*p == '\n')
			buf_adds(&out, "\\n");
		else if (*p == '\t')
			buf_adds(&out, "\\t");
		else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&' || *p == 0x7f)
			buf_addf(&out, "\\u%04x", *p);
		else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			buf_addf(&out, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029);
			p += 2;
		} else
			buf_addc(&out, (char)*p);
	}
	buf_addc(&out, '"');
	return buf_detach(&out);
}

static void json_string(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *text;

	CHECK_ARITY(1);
	text = xmlXPathPopString(ctxt);
	push_string(ctxt, json_quote(text ? (const char *)text : ""));
	xmlFree(text);
}

void xsltext_register(void)
{
	static const struct {
		const char *name;
		xmlXPathFunction fn;
	} functions[] = {
		{ "format-date", format_date },
		{ "format-number", format_number },
		{ "collation-key", collation_key },
		{ "slug", slug },
		{ "dir", dir },
		{ "language-name", language_name },
		{ "json-string", json_string },
	};
	size_t i;

	for (i = 0; i < sizeof functions / sizeof functions[0]; i++)
		xsltRegisterExtModuleFunction(BAD_CAST functions[i].name, BAD_CAST XSLTEXT_NS,
		                              functions[i].fn);
}
