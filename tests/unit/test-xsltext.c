/*
 * Unit tests for xsltext: the ICU functions as a template calls them.
 */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "lib/uni.h"
#include "lib/xsltext.h"
#include "unit.h"

static int errors;

static void count_error(void *data, const char *fmt, ...)
{
	(void)data;
	(void)fmt;
	errors++;
}

/* The text that the template BODY writes for the document INPUT. */
static char *run(const char *body, const char *input)
{
	static const char head[] =
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
	    " xmlns:t='" XSLTEXT_NS "'><xsl:output method='text' encoding='UTF-8'/>"
	    "<xsl:template match='/'>";
	static const char tail[] = "</xsl:template></xsl:stylesheet>";
	char source[1024];
	xmlDocPtr style_doc, doc, result;
	xsltStylesheetPtr style;
	xmlChar *out = NULL;
	int len = 0;
	char *text;

	snprintf(source, sizeof source, "%s%s%s", head, body, tail);
	style_doc = xmlReadMemory(source, (int)strlen(source), "test.xsl", NULL, 0);
	style = xsltParseStylesheetDoc(style_doc);
	doc = xmlReadMemory(input, (int)strlen(input), "d.xml", NULL, 0);
	result = xsltApplyStylesheet(style, doc, NULL);
	if (result)
		xsltSaveResultToString(&out, &len, result, style);
	text = strndup(out ? (const char *)out : "", (size_t)len);
	xmlFree(out);
	xmlFreeDoc(result);
	xmlFreeDoc(doc);
	xsltFreeStylesheet(style);
	return text;
}

/* The text that the XPath expression EXPR gives. */
static char *eval(const char *expr)
{
	char body[512];

	snprintf(body, sizeof body, "<xsl:value-of select=\"%s\"/>", expr);
	return run(body, "<d/>");
}

#define CHECK_EVAL(expr, expected)          \
	do {                                \
		char *text_ = eval(expr);   \
		CHECK_STR(text_, expected); \
		free(text_);                \
	} while (0)

/* Sorts the words of WORDS (<w> elements) by the collation of LANG. */
static char *sorted(const char *words, const char *lang)
{
	char body[512];

	snprintf(body, sizeof body,
	         "<xsl:for-each select='//w'><xsl:sort select=\"t:collation-key(., '%s')\"/>"
	         "<xsl:value-of select='.'/><xsl:text> </xsl:text></xsl:for-each>",
	         lang);
	return run(body, words);
}

static void formats(void)
{
	CHECK_EVAL("t:format-date('2015-11-26', 'fr')", "26 novembre 2015");
	CHECK_EVAL("t:format-date('2015-11-26', 'en')", "November 26, 2015");
	CHECK_EVAL("t:format-date('2015-11-26', 'nl')", "26 november 2015");
	CHECK_EVAL("t:format-number(1234.5, 'en')", "1,234.5");
	CHECK_EVAL("t:format-number('12', 'ar')", "\xd9\xa1\xd9\xa2");
	CHECK_EVAL("t:slug('Conseil de l&#x2019;Europe')", "conseil-de-l-europe");
	CHECK_EVAL("t:dir('ar')", "rtl");
	CHECK_EVAL("t:dir('nl')", "ltr");
	CHECK_EVAL("t:language-name('nl')", "Nederlands");
	/* As a menu item, French capitalizes a language's name. */
	CHECK_EVAL("t:language-name('nl', 'fr')", "N\xc3\xa9"
	                                          "erlandais");
}

static void collation(void)
{
	const char *words = "<d><w>zebra</w><w>exploit</w><w>\xc3\xa9tude</w>"
	                    "<w>\xc3\xa4rger</w><w>Zebra</w></d>";
	char *fr, *sv;

	CHECK_EVAL("t:collation-key('a', 'fr') = t:collation-key('a', 'fr')", "true");
	fr = sorted(words, "fr");
	sv = sorted(words, "sv");
	CHECK_STR(fr, "\xc3\xa4rger \xc3\xa9tude exploit zebra Zebra ");
	CHECK_STR(sv, "\xc3\xa9tude exploit zebra Zebra \xc3\xa4rger ");
	free(fr);
	free(sv);
}

static void locales(void)
{
	/* A language's locale, as the site sets it: British English. */
	xsltext_set_locale("en", "en-GB");
	CHECK_EVAL("t:format-date('2015-11-05', 'en')", "5 November 2015");
	CHECK_EVAL("t:format-date('2015-11-05', 'nl')", "5 november 2015");
	xsltext_set_locale("en", NULL);
	CHECK_EVAL("t:format-date('2015-11-05', 'en')", "November 5, 2015");
	xsltext_set_locale("en", "en-GB");
	xsltext_clear_locales();
	CHECK_EVAL("t:format-date('2015-11-05', 'en')", "November 5, 2015");
}

static void json_strings(void)
{
	/* JSON for a <script> element: nothing in it can close the element. */
	CHECK_EVAL("t:json-string('Plain')", "\"Plain\"");
	CHECK_EVAL("t:json-string('a&quot;b\\c')", "\"a\\\"b\\\\c\"");
	CHECK_EVAL("t:json-string('&lt;/script&gt;&lt;!-- &amp;')",
	           "\"\\u003c/script\\u003e\\u003c!-- \\u0026\"");
	CHECK_EVAL("t:json-string('a&#10;b&#9;c&#x2028;d')", "\"a\\nb\\tc\\u2028d\"");
	CHECK_EVAL("t:json-string('\xc3\xa9t\xc3\xa9')", "\"\xc3\xa9t\xc3\xa9\"");
	CHECK(errors == 0);
}

static void bad_calls(void)
{
	/* A bad date is an error of the transformation, and gives "". */
	CHECK_EVAL("t:format-date('2015-02-30', 'fr')", "");
	CHECK(errors > 0);
	errors = 0;
	/* A wrong number of arguments is an XPath error. */
	CHECK_EVAL("t:dir()", "");
	CHECK(errors > 0);
}

int main(void)
{
	xsltext_register();
	xsltSetGenericErrorFunc(NULL, count_error);
	xmlSetGenericErrorFunc(NULL, count_error);
	TEST(formats, "dates, numbers, slugs, directions and language names by language");
	TEST(collation, "collation keys sort words in each language's order");
	TEST(locales, "a language's locale changes its formats until cleared");
	TEST(json_strings, "a JSON string for a script element cannot close the element");
	TEST(bad_calls, "a bad date or a wrong number of arguments is an error and gives \"\"");
	xsltCleanupGlobals();
	uni_cleanup();
	xmlCleanupParser();
	return unit_done("test-xsltext");
}
