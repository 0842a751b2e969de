/*
 * xmldoc: safe XML loading and validation.  See xmldoc.h.
 */
#include <config.h>

#include "xmldoc.h"

#include <stdlib.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "buf.h"

/*
 * No network, no DTD loading, no entity substitution: a document from an
 * untrusted hand cannot read local files (XXE) or reach the network.
 * XML_PARSE_HUGE stays off, so libxml2 keeps its limits on text size,
 * nesting depth and entity amplification.  NONET is redundant with no DTD
 * loading, but documents the intent.
 */
#define XMLDOC_PARSE_OPTIONS XML_PARSE_NONET

struct xmldoc_schema {
	xmlRelaxNGPtr rng;
};

/* Routes one libxml2 error to the diag given as DATA. */
static void route_error(void *data, xmlErrorPtr err)
{
	struct diag *d = data;
	enum diag_severity severity;
	const char *file;
	long line, column;

	if (!err || !err->message)
		return;
	file = err->file;
	line = err->line;
	column = err->int2;
	severity = err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
	/* Validity errors carry the node, not always a line in err->line. */
	if (line <= 0 && err->node && ((xmlNodePtr)err->node)->type == XML_ELEMENT_NODE) {
		xmlNodePtr node = err->node;

		line = xmlGetLineNo(node);
		if (!file && node->doc && node->doc->URL)
			file = (const char *)node->doc->URL;
	}
	/* RELAX NG reports the element's column only for parser errors. */
	if (err->domain != XML_FROM_PARSER && err->domain != XML_FROM_NAMESPACE &&
	    err->domain != XML_FROM_IO)
		column = 0;
	diag_report(d, severity, file, line, column, "%s", err->message);
}

static xmlDocPtr read_with(xmlParserCtxtPtr ctxt, const char *path, const char *data, size_t len,
                           struct diag *d)
{
	xmlDocPtr doc;
	unsigned long before = diag_count(d, DIAG_ERROR);

	xmlSetStructuredErrorFunc(d, route_error);
	if (data)
		doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL, XMLDOC_PARSE_OPTIONS);
	else
		doc = xmlCtxtReadFile(ctxt, path, NULL, XMLDOC_PARSE_OPTIONS);
	xmlSetStructuredErrorFunc(NULL, NULL);

	if (doc && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && diag_count(d, DIAG_ERROR) == before)
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot parse XML document");
	return doc;
}

/*
 * Reads the whole file into memory first: the reason a file cannot be
 * read (missing, a directory, no permission) is then ours to word, and
 * libxml2 never opens a path itself.
 */
xmlDocPtr xmldoc_read_file(const char *path, struct diag *d)
{
	struct buf content = BUF_INIT;
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	xmlDocPtr doc = NULL;
	char chunk[65536];
	size_t n;

	if (!fp) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&content, chunk, n);
	if (ferror(fp))
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
	else if (content.len == 0)
		diag_report(d, DIAG_ERROR, path, 0, 0, "empty file, not an XML document");
	else
		doc = xmldoc_read_memory(content.data, content.len, path, d);
	if (fp != stdin)
		fclose(fp);
	buf_release(&content);
	return doc;
}

xmlDocPtr xmldoc_read_memory(const char *data, size_t len, const char *name, struct diag *d)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	if (len > (size_t)2147483647) {
		diag_report(d, DIAG_ERROR, name, 0, 0, "document too large");
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		diag_report(d, DIAG_ERROR, name, 0, 0, "cannot create an XML parser");
		return NULL;
	}
	doc = read_with(ctxt, name, data, len, d);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

const char *xmldoc_name(xmlDocPtr doc)
{
	return doc && doc->URL ? (const char *)doc->URL : "-";
}

#define RELAXNG_NS "http://relaxng.org/ns/structure/1.0"

struct xmldoc_schema *xmldoc_schema_load(const char *path, struct diag *d)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	struct xmldoc_schema *schema;
	xmlRelaxNGPtr rng;
	xmlDocPtr doc;
	xmlNodePtr root;
	unsigned long before = diag_count(d, DIAG_ERROR);

	doc = xmldoc_read_file(path, d);
	if (!doc)
		return NULL;
	root = xmlDocGetRootElement(doc);
	if (!root || !root->ns || !xmlStrEqual(root->ns->href, BAD_CAST RELAXNG_NS)) {
		diag_report(d, DIAG_ERROR, path, root ? xmlGetLineNo(root) : 0, 0,
		            "not a RELAX NG schema (root element '%s')",
		            root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return NULL;
	}
	pctxt = xmlRelaxNGNewDocParserCtxt(doc); /* works on a copy of DOC */
	xmlFreeDoc(doc);
	if (!pctxt) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot read RELAX NG schema");
		return NULL;
	}
	xmlRelaxNGSetParserStructuredErrors(pctxt, route_error, d);
	xmlSetStructuredErrorFunc(d, route_error);
	rng = xmlRelaxNGParse(pctxt);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlRelaxNGFreeParserCtxt(pctxt);
	if (!rng) {
		if (diag_count(d, DIAG_ERROR) == before)
			diag_report(d, DIAG_ERROR, path, 0, 0, "invalid RELAX NG schema");
		return NULL;
	}
	schema = malloc(sizeof *schema);
	if (!schema) {
		xmlRelaxNGFree(rng);
		diag_report(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return NULL;
	}
	schema->rng = rng;
	return schema;
}

void xmldoc_schema_free(struct xmldoc_schema *schema)
{
	if (!schema)
		return;
	xmlRelaxNGFree(schema->rng);
	free(schema);
}

int xmldoc_validate(const struct xmldoc_schema *schema, xmlDocPtr doc, struct diag *d)
{
	xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(schema->rng);
	unsigned long before = diag_count(d, DIAG_ERROR);
	int rc;

	if (!vctxt) {
		diag_report(d, DIAG_ERROR, xmldoc_name(doc), 0, 0, "cannot create a validator");
		return -1;
	}
	xmlRelaxNGSetValidStructuredErrors(vctxt, route_error, d);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	if (rc != 0 && diag_count(d, DIAG_ERROR) == before)
		diag_report(d, DIAG_ERROR, xmldoc_name(doc), 0, 0,
		            "document does not match the schema");
	return rc == 0 ? 0 : -1;
}
