/*
 * report: a struct check_report (check.h) as files for machines and
 * people: JSON (schema in doc/check-report.schema.json), JUnit XML for CI
 * dashboards, a self-contained HTML status page, and SVG badges.
 *
 * Every file is written atomically (atomic.h); "-" is standard output.
 * Nothing written depends on the time or the machine, so a run on the same
 * catalogs writes the same bytes.  Each function returns 0, or -1 after
 * reporting to D.
 */
#ifndef TRADUKI_REPORT_H
#define TRADUKI_REPORT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "check.h"
#include "diag.h"

struct report_options {
	int strict; /* warnings fail as errors do */
	unsigned long skip; /* checks not run, as in struct check_options */
	/*
	 * HTML: links to PO lines are LINK_BASE + file + "#L" + line (the
	 * convention of GitHub, GitLab and Gitea); NULL: the file as given.
	 */
	const char *link_base;
};

int report_json(const struct check_report *r, const struct report_options *o, const char *path,
                struct diag *d);

/*
 * JUnit XML: one test suite per language, with a test case "coverage"
 * and one per check; a case fails as the check would fail the command.
 */
int report_junit(const struct check_report *r, const struct report_options *o, const char *path,
                 struct diag *d);

/*
 * The status page: per language, and per source file (with its title),
 * a bar of translated, fuzzy and untranslated words, then the problems
 * with links to the PO lines.
 */
int report_html(const struct check_report *r, const struct report_options *o, const char *path,
                struct diag *d);

/*
 * One badge per language, DIR/LANG.svg ("nl | 72%"), green at or above the
 * threshold, orange within 20 points below it, red further below, blue
 * when there is no threshold.  DIR is created if missing.
 */
int report_badges(const struct check_report *r, const char *dir, struct diag *d);

/* "72.3": a percentage rounded down to a tenth, so 79.96 never reads 80.0. */
void report_percent(double percent, char *out, size_t size);

/* LEN bytes of DATA to PATH atomically, untouched when the same (for the writers). */
int report_write(const char *path, const char *data, size_t len, struct diag *d);

/* DOC, serialized as indented UTF-8 XML, to PATH through report_write. */
int report_write_xml(const char *path, xmlDocPtr doc, struct diag *d);

#endif
