/*
 * Fuzz target: an XML document → ITS 2.0 data categories → the messages
 * of a template, written and read back.
 *
 * The input is one document.  It is extracted three times: with the
 * global rules of content/article.its, with those of the extraction cases
 * (tests/extract/rules.its), and with none; the document's own its:rules,
 * local ITS attributes and entities come from the input.  With the second
 * set, the `traduki its` report of every category is made too, and the
 * template is written, then read back.
 *
 * Invariants (beyond "no crash, no leak, no undefined behaviour"):
 * - the template written holds every message extracted, and libgettextpo
 *   reads it back without error;
 * - every message is a valid translation of itself (segment_check), so
 *   that a translator who copies the source is never refused.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "fuzz.h"
#include "lib/buf.h"
#include "lib/catalog.h"
#include "lib/diag.h"
#include "lib/extract.h"
#include "lib/its.h"
#include "lib/segment.h"
#include "lib/xmldoc.h"
#include "tmpdir.h"

static struct its_rules *article_rules, *case_rules;
static char *pot_path;

static struct its_rules *load(const char *relative)
{
	struct its_rules *rules = its_rules_new();
	struct diag d;
	struct buf path = BUF_INIT;

	fuzz_diag_init(&d);
	buf_addf(&path, "%s/%s", fuzz_srcdir(), relative);
	if (its_rules_load(rules, buf_str(&path), &d) != 0) {
		fprintf(stderr, "fuzz-extract: cannot load %s\n", buf_str(&path));
		exit(1);
	}
	buf_release(&path);
	return rules;
}

static void cleanup(void)
{
	its_rules_free(article_rules);
	its_rules_free(case_rules);
	free(pot_path);
	xmlCleanupParser();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	article_rules = load("content/article.its");
	case_rules = load("tests/extract/rules.its");
	pot_path = fuzz_tmpfile("extract.pot");
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	atexit(cleanup);
	return 0;
}

/* Writes the template of EX (COUNT messages) and checks what comes back. */
static void write_and_read_back(struct extract *ex, size_t count)
{
	struct diag d;
	struct catalog *cat;
	size_t i;

	fuzz_diag_init(&d);
	unlink(pot_path);
	/* A document that names no language cannot be written without one
	 * given: that is the one error allowed, and the header then says it. */
	if (extract_write(ex, pot_path, NULL, &d) != 0) {
		struct extract_header header = { NULL, NULL, "fr" };

		FUZZ_ASSERT(diag_count(&d, DIAG_ERROR) == 1);
		fuzz_diag_init(&d);
		FUZZ_ASSERT(extract_write(ex, pot_path, &header, &d) == 0);
	}
	cat = catalog_read(pot_path, &d);
	FUZZ_ASSERT(cat != NULL);
	FUZZ_ASSERT(diag_count(&d, DIAG_ERROR) == 0);
	FUZZ_ASSERT(catalog_count(cat) == count);
	for (i = 0; i < catalog_count(cat); i++) {
		const char *id = catalog_msg_id(catalog_at(cat, i));
		char *reason = NULL;

		if (segment_check(id, id, &reason) != 0) {
			fprintf(stderr, "message refused as its own translation: %s\n%s\n", reason,
			        id);
			FUZZ_ASSERT(!"a message is a valid translation of itself");
		}
	}
	catalog_free(cat);
	unlink(pot_path);
}

static void report_all(xmlDocPtr doc, const struct its_rules *rules)
{
	struct diag d;
	struct its_doc *its;
	struct buf out = BUF_INIT;
	int k;

	fuzz_diag_init(&d);
	its = its_doc_new(rules, doc, &d);
	if (!its)
		return;
	for (k = 0; k < ITS_CATEGORY_COUNT; k++) {
		buf_truncate(&out, 0);
		its_report(its, (enum its_category)k, &out);
	}
	buf_release(&out);
	its_doc_free(its);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct its_rules *sets[] = { article_rules, NULL, case_rules };
	struct diag d;
	xmlDocPtr doc;
	size_t k;

	fuzz_diag_init(&d);
	doc = xmldoc_read_memory((const char *)data, size, "fuzz.xml", &d);
	if (!doc)
		return 0;
	for (k = 0; k < sizeof sets / sizeof sets[0]; k++) {
		struct extract *ex = extract_new(sets[k]);

		if (extract_doc(ex, doc, "fuzz.xml", &d) == 0 && k == 2) {
			report_all(doc, sets[k]);
			write_and_read_back(ex, extract_count(ex));
		}
		extract_free(ex);
	}
	xmlFreeDoc(doc);
	return 0;
}
