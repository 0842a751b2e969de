/*
 * Unit tests for xmldoc: well-formedness errors with positions, no
 * external entities, RELAX NG violations with lines.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "lib/buf.h"
#include "lib/xmldoc.h"
#include "unit.h"

static void collect(const struct diag_message *msg, void *data)
{
	struct buf *out = data;

	buf_addf(out, "%s:%ld:%ld: %s: %s\n", msg->file ? msg->file : "-", msg->line, msg->column,
	         diag_severity_name(msg->severity), msg->text);
}

static xmlDocPtr parse(const char *text, struct diag *d)
{
	return xmldoc_read_memory(text, strlen(text), "mem.xml", d);
}

int main(void)
{
	struct buf out = BUF_INIT;
	struct diag d;
	xmlDocPtr doc;

	diag_init(&d, collect, &out);

	doc = parse("<p>Hello <b>world</b></p>", &d);
	CHECK(doc != NULL);
	CHECK_STR(xmldoc_name(doc), "mem.xml");
	xmlFreeDoc(doc);
	CHECK(diag_count(&d, DIAG_ERROR) == 0);

	/* Not well-formed: one error, with line and column. */
	doc = parse("<p>\n  <b>open</p>", &d);
	CHECK(doc == NULL);
	CHECK(diag_count(&d, DIAG_ERROR) >= 1);
	CHECK(strncmp(buf_str(&out), "mem.xml:2:", 10) == 0);
	CHECK(strstr(buf_str(&out), "mismatch") != NULL);

	/* An external entity pointing at a local file is not read (XXE). */
	buf_truncate(&out, 0);
	doc = parse("<!DOCTYPE p [<!ENTITY x SYSTEM \"/etc/passwd\">]><p>&x;</p>", &d);
	if (doc) {
		xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));

		CHECK(strstr((const char *)text, "root:") == NULL);
		xmlFree(text);
		xmlFreeDoc(doc);
	}

	/* The "billion laughs": refused by libxml2's amplification limit. */
	buf_truncate(&out, 0);
	{
		struct buf bomb = BUF_INIT;
		int i;

		buf_adds(&bomb,
		         "<!DOCTYPE p [<!ENTITY a0 \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">");
		for (i = 1; i < 12; i++)
			buf_addf(
			    &bomb,
			    "<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;\">",
			    i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
			    i - 1);
		buf_adds(&bomb, "]><p>&a11;</p>");
		doc = xmldoc_read_memory(bomb.data, bomb.len, "bomb.xml", &d);
		if (doc) {
			/* Kept as a reference, never expanded: the tree stays small. */
			CHECK(xmlDocGetRootElement(doc)->children->type == XML_ENTITY_REF_NODE);
			xmlFreeDoc(doc);
		}
		buf_release(&bomb);
	}

	/* Invalid UTF-8 is an error, with its position. */
	buf_truncate(&out, 0);
	doc = parse("<p>caf\xe9</p>", &d);
	CHECK(doc == NULL);
	CHECK(strncmp(buf_str(&out), "mem.xml:1:", 10) == 0);

	buf_release(&out);
	xmlCleanupParser();
	return unit_done("test-xmldoc");
}
