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

static struct buf messages = BUF_INIT;
static struct diag diag;

static xmlDocPtr parse(const char *text, struct diag *d)
{
	return xmldoc_read_memory(text, strlen(text), "mem.xml", d);
}

/* The document DOC as it would be written. */
static char *dump(xmlDocPtr doc)
{
	xmlChar *mem = NULL;
	int len = 0;
	char *out;

	xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
	out = strdup(mem ? (const char *)mem : "");
	xmlFree(mem);
	return out;
}

/*
 * An entity that the external subset (never read) may declare: the
 * reference stays where it is written, in an attribute value too (libxml2
 * alone moved it in front of the element), without a warning.  Without
 * an external subset, or in a standalone document, it is an error.
 */
static void undeclared_entities(void)
{
	xmlDocPtr doc;
	xmlNodePtr root, a;
	unsigned long warnings = diag_count(&diag, DIAG_WARNING);
	char *text;

	buf_truncate(&messages, 0);
	doc = parse("<!DOCTYPE p SYSTEM 'ents.dtd'><p>See <a href='&wiki;Terms'>the wiki</a> "
	            "for &app; &app;.</p>",
	            &diag);
	CHECK(doc != NULL);
	CHECK(diag_count(&diag, DIAG_WARNING) == warnings);
	CHECK_STR(buf_str(&messages), "");
	root = xmlDocGetRootElement(doc);
	a = root->children->next;
	CHECK(a && a->type == XML_ELEMENT_NODE && root->children->type == XML_TEXT_NODE);
	CHECK(a && a->properties && a->properties->children &&
	      a->properties->children->type == XML_ENTITY_REF_NODE);
	CHECK(xmlGetDocEntity(doc, BAD_CAST "app") == NULL);
	text = dump(doc);
	CHECK(strstr(text, "<p>See <a href=\"&wiki;Terms\">the wiki</a> for &app; &app;.</p>") !=
	      NULL);
	free(text);
	xmlFreeDoc(doc);

	buf_truncate(&messages, 0);
	doc = parse("<p>&app;</p>", &diag);
	CHECK(doc == NULL);
	CHECK(strstr(buf_str(&messages), "error: Entity 'app' not defined") != NULL);
	buf_truncate(&messages, 0);
	doc = parse("<?xml version='1.0' standalone='yes'?><!DOCTYPE p SYSTEM 'e.dtd'><p>&app;</p>",
	            &diag);
	CHECK(doc == NULL);
	CHECK(strstr(buf_str(&messages), "error: Entity 'app' not defined") != NULL);
}

/* A parameter entity reference of the internal subset is written back. */
static void parameter_entity_kept(void)
{
	xmlDocPtr doc;
	char *text;

	buf_truncate(&messages, 0);
	doc = parse("<?xml version='1.0'?>\n<!-- a manual -->\n<!DOCTYPE p PUBLIC '-//X//Y' "
	            "'http://example.org/x.dtd' [\n<!ENTITY % ents SYSTEM 'ents.ent'>\n%ents;\n"
	            "<!-- ] > in a comment -->\n<!ENTITY co \"Example ]&gt; Co\">\n]>\n"
	            "<p>&app; by &co;</p>",
	            &diag);
	CHECK(doc != NULL);
	CHECK_STR(buf_str(&messages), "");
	text = doc ? dump(doc) : strdup("");
	CHECK(strstr(text, "\"http://example.org/x.dtd\" [\n<!ENTITY % ents SYSTEM 'ents.ent'>\n"
	                   "%ents;\n<!-- ] > in a comment -->\n<!ENTITY co \"Example ]&gt; "
	                   "Co\">\n]>\n<p>&app; by &co;</p>") != NULL);
	free(text);
	/* The declarations are still there. */
	CHECK(doc && xmlGetDocEntity(doc, BAD_CAST "co") != NULL);
	xmlFreeDoc(doc);
}

static void well_formed(void)
{
	xmlDocPtr doc;

	doc = parse("<p>Hello <b>world</b></p>", &diag);
	CHECK(doc != NULL);
	CHECK_STR(xmldoc_name(doc), "mem.xml");
	xmlFreeDoc(doc);
	CHECK(diag_count(&diag, DIAG_ERROR) == 0);

	/* Not well-formed: one error, with line and column. */
	doc = parse("<p>\n  <b>open</p>", &diag);
	CHECK(doc == NULL);
	CHECK(diag_count(&diag, DIAG_ERROR) >= 1);
	CHECK(strncmp(buf_str(&messages), "mem.xml:2:", 10) == 0);
	CHECK(strstr(buf_str(&messages), "mismatch") != NULL);
}

static void external_entity(void)
{
	xmlDocPtr doc;

	/* An external entity pointing at a local file is not read (XXE). */
	buf_truncate(&messages, 0);
	doc = parse("<!DOCTYPE p [<!ENTITY x SYSTEM \"/etc/passwd\">]><p>&x;</p>", &diag);
	if (doc) {
		xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));

		CHECK(strstr((const char *)text, "root:") == NULL);
		xmlFree(text);
		xmlFreeDoc(doc);
	}
}

static void billion_laughs(void)
{
	struct buf bomb = BUF_INIT;
	xmlDocPtr doc;
	int i;

	/* Refused by libxml2's amplification limit. */
	buf_truncate(&messages, 0);
	buf_adds(&bomb, "<!DOCTYPE p [<!ENTITY a0 \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">");
	for (i = 1; i < 12; i++)
		buf_addf(&bomb,
		         "<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;\">", i,
		         i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	buf_adds(&bomb, "]><p>&a11;</p>");
	doc = xmldoc_read_memory(bomb.data, bomb.len, "bomb.xml", &diag);
	if (doc) {
		/* Kept as a reference, never expanded: the tree stays small. */
		CHECK(xmlDocGetRootElement(doc)->children->type == XML_ENTITY_REF_NODE);
		xmlFreeDoc(doc);
	}
	buf_release(&bomb);
}

static void invalid_utf8(void)
{
	xmlDocPtr doc;

	buf_truncate(&messages, 0);
	doc = parse("<p>caf\xe9</p>", &diag);
	CHECK(doc == NULL);
	CHECK(strncmp(buf_str(&messages), "mem.xml:1:", 10) == 0);
}

int main(void)
{
	diag_init(&diag, collect, &messages);
	TEST(well_formed, "a document is read; one not well-formed is an error with its place");
	TEST(external_entity, "an external entity naming a local file is not read");
	TEST(billion_laughs, "nested entities are kept as references, never expanded");
	TEST(invalid_utf8, "invalid UTF-8 is an error with its position");
	TEST(undeclared_entities,
	     "an entity the external subset may declare stays where it is written, without it "
	     "an error");
	TEST(parameter_entity_kept, "a parameter entity reference of the internal subset is kept");
	buf_release(&messages);
	xmlCleanupParser();
	return unit_done("test-xmldoc");
}
