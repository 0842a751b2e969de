/*
 * xsltext: ICU as XSLT extension functions.  See xsltext.h.
 */
#include <config.h>

#include "xsltext.h"

#include <stdlib.h>

#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/xsltutils.h>

#include "uni.h"

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

static void format_date(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *date, *lang;
	char *result;

	CHECK_ARITY(2);
	lang = xmlXPathPopString(ctxt);
	date = xmlXPathPopString(ctxt);
	result = uni_format_date((const char *)date, (const char *)lang);
	if (!result)
		fail(ctxt, "format-date", "not a date (YYYY-MM-DD)", date);
	push_string(ctxt, result);
	xmlFree(date);
	xmlFree(lang);
}

static void format_number(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *lang;
	double n;

	CHECK_ARITY(2);
	lang = xmlXPathPopString(ctxt);
	n = xmlXPathPopNumber(ctxt);
	push_string(ctxt, uni_format_number(n, (const char *)lang));
	xmlFree(lang);
}

static void collation_key(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *text, *lang;
	char *result;

	CHECK_ARITY(2);
	lang = xmlXPathPopString(ctxt);
	text = xmlXPathPopString(ctxt);
	result = uni_sort_key((const char *)text, (size_t)xmlStrlen(text), (const char *)lang);
	if (!result)
		fail(ctxt, "collation-key", "not UTF-8 text", text);
	push_string(ctxt, result);
	xmlFree(text);
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
	};
	size_t i;

	for (i = 0; i < sizeof functions / sizeof functions[0]; i++)
		xsltRegisterExtModuleFunction(BAD_CAST functions[i].name, BAD_CAST XSLTEXT_NS,
		                              functions[i].fn);
}
