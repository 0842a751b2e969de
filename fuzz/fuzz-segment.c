/*
 * Fuzz target: a translation (msgstr) checked against its source unit and
 * merged back into the document.
 *
 * The input is a small XML document, the source unit (its root element,
 * e.g. <p>Voir <a href="/x">le <em>rapport</em></a>.</p>), then a NUL
 * byte and the translation in msgid syntax.  Without a NUL, the
 * translation is the message itself (a translator who copies the
 * source).  Global rules: content/article.its (em, strong, a, q, abbr
 * inline; href hidden); the input may add local ITS markup and entities.
 * The root's first translatable attribute, if any, is a second unit
 * given the same translation.
 *
 * Invariants (beyond "no crash, no leak, no undefined behaviour"):
 * - segment_check and segment_apply agree: the translation is merged
 *   exactly when it is accepted;
 * - the message of a unit is always accepted as its own translation, and
 *   merging it back gives the same message again (a round trip);
 * - after a merge, the unit holds no element, attribute, comment,
 *   processing instruction or entity reference that the source did not
 *   (translations are untrusted: nothing new gets through);
 * - the document is still well-formed XML once serialized.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fuzz.h"
#include "lib/buf.h"
#include "lib/diag.h"
#include "lib/its.h"
#include "lib/segment.h"
#include "lib/xmldoc.h"

static struct its_rules *rules;

static void cleanup(void)
{
	its_rules_free(rules);
	xmlCleanupParser();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag d;
	struct buf path = BUF_INIT;

	(void)argc;
	(void)argv;
	xmlInitParser();
	fuzz_diag_init(&d);
	rules = its_rules_new();
	buf_addf(&path, "%s/content/article.its", fuzz_srcdir());
	if (its_rules_load(rules, buf_str(&path), &d) != 0) {
		fprintf(stderr, "fuzz-segment: cannot load %s\n", buf_str(&path));
		exit(1);
	}
	buf_release(&path);
	atexit(cleanup);
	return 0;
}

/* --- What a subtree holds ---------------------------------------------------- */

static void add_qname(struct buf *out, xmlNodePtr node)
{
	if (node->ns) {
		buf_addf(out, "{%s}", node->ns->href ? (const char *)node->ns->href : "");
	}
	buf_adds(out, (const char *)node->name);
}

/*
 * Lists in OUT, one per line, what the subtree under NODE (the unit
 * itself excluded) is made of: "E name" per element, "A elem@attr" per
 * attribute, and one line per comment, processing instruction, CDATA
 * section or entity reference.  Text is not listed.
 */
static void inventory(xmlNodePtr node, struct buf *out)
{
	xmlNodePtr c;

	for (c = node->children; c; c = c->next) {
		switch (c->type) {
		case XML_ELEMENT_NODE: {
			xmlAttrPtr a;

			buf_adds(out, "E ");
			add_qname(out, c);
			buf_addc(out, '\n');
			for (a = c->properties; a; a = a->next) {
				buf_adds(out, "A ");
				add_qname(out, c);
				buf_addc(out, '@');
				add_qname(out, (xmlNodePtr)a);
				buf_addc(out, '\n');
			}
			inventory(c, out);
			break;
		}
		case XML_COMMENT_NODE:
			buf_adds(out, "comment\n");
			break;
		case XML_PI_NODE:
			buf_adds(out, "pi\n");
			break;
		case XML_CDATA_SECTION_NODE:
			buf_adds(out, "cdata\n");
			break;
		case XML_ENTITY_REF_NODE:
			buf_addf(out, "entity %s\n", (const char *)c->name);
			break;
		default:
			break;
		}
	}
}

/* 1 when every line of AFTER is a line of BEFORE (as a set). */
static int lines_within(const char *after, const char *before)
{
	const char *p = after;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = (size_t)(eol - p);
		const char *q = before;
		int found = 0;

		while (*q && !found) {
			const char *e = strchr(q, '\n');

			found = (size_t)(e - q) == len && memcmp(p, q, len) == 0;
			q = e + 1;
		}
		if (!found) {
			fprintf(stderr, "new in the unit after the merge: %.*s\n", (int)len, p);
			return 0;
		}
		p = eol + 1;
	}
	return 1;
}

static void nested(xmlNodePtr node, void *data)
{
	(void)node;
	(*(int *)data)++;
}

/*
 * The document as UTF-8 bytes, parsed again: must be well-formed.  (In
 * its own encoding, a document declared UTF-7 comes out as bytes that
 * libxml2 cannot read back: localized XML must be written in UTF-8.)
 */
static void check_serialization(xmlDocPtr doc)
{
	xmlChar *mem = NULL;
	int len = 0;
	xmlDocPtr again;
	struct diag d;

	xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
	FUZZ_ASSERT(mem != NULL);
	fuzz_diag_init(&d);
	again = xmldoc_read_memory((const char *)mem, (size_t)len, "merged.xml", &d);
	if (!again)
		fprintf(stderr, "--- merged document:\n%s--- end\n", (const char *)mem);
	FUZZ_ASSERT(again != NULL);
	xmlFreeDoc(again);
	xmlFree(mem);
}

/*
 * The unit of DOC to merge into: the root element, or with ATTRIBUTE its
 * first translatable attribute (NULL if none).
 */
static xmlNodePtr find_unit(const struct its_doc *its, xmlDocPtr doc, int attribute)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlAttrPtr a;

	if (!root || !attribute)
		return root;
	for (a = root->properties; a; a = a->next)
		if (its_translate(its, (xmlNodePtr)a))
			return (xmlNodePtr)a;
	return NULL;
}

/*
 * Checks and merges MSGSTR into a unit of DOC (see find_unit); the
 * invariants above.  The ITS values are computed afresh each time: a
 * merge creates nodes that an older its_doc does not know (its.h).
 */
static void merge(xmlDocPtr doc, int attribute, const char *msgstr, int identity)
{
	struct segment seg;
	struct buf before = BUF_INIT, after = BUF_INIT;
	char *reason = NULL, *msgid;
	int checked, applied, calls = 0;
	struct its_doc *its;
	xmlNodePtr node, el;
	struct diag d;

	fuzz_diag_init(&d);
	its = its_doc_new(rules, doc, &d);
	node = its ? find_unit(its, doc, attribute) : NULL;
	if (!node) {
		its_doc_free(its);
		return;
	}
	el = node->type == XML_ATTRIBUTE_NODE ? node->parent : node;
	segment_init(&seg, its, node);
	msgid = seg.text;
	seg.text = NULL;
	segment_release(&seg);
	if (identity)
		msgstr = msgid;

	checked = segment_check(msgid, msgid, &reason);
	if (checked != 0)
		fprintf(stderr, "refused as its own translation: %s\n%s\n", reason, msgid);
	FUZZ_ASSERT(checked == 0);

	checked = segment_check(msgid, msgstr, &reason);
	free(reason);
	reason = NULL;
	inventory(el, &before);
	applied = segment_apply(its, node, msgstr, nested, &calls, &reason);
	if (applied != checked)
		fprintf(stderr, "segment_check %d, segment_apply %d (%s)\n", checked, applied,
		        reason ? reason : "no reason");
	FUZZ_ASSERT(applied == checked);
	free(reason);
	its_doc_free(its);
	if (applied == 0) {
		inventory(el, &after);
		FUZZ_ASSERT(lines_within(buf_str(&after), buf_str(&before)));
		if (identity) {
			its = its_doc_new(rules, doc, &d);
			FUZZ_ASSERT(its != NULL);
			segment_init(&seg, its, node);
			if (strcmp(seg.text, msgid) != 0)
				fprintf(stderr, "round trip:\n  before: %s\n  after:  %s\n", msgid,
				        seg.text);
			FUZZ_ASSERT(strcmp(seg.text, msgid) == 0);
			segment_release(&seg);
			its_doc_free(its);
		}
		check_serialization(doc);
	}
	buf_release(&before);
	buf_release(&after);
	free(msgid);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nul = memchr(data, '\0', size);
	size_t source_len = nul ? (size_t)(nul - (const char *)data) : size;
	char *msgstr = NULL;
	struct diag d;
	xmlDocPtr doc;

	fuzz_diag_init(&d);
	doc = xmldoc_read_memory((const char *)data, source_len, "unit.xml", &d);
	if (!doc)
		return 0;
	if (nul) {
		size_t len = size - source_len - 1;

		msgstr = malloc(len + 1);
		memcpy(msgstr, nul + 1, len);
		msgstr[len] = '\0';
	}
	merge(doc, 1, msgstr ? msgstr : "", !msgstr);
	merge(doc, 0, msgstr ? msgstr : "", !msgstr);
	xmlFreeDoc(doc);
	free(msgstr);
	return 0;
}
