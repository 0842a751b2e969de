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

/* What traduki check lists on the status page by default: a page a browser opens. */
#define REPORT_HTML_PROBLEMS 500

struct report_options {
	int strict; /* warnings fail as errors do */
	unsigned long skip; /* checks not run, as in struct check_options */
	/*
	 * HTML: a PO line with no review page to show it is linked to
	 * LINK_BASE + file + "#L" + line (the convention of GitHub, GitLab
	 * and Gitea); NULL: not linked.
	 */
	const char *link_base;
	/*
	 * HTML: the address of an article's page in a language, relative to
	 * the status page, with "{lang}" and "{id}" (the article's id) to be
	 * replaced: "../{lang}/news/{id}.html".  NULL: no links to pages.
	 */
	const char *page_link;
	/* HTML: the review pages are written (report_review), and linked. */
	int review;
	/*
	 * HTML: the most problems the status page lists per language.  Past
	 * it, the errors come first, and a line says how many are left out;
	 * the review pages and the other formats have them all.  0: all.
	 */
	size_t html_problems;
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
 * The status page: per language, the gate's verdict and a bar of
 * translated, fuzzy, rejected and untranslated words; per source file
 * (newest article first, with its title), whether it is published and
 * how many words it lacks to be, its counts and a link to its page and
 * review page; then the problems, each with the message at fault and a
 * link to its PO line on a review page.
 */
int report_html(const struct check_report *r, const struct report_options *o, const char *path,
                struct diag *d);

/*
 * The review pages of language number I of R, whose catalog is CAT, in
 * DIR (the status page's folder): DIR/LL/NAME.html for each source file,
 * its messages in the order of the source, each with its source text and
 * translation side by side, its state (translated, fuzzy, untranslated,
 * rejected and why, same as source), its PO line, its problems, and for a
 * fuzzy one how the source changed since it was translated (the "#|"
 * previous msgid against the msgid, word by word).  The titles, ids and
 * dates of the files must be loaded (check_load_titles).  A review page
 * that is no longer made (an article removed) is left where it is.
 */
int report_review(const struct check_report *r, size_t i, const struct catalog *cat,
                  const struct report_options *o, const char *dir, struct diag *d);

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
