/*
 * Fuzz target: a PO file → libgettextpo's reading → every check → the
 * reports → the catalog written back and read again.
 *
 * The input is the text of a PO file.  It is read as "fuzz.po" and, when
 * libgettextpo accepts it, counted and checked with every check of
 * check-rules.c (libgettextpo's own format checks included); the JSON,
 * JUnit, HTML and badge reports are written to a scratch folder.
 *
 * Invariant (beyond "no crash, no leak, no undefined behaviour"): what
 * catalog_render writes, libgettextpo reads back without error and with
 * the same number of messages: a catalog traduki writes is never one that
 * it, or a PO editor, cannot open.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "fuzz.h"
#include "lib/buf.h"
#include "lib/catalog.h"
#include "lib/check.h"
#include "lib/diag.h"
#include "lib/report.h"
#include "lib/uni.h"
#include "tmpdir.h"

static char *report_path;
static struct buf report_dir;

static void cleanup(void)
{
	uni_cleanup();
	xmlCleanupParser();
	free(report_path);
	buf_release(&report_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *slash;

	(void)argc;
	(void)argv;
	xmlInitParser();
	report_path = fuzz_tmpfile("report");
	buf_adds(&report_dir, report_path);
	slash = strrchr(report_dir.data, '/');
	buf_truncate(&report_dir, (size_t)(slash - report_dir.data));
	atexit(cleanup);
	return 0;
}

static void write_reports(const struct check_report *r)
{
	struct report_options ropt = { 0, 0, NULL, NULL, 0, 0 };
	struct diag d;
	size_t i;

	fuzz_diag_init(&d);
	report_json(r, &ropt, report_path, &d);
	report_junit(r, &ropt, report_path, &d);
	report_html(r, &ropt, report_path, &d);
	report_badges(r, buf_str(&report_dir), &d);
	remove(report_path);
	for (i = 0; i < r->lang_count; i++) {
		struct buf badge = BUF_INIT;

		buf_addf(&badge, "%s/%s.svg", buf_str(&report_dir), r->langs[i].lang);
		remove(buf_str(&badge));
		buf_release(&badge);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct check_options opt = { NULL, 0, NULL, NULL };
	struct check_report report;
	struct buf text = BUF_INIT;
	struct catalog *cat, *again;
	size_t count;
	struct diag d;

	fuzz_diag_init(&d);
	cat = catalog_read_memory((const char *)data, size, "fuzz.po", &d);
	if (!cat)
		return 0;
	count = catalog_count(cat);

	check_report_init(&report);
	check_catalog(&report, cat, &opt, &d);
	write_reports(&report);
	check_report_release(&report);

	if (catalog_render(cat, "fuzz.po", &text, &d) == 0) {
		struct diag d2;

		fuzz_diag_init(&d2);
		again = catalog_read_memory(buf_str(&text), text.len, "again.po", &d2);
		if (!again || catalog_count(again) != count)
			fprintf(stderr, "--- written:\n%s--- end\n", buf_str(&text));
		FUZZ_ASSERT(again != NULL);
		FUZZ_ASSERT(catalog_count(again) == count);
		catalog_free(again);
	}
	buf_release(&text);
	catalog_free(cat);
	return 0;
}
