/*
 * xmldoc: safe XML loading and validation.  See xmldoc.h.
 */
#include <config.h>

#include "xmldoc.h"

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/entities.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "file.h"
#include "mem.h"
#include "rngexplain.h"

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
	xmlDocPtr doc; /* the schema as a document */
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

/*
 * Parser errors, on their way to the diag: libxml2 repeats an error once
 * per level of entity it unwinds (eight "Detected an entity reference
 * loop" for one bomb), the inner ones without a file name.  A run of
 * messages with the same text becomes one, reported where the file and
 * line are known; a message without a file is the document's.
 */
struct parse_errors {
	struct diag *d;
	const char *path;
	int pending; /* a message waits in the fields below */
	enum diag_severity severity;
	long line, column;
	int located; /* the pending message has a file of its own */
	struct buf text;
};

static void flush_parse_error(struct parse_errors *pe)
{
	if (!pe->pending)
		return;
	diag_report(pe->d, pe->severity, pe->path, pe->located ? pe->line : 0,
	            pe->located ? pe->column : 0, "%s", buf_str(&pe->text));
	pe->pending = 0;
}

static void route_parse_error(void *data, xmlErrorPtr err)
{
	struct parse_errors *pe = data;
	enum diag_severity severity;

	if (!err || !err->message)
		return;
	/*
	 * A reference to an entity that the external DTD (never loaded) may
	 * declare is no error: the reference stays in the tree, and
	 * extraction shows it as a placeholder.  libxml2 says "error" but
	 * names the code a warning.
	 */
	severity = err->level == XML_ERR_WARNING || err->code == XML_WAR_UNDECLARED_ENTITY
	               ? DIAG_WARNING
	               : DIAG_ERROR;
	if (pe->pending && pe->severity == severity &&
	    strcmp(buf_str(&pe->text), err->message) == 0) {
		if (err->file && !pe->located) {
			pe->located = 1;
			pe->line = err->line;
			pe->column = err->int2;
		}
		return;
	}
	flush_parse_error(pe);
	pe->pending = 1;
	pe->severity = severity;
	pe->located = err->file != NULL;
	pe->line = err->line;
	pe->column = err->int2;
	buf_truncate(&pe->text, 0);
	buf_adds(&pe->text, err->message);
}

/*
 * Internal entities are kept as references in the tree, so libxml2's
 * limits on entity amplification, which apply when it substitutes them,
 * do not: a reader that expands them (segment.c, xmlNodeGetContent on an
 * attribute) could turn a 100 kB document into a 100 MB message.  The
 * text all references expand to is therefore bounded here: at most ten
 * times the document's size (libxml2's own ratio), or 1 MiB for small
 * documents.
 *
 * libxml2 also means to refuse a text node longer than
 * XML_MAX_TEXT_LENGTH (10 MB) without XML_PARSE_HUGE, but enforces it
 * only on some paths (from a file, not from memory): it is enforced here
 * on every one.
 */
#define XMLDOC_EXPANSION_FLOOR ((size_t)1 << 20)
#define XMLDOC_EXPANSION_RATIO 10

struct tree_check {
	size_t expansion; /* the text all entity references expand to */
	size_t limit; /* the most it may be */
	xmlNodePtr huge; /* a text node that is too long, or NULL */
};

static size_t entity_size(xmlEntityPtr ent, size_t limit);

/* The text of the node list FIRST with entities expanded, up to LIMIT. */
static size_t nodes_size(xmlNodePtr first, size_t limit)
{
	size_t total = 0;
	xmlNodePtr n;

	for (n = first; n && total < limit; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			total += (size_t)xmlStrlen(n->content);
		} else if (n->type == XML_ENTITY_REF_NODE) {
			xmlEntityPtr ent = xmlGetDocEntity(n->doc, n->name);

			if (ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY)
				total += entity_size(ent, limit);
		} else if (n->type == XML_ELEMENT_NODE) {
			xmlAttrPtr a;

			for (a = n->properties; a; a = a->next)
				total += nodes_size(a->children, limit);
			total += nodes_size(n->children, limit);
		}
	}
	return total < limit ? total : limit;
}

/*
 * The size of ENT expanded, computed once per entity (kept in _private,
 * which nothing else uses on entities, as size + 1 until
 * forget_entity_size).
 */
static size_t entity_size(xmlEntityPtr ent, size_t limit)
{
	size_t size;

	if (ent->_private)
		return (size_t)(uintptr_t)ent->_private - 1;
	/* Mark it first: a (rejected) reference loop cannot recurse. */
	ent->_private = (void *)(uintptr_t)(limit + 1);
	size = ent->children ? nodes_size(ent->children, limit) : (size_t)ent->length;
	if (size > limit)
		size = limit;
	ent->_private = (void *)(uintptr_t)(size + 1);
	return size;
}

static void forget_entity_size(void *payload, void *data, const xmlChar *name)
{
	(void)data;
	(void)name;
	((xmlEntityPtr)payload)->_private = NULL;
}

/* Every node of the document: references in content and attribute values, text. */
static void check_nodes(xmlNodePtr first, struct tree_check *tc)
{
	xmlNodePtr n;

	for (n = first; n && tc->expansion < tc->limit && !tc->huge; n = n->next) {
		if (n->type == XML_ENTITY_REF_NODE) {
			xmlEntityPtr ent = xmlGetDocEntity(n->doc, n->name);

			if (ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY)
				tc->expansion += entity_size(ent, tc->limit);
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (xmlStrlen(n->content) > XML_MAX_TEXT_LENGTH)
				tc->huge = n;
		} else if (n->type == XML_ELEMENT_NODE) {
			xmlAttrPtr a;

			for (a = n->properties; a; a = a->next)
				check_nodes(a->children, tc);
			check_nodes(n->children, tc);
		}
	}
}

/* 0, or -1 after reporting an entity expansion bomb or a huge text. */
static int check_tree(xmlDocPtr doc, size_t len, const char *path, struct diag *d)
{
	struct tree_check tc;

	memset(&tc, 0, sizeof tc);
	tc.limit = len > XMLDOC_EXPANSION_FLOOR / XMLDOC_EXPANSION_RATIO
	               ? len * XMLDOC_EXPANSION_RATIO
	               : XMLDOC_EXPANSION_FLOOR;
	check_nodes(doc->children, &tc);
	if (doc->intSubset && doc->intSubset->entities)
		xmlHashScan(doc->intSubset->entities, forget_entity_size, NULL);
	if (tc.huge) {
		xmlNodePtr at = tc.huge->parent ? tc.huge->parent : tc.huge;

		return diag_error(
		    d, path, xmlGetLineNo(at), 0,
		    "a text of %d bytes, more than the %d that libxml2 allows in one node",
		    xmlStrlen(tc.huge->content), XML_MAX_TEXT_LENGTH);
	}
	if (tc.expansion < tc.limit)
		return 0;
	return diag_error(d, path, 0, 0,
	                  "entity references expand to more than %zu bytes (ten times the "
	                  "document, at least 1 MiB): refused as an entity expansion bomb",
	                  tc.limit);
}

/*
 * Entities that the document does not declare.  A document with an
 * external DTD subset (or a parameter entity reference) may use entities
 * declared there, which are never read.  libxml2 keeps such a reference
 * in text, but one inside an attribute value it drops from the value and
 * hands to the element's parent instead: <ulink url="&wiki;x"> became
 * &wiki;<ulink url="x">.  When the parser asks for an entity that is not
 * declared, it is given a stand-in (an internal entity with no text, kept
 * outside the document): the parser then writes the reference where it
 * stands, in text or attribute value, like any declared entity.  The
 * document's tree holds a plain reference to an entity it does not
 * declare (xmlGetDocEntity finds none): the rest of traduki keeps it
 * whole, and it is written back as it was read.  No warning: this is the
 * documented behaviour (doc/extraction.md, "Entities").  A standalone
 * document, or one without an external subset, gets libxml2's error.
 */
struct stand_ins {
	xmlDocPtr decls; /* holds the stand-ins, never part of the document */
};

static xmlEntityPtr get_entity(void *data, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = data;
	struct stand_ins *si = ctxt->_private;
	xmlEntityPtr ent = xmlSAX2GetEntity(data, name);

	if (ent || !si || ctxt->inSubset != 0 || ctxt->standalone == 1 ||
	    (!ctxt->hasExternalSubset && !ctxt->hasPErefs))
		return ent;
	if (!si->decls) {
		si->decls = xmlNewDoc(BAD_CAST "1.0");
		if (!si->decls || !xmlCreateIntSubset(si->decls, BAD_CAST "stand-in", NULL, NULL))
			return NULL;
	}
	ent = xmlGetDocEntity(si->decls, name);
	if (!ent)
		ent = xmlAddDocEntity(si->decls, name, XML_INTERNAL_GENERAL_ENTITY, NULL, NULL,
		                      BAD_CAST "");
	return ent;
}

/*
 * Parameter entity references in the internal subset.  libxml2 keeps the
 * declarations of the internal subset in the tree, but not a reference
 * such as "%manual-entities;" to a file of declarations (never read), so
 * a document written back lost it, and with it every entity the file
 * declares.  When the internal subset holds one, its text as written
 * replaces the declarations' list in the tree, as one text node that the
 * serializer writes without escaping (the declarations stay in the DTD's
 * tables, where entities are looked up).  Notations, which libxml2
 * writes from a table of their own, would then be written twice: with
 * one, the subset stays as libxml2 writes it.
 */

/* Goes past the comment, processing instruction or quoted string at P, if any. */
static const char *skip_literal(const char *p, const char *end)
{
	const char *close = NULL;

	if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
		close = "-->";
	else if (end - p >= 2 && memcmp(p, "<?", 2) == 0)
		close = "?>";
	else if (*p == '"')
		close = "\"";
	else if (*p == '\'')
		close = "'";
	if (!close)
		return p;
	for (p += strlen(close) == 1 ? 1 : 2; p < end; p++)
		if ((size_t)(end - p) >= strlen(close) && memcmp(p, close, strlen(close)) == 0)
			return p + strlen(close);
	return end;
}

/* The text between '[' and ']' of the DOCTYPE in DATA, or NULL (*LEN set). */
static const char *internal_subset(const char *data, size_t size, size_t *len)
{
	const char *p = data, *end = data + size, *q, *start = NULL;

	/* The prolog: declaration, comments, processing instructions, space. */
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
			continue;
		}
		if ((q = skip_literal(p, end)) == p)
			break;
		p = q;
	}
	if (end - p < 9 || memcmp(p, "<!DOCTYPE", 9) != 0)
		return NULL;
	for (p += 9; p < end && (start || *p != '>'); p++) {
		if (*p == '"' || *p == '\'') {
			p = skip_literal(p, end) - 1;
		} else if (*p == '[' && !start) {
			start = p + 1;
		} else if (start && *p == '<') {
			if ((q = skip_literal(p, end)) != p)
				p = q - 1;
		} else if (start && *p == ']') {
			*len = (size_t)(p - start);
			return start;
		}
	}
	return NULL;
}

static void keep_internal_subset(xmlDocPtr doc, const char *data, size_t size)
{
	xmlDtdPtr dtd = doc->intSubset;
	const char *text;
	size_t len = 0, i;
	xmlNodePtr c, next, node;

	if (!dtd || dtd->notations || !(text = internal_subset(data, size, &len)))
		return;
	for (i = 0; i < len; i++)
		if ((unsigned char)text[i] >= 0x80 && doc->encoding &&
		    xmlStrcasecmp(doc->encoding, BAD_CAST "UTF-8") != 0)
			return; /* written back in UTF-8: it would need converting */
	/* libxml2 writes " [\n" before the list. */
	if (len && text[0] == '\n') {
		text++;
		len--;
	} else if (len > 1 && text[0] == '\r' && text[1] == '\n') {
		text += 2;
		len -= 2;
	}
	node = xmlNewDocTextLen(doc, BAD_CAST text, (int)len);
	if (!node)
		return;
	node->name = xmlStringTextNoenc;
	/* Declarations belong to the DTD's tables; comments and PIs to the list. */
	for (c = dtd->children; c; c = next) {
		next = c->next;
		c->prev = c->next = NULL;
		if (c->type != XML_ELEMENT_DECL && c->type != XML_ATTRIBUTE_DECL &&
		    c->type != XML_ENTITY_DECL && c->type != XML_NOTATION_NODE) {
			c->parent = NULL;
			xmlFreeNode(c);
		}
	}
	node->parent = (xmlNodePtr)dtd;
	dtd->children = dtd->last = node;
}

void xmldoc_catch(struct xmldoc_handlers *saved, xmlStructuredErrorFunc structured,
                  xmlGenericErrorFunc generic, void *data)
{
	saved->structured = xmlStructuredError;
	saved->structured_data = xmlStructuredErrorContext;
	saved->generic = xmlGenericError;
	saved->generic_data = xmlGenericErrorContext;
	if (structured)
		xmlSetStructuredErrorFunc(data, structured);
	if (generic)
		xmlSetGenericErrorFunc(data, generic);
}

void xmldoc_release(const struct xmldoc_handlers *saved)
{
	xmlSetStructuredErrorFunc(saved->structured_data, saved->structured);
	xmlSetGenericErrorFunc(saved->generic_data, saved->generic);
}

static xmlDocPtr read_with(xmlParserCtxtPtr ctxt, const char *path, const char *data, size_t len,
                           struct diag *d)
{
	xmlDocPtr doc;
	unsigned long mark = diag_mark(d);
	struct parse_errors pe;
	struct stand_ins si = { NULL };
	struct xmldoc_handlers saved;

	memset(&pe, 0, sizeof pe);
	pe.d = d;
	pe.path = path;
	ctxt->_private = &si;
	ctxt->sax->getEntity = get_entity;
	xmldoc_catch(&saved, route_parse_error, NULL, &pe);
	if (data)
		doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL, XMLDOC_PARSE_OPTIONS);
	else
		doc = xmlCtxtReadFile(ctxt, path, NULL, XMLDOC_PARSE_OPTIONS);
	xmldoc_release(&saved);
	ctxt->_private = NULL;
	if (doc && data && doc->intSubset && doc->intSubset->pentities)
		keep_internal_subset(doc, data, len);
	if (si.decls)
		xmlFreeDoc(si.decls);
	flush_parse_error(&pe);
	buf_release(&pe.text);

	/*
	 * An error that libxml2 recovers from (an undeclared namespace
	 * prefix, a namespace name that is not a URI) was still reported as
	 * an error: the document is refused as if it were not well-formed,
	 * not used as though nothing were wrong (libxml2 cannot even write
	 * back a namespace name holding '<').
	 */
	if (doc && (!ctxt->wellFormed || diag_failed_since(d, mark))) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc && check_tree(doc, len, path, d) != 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && !diag_failed_since(d, mark))
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot parse XML document");
	return doc;
}

/*
 * Reads the whole file into memory first (file.h): the reason a file
 * cannot be read (missing, a folder, a device, no permission, too large)
 * is then ours to word, and libxml2 never opens a path itself.
 */
static unsigned long files_read;

unsigned long xmldoc_files_read(void)
{
	return files_read;
}

xmlDocPtr xmldoc_read_file(const char *path, struct diag *d)
{
	struct buf content = BUF_INIT;
	xmlDocPtr doc = NULL;

	files_read++;
	if (file_read(path, FILE_MAX_DOCUMENT, &content, d) == 0) {
		if (content.len == 0)
			diag_report(d, DIAG_ERROR, path, 0, 0, "empty file, not an XML document");
		else
			doc = xmldoc_read_memory(content.data, content.len, path, d);
	}
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

char *xmldoc_collapsed_text(xmlNodePtr node)
{
	xmlChar *text = xmlNodeGetContent(node);
	struct buf out = BUF_INIT;
	const char *p = text ? (const char *)text : "";
	int space = 0;

	p += strspn(p, " \t\r\n");
	for (; *p; p++) {
		if (strchr(" \t\r\n", *p)) {
			space = 1;
			continue;
		}
		if (space)
			buf_addc(&out, ' ');
		space = 0;
		buf_addc(&out, *p);
	}
	xmlFree(text);
	return buf_detach(&out);
}

#define RELAXNG_NS "http://relaxng.org/ns/structure/1.0"

struct xmldoc_schema *xmldoc_schema_load(const char *path, struct diag *d)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	struct xmldoc_schema *schema;
	xmlRelaxNGPtr rng;
	xmlDocPtr doc;
	xmlNodePtr root;
	unsigned long mark = diag_mark(d);
	struct xmldoc_handlers saved;

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
	if (!pctxt) {
		xmlFreeDoc(doc);
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot read RELAX NG schema");
		return NULL;
	}
	xmlRelaxNGSetParserStructuredErrors(pctxt, route_error, d);
	xmldoc_catch(&saved, route_error, NULL, d);
	rng = xmlRelaxNGParse(pctxt);
	xmldoc_release(&saved);
	xmlRelaxNGFreeParserCtxt(pctxt);
	if (!rng) {
		xmlFreeDoc(doc);
		if (!diag_failed_since(d, mark))
			diag_report(d, DIAG_ERROR, path, 0, 0, "invalid RELAX NG schema");
		return NULL;
	}
	schema = xmalloc(sizeof *schema);
	schema->rng = rng;
	/* Kept to explain what the validator finds (rngexplain.h). */
	schema->doc = doc;
	return schema;
}

void xmldoc_schema_free(struct xmldoc_schema *schema)
{
	if (!schema)
		return;
	xmlRelaxNGFree(schema->rng);
	xmlFreeDoc(schema->doc);
	free(schema);
}

/* The validator's errors, kept to be explained once it is done. */
struct validation_errors {
	struct rngexplain_error *errors;
	size_t count, alloc;
};

/* Beyond this many, the validator's errors only follow from the first ones. */
#define VALIDATION_ERRORS_MAX 64

static void keep_validation_error(void *data, xmlErrorPtr err)
{
	struct validation_errors *v = data;

	if (!err || v->count == VALIDATION_ERRORS_MAX)
		return;
	xgrow((void **)&v->errors, &v->alloc, v->count + 1, sizeof *v->errors);
	rngexplain_error_init(&v->errors[v->count++], err);
}

int xmldoc_validate(const struct xmldoc_schema *schema, xmlDocPtr doc, struct diag *d)
{
	xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(schema->rng);
	struct validation_errors v = { NULL, 0, 0 };
	size_t i;
	int rc;

	if (!vctxt)
		return diag_error(d, xmldoc_name(doc), 0, 0, "cannot create a validator");
	xmlRelaxNGSetValidStructuredErrors(vctxt, keep_validation_error, &v);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	if (rc != 0)
		rngexplain_report(schema->doc, doc, xmldoc_name(doc), v.errors, v.count, d);
	for (i = 0; i < v.count; i++)
		rngexplain_error_release(&v.errors[i]);
	free(v.errors);
	return rc == 0 ? 0 : -1;
}

void xmldoc_locate(const char *file, long *line, long *col, const char *needle, int is_attr)
{
	struct buf text = BUF_INIT;
	struct diag quiet;
	size_t nlen = strlen(needle);
	const char *p, *start, *end, *limit;
	long l = 1;

	*col = 0;
	diag_init(&quiet, NULL, NULL);
	if (!file || strcmp(file, "-") == 0 || *line <= 0 ||
	    file_read(file, FILE_MAX_DOCUMENT, &text, &quiet) != 0) {
		buf_release(&text);
		return;
	}
	start = buf_str(&text);
	end = start + text.len;
	/* The end of line *LINE. */
	for (p = start; p < end && l < *line; p++)
		if (*p == '\n')
			l++;
	limit = p;
	while (limit < end && *limit != '\n')
		limit++;
	for (p = limit - (long)nlen; p >= start; p--) {
		const char *q;

		if (memcmp(p, needle, nlen) != 0)
			continue;
		q = p + nlen;
		if (is_attr) {
			if (p > start && !strchr(" \t\r\n", p[-1]))
				continue;
			while (q < end && strchr(" \t\r\n", *q))
				q++;
			if (q >= end || *q != '=')
				continue;
			q++;
			while (q < end && strchr(" \t\r\n", *q))
				q++;
			if (q >= end || (*q != '"' && *q != '\''))
				continue;
			q++;
		} else {
			/* "<i" is not the start of "<item". */
			if (q < end && !strchr(" \t\r\n/>", *q))
				continue;
			q = p;
		}
		/* Line and column (in characters) of Q. */
		{
			const char *r, *bol = start;
			long ln = 1, c = 1;

			for (r = start; r < q; r++)
				if (*r == '\n') {
					ln++;
					bol = r + 1;
				}
			for (r = bol; r < q; r++)
				if (((unsigned char)*r & 0xC0) != 0x80)
					c++;
			*line = ln;
			*col = c;
		}
		break;
	}
	buf_release(&text);
}

/* --- References to static files -------------------------------------------- */

/* The folder of DIRS whose last name begins VALUE ("images/..."), or NULL. */
static const char *static_folder(const char *value, const char *const *dirs, size_t count,
                                 size_t *prefix)
{
	size_t i;

	for (i = 0; i < count; i++) {
		size_t len = strlen(dirs[i]);
		const char *name;
		size_t n;

		while (len > 1 && dirs[i][len - 1] == '/')
			len--;
		for (name = dirs[i] + len; name > dirs[i] && name[-1] != '/'; name--)
			;
		n = (size_t)(dirs[i] + len - name);
		if (n && strncmp(value, name, n) == 0 && value[n] == '/') {
			*prefix = n + 1;
			return dirs[i];
		}
	}
	return NULL;
}

static int check_static_node(xmlNodePtr node, const char *const *dirs, size_t count,
                             const char *name, struct diag *d)
{
	int rc = 0;

	for (; node; node = node->next) {
		xmlAttrPtr a;

		if (node->type != XML_ELEMENT_NODE)
			continue;
		for (a = node->properties; a; a = a->next) {
			xmlChar *value = xmlNodeListGetString(node->doc, a->children, 1);
			const char *v = (const char *)value, *dir;
			size_t prefix = 0, len;
			struct stat st;

			/* A relative address: no scheme, not from the root. */
			if (v && !strchr(v, ':') &&
			    (dir = static_folder(v, dirs, count, &prefix))) {
				struct buf path = BUF_INIT;

				len = strcspn(v + prefix, "?#");
				buf_adds(&path, dir);
				buf_addc(&path, '/');
				buf_add(&path, v + prefix, len);
				if (stat(buf_str(&path), &st) != 0 || !S_ISREG(st.st_mode)) {
					diag_report(
					    d, DIAG_ERROR, name, xmlGetLineNo(node), 0,
					    "%s=\"%s\": %s is not there (a typo in the name, "
					    "or a file not added yet?)",
					    (const char *)a->name, v, buf_str(&path));
					rc = -1;
				}
				buf_release(&path);
			}
			xmlFree(value);
		}
		if (check_static_node(node->children, dirs, count, name, d) != 0)
			rc = -1;
	}
	return rc;
}

int xmldoc_check_static(xmlDocPtr doc, const char *const *dirs, size_t count, struct diag *d)
{
	return check_static_node(doc->children, dirs, count, xmldoc_name(doc), d);
}
