/*
 * Unit tests of the engine's manners with libxml2 and libxslt: their
 * error handlers are process-wide, so every module that catches their
 * errors gives back the handlers it found, and none of its errors reaches
 * the caller's handlers meanwhile.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxslt/xsltutils.h>

#include "lib/diag.h"
#include "lib/its.h"
#include "lib/segment.h"
#include "lib/site.h"
#include "lib/xmldoc.h"
#include "unit.h"

static int tag; /* the caller's context: its address is what counts */
static int calls; /* errors that reached the caller's handlers */
static struct diag d;

static void callers_structured(void *data, xmlErrorPtr err)
{
	(void)data;
	(void)err;
	calls++;
}

static void callers_generic(void *data, const char *fmt, ...)
{
	(void)data;
	(void)fmt;
	calls++;
}

static void install(void)
{
	xmlSetStructuredErrorFunc(&tag, callers_structured);
	xmlSetGenericErrorFunc(&tag, callers_generic);
	xsltSetGenericErrorFunc(&tag, callers_generic);
	calls = 0;
}

/* 1 when the caller's handlers are in place, as install() left them. */
static int unchanged(void)
{
	return xmlStructuredError == callers_structured && xmlStructuredErrorContext == &tag &&
	       xmlGenericError == callers_generic && xmlGenericErrorContext == &tag &&
	       xsltGenericError == callers_generic && xsltGenericErrorContext == &tag;
}

static void xml_read(void)
{
	static const char broken[] = "<a><b></a>";
	unsigned long mark = diag_mark(&d);
	xmlDocPtr doc;

	install();
	doc = xmldoc_read_memory(broken, sizeof broken - 1, "broken.xml", &d);
	CHECK(doc == NULL);
	CHECK(diag_failed_since(&d, mark));
	CHECK(unchanged());
	CHECK(calls == 0);
}

static void its_rules(void)
{
	static const char rules[] = "<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" "
	                            "version=\"2.0\"><its:translateRule selector=\"//[\" "
	                            "translate=\"no\"/></its:rules>\n";
	char path[] = "/tmp/test-handlers.XXXXXX";
	unsigned long mark = diag_mark(&d);
	struct its_rules *r = its_rules_new();
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;

	CHECK(fp != NULL);
	if (!fp)
		return;
	fputs(rules, fp);
	fclose(fp);
	install();
	CHECK(its_rules_load(r, path, &d) == -1);
	CHECK(diag_failed_since(&d, mark));
	CHECK(unchanged());
	CHECK(calls == 0);
	its_rules_free(r);
	remove(path);
}

static void translation_markup(void)
{
	char *reason = NULL;

	install();
	CHECK(segment_check("a <b>bold</b> word", "un mot <b>gras", &reason) == -1);
	CHECK(reason != NULL);
	CHECK(unchanged());
	CHECK(calls == 0);
	free(reason);
}

static void site(void)
{
	struct site_options opts;
	unsigned long mark = diag_mark(&d);

	memset(&opts, 0, sizeof opts);
	opts.site_file = "/nonexistent/site.xml";
	opts.xml_dir = "/nonexistent/xml";
	opts.templates_dir = "/nonexistent/templates";
	opts.out_dir = "/nonexistent/public";
	install();
	CHECK(site_build(&opts, NULL, &d) == -1);
	CHECK(diag_failed_since(&d, mark));
	CHECK(unchanged());
	CHECK(calls == 0);
}

int main(void)
{
	diag_init(&d, NULL, NULL);
	TEST(xml_read, "reading a broken document gives the handlers back");
	TEST(its_rules, "an invalid XPath in ITS rules gives the handlers back");
	TEST(translation_markup, "a translation's broken markup gives the handlers back");
	TEST(site, "a site build that fails gives libxml2's and libxslt's handlers back");
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	xsltSetGenericErrorFunc(NULL, NULL);
	return unit_done("test-handlers");
}
