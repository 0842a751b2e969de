/*
 * traduki check: how complete and how sound the PO catalogs are, against
 * the publish thresholds of the site, as text for people, JSON or JUnit
 * XML for CI, an HTML page for editors and SVG badges.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/catalog.h"
#include "lib/check.h"
#include "lib/glossary.h"
#include "lib/lang.h"
#include "lib/mem.h"
#include "lib/report.h"
#include "lib/siteconf.h"
#include "lib/uni.h"
#include "tool.h"

static const char help[] =
    "Usage: traduki check [OPTION...] PO...\n"
    "\n"
    "Report how complete each PO catalog is, in messages and in words of the\n"
    "source text, per language and per source file, and run the quality\n"
    "checks on every translated message.  Problems read\n"
    "'po/nl.po:412: warning: [numbers] ...'.\n"
    "\n"
    "  -f, --format=FORMAT     text (default), json or junit\n"
    "  -o, --output=FILE       write the report to FILE instead of standard output\n"
    "      --html=FILE         also write a status page for editors and translators\n"
    "      --badge=DIR         also write DIR/LANG.svg, one badge per language\n"
    "      --site=FILE         the site file (content/site.xml): publish thresholds\n"
    "                          and source language; a language it does not list\n"
    "                          is in preparation, reported but never failing\n"
    "      --pot=FILE          the template (po/content.pot): a catalog that lacks\n"
    "                          one of its messages, or has others, is an error\n"
    "      --min-coverage=PERCENT  the threshold for every language, instead of the\n"
    "                          site's\n"
    "      --source-lang=LANG  the source language when a catalog has no\n"
    "                          X-Source-Language header (default: the site's, or fr)\n"
    "      --sources=DIR       read source files (for their titles) from DIR joined\n"
    "                          with the '#:' references (default: .)\n"
    "      --review            HTML: also write a review page per source file and\n"
    "                          language next to the status page\n"
    "      --page-link=URL     HTML: link each published article to URL, with {lang}\n"
    "                          and {id} replaced (relative to the status page)\n"
    "      --link-base=URL     HTML: link problems to URL + file + '#L' + line\n"
    "      --html-problems=N   HTML: list at most N problems per language, errors\n"
    "                          first (default 500; 0: all of them)\n"
    "      --glossary=FILE     a TBX glossary: its terms' translations are checked\n"
    "      --skip=ID,...       do not run these checks\n"
    "      --only=ID,...       run only these checks\n"
    "      --strict            warnings fail the check too\n"
    "      --files             text: one line per source file too\n"
    "      --list-checks       list the checks and exit\n"
    "      --list=STATE,...    list the entries in those states instead of a report\n"
    "  -c, --cache=FILE        keep in FILE what each message and source file gave,\n"
    "                          and read it again: a message that has not changed is\n"
    "                          neither counted nor checked again\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Fuzzy translations never count as translated; a copy of the source text\n"
    "longer than a few words counts as untranslated unless a translator comment\n"
    "says '# " CHECK_SAME_MARKER "'.  See doc/check.md.\n"
    "\n"
    "Exit status: 0 when every language is at or above its threshold and no\n"
    "check found an error (with --strict, a warning), 1 otherwise, 2 when a\n"
    "catalog, the template or the site file cannot be read or a report cannot\n"
    "be written.\n";

enum {
	OPT_HTML = 256,
	OPT_BADGE,
	OPT_SITE,
	OPT_POT,
	OPT_GLOSSARY,
	OPT_MIN,
	OPT_SOURCE_LANG,
	OPT_SOURCES,
	OPT_LINK,
	OPT_REVIEW,
	OPT_PAGE_LINK,
	OPT_HTML_PROBLEMS,
	OPT_SKIP,
	OPT_ONLY,
	OPT_STRICT,
	OPT_FILES,
	OPT_LIST,
	OPT_LIST_STATES
};

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_JUNIT };

struct colours {
	const char *ok, *bad, *off;
};

/* Turns "numbers,urls" into check bits; returns -1 after a usage error. */
static int parse_ids(struct tool_ctx *ctx, const char *list, unsigned long *bits)
{
	char *copy = xstrdup(list), *id, *save = NULL;
	int rc = 0;

	*bits = 0;
	for (id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
		int i = check_rule_find(id);

		if (i < 0) {
			tool_usage_error(ctx, "'%s' is not a check (see --list-checks)", id);
			rc = -1;
			break;
		}
		*bits |= 1UL << i;
	}
	free(copy);
	return rc;
}

/* Turns "fuzzy,rejected" into state bits; returns -1 after a usage error. */
static int parse_states(struct tool_ctx *ctx, const char *list, unsigned *bits)
{
	char *copy = xstrdup(list), *name, *save = NULL;
	int rc = 0;

	*bits = 0;
	for (name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		int state = check_state_find(name);

		if (state < 0) {
			tool_usage_error(ctx,
			                 "'%s' is not a state (untranslated, fuzzy, rejected, "
			                 "same-as-source, translated, obsolete)",
			                 name);
			rc = -1;
			break;
		}
		*bits |= 1U << state;
	}
	free(copy);
	if (rc == 0 && !*bits) {
		tool_usage_error(ctx, "--list needs at least one state");
		rc = -1;
	}
	return rc;
}

/* At most this many characters of a message in a list line. */
#define LIST_TEXT_MAX 72

/* TEXT on one line, cut after LIST_TEXT_MAX characters. */
static void print_glimpse(const char *text)
{
	size_t len = strlen(text), pos = 0, shown = 0;

	while (pos < len && shown < LIST_TEXT_MAX) {
		size_t at = pos;

		uni_next(text, len, &pos);
		if (text[at] == '\n')
			fputs("\\n", stdout);
		else
			fwrite(text + at, 1, pos - at, stdout);
		shown++;
	}
	if (pos < len)
		fputs("\xe2\x80\xa6", stdout);
}

/*
 * The entries of CAT in the states of BITS, one line each, as a compiler
 * names a line: "po/nl.po:189: fuzzy: Pendant huit semaines…".
 */
static void list_entries(struct catalog *cat, unsigned bits, const char *source_lang)
{
	size_t i;

	for (i = 0; i < catalog_count(cat); i++) {
		const struct catalog_msg *m = catalog_at(cat, i);
		char *why = NULL;
		enum check_state state = check_msg_state(m, source_lang, &why);

		if (bits & (1U << state)) {
			printf("%s:%ld: %s: ", catalog_name(cat), catalog_msg_line(m),
			       check_state_name(state));
			print_glimpse(catalog_msg_id(m));
			if (why)
				printf(" (%s)", why);
			putchar('\n');
		}
		free(why);
	}
}

static int list_checks(void)
{
	size_t i;

	for (i = 0; check_rule_id(i); i++)
		printf("%-15s %-8s %s\n", check_rule_id(i),
		       diag_severity_name(check_rule_severity(i)), check_rule_summary(i));
	return TOOL_OK;
}

static void print_counts_line(const char *name, const struct check_counts *c, const char *title)
{
	char pct[32];

	report_percent(check_percent(c), pct, sizeof pct);
	printf("    %6s%%  %7lu of %7lu words  %s", pct, c->words_translated, c->words, name);
	if (title)
		printf("  (%s)", title);
	putchar('\n');
}

static void print_text(const struct check_report *r, int strict, int files,
                       const struct colours *col)
{
	size_t i, j, errors = 0, rejected = 0, warnings = 0, below = 0, unreadable = 0, failed = 0;

	for (i = 0; i < r->lang_count; i++) {
		const struct check_lang *l = &r->langs[i];
		const struct check_counts *c = &l->counts;
		size_t rj = check_rejections(l);
		size_t e = check_problems(l, NULL, DIAG_ERROR);
		size_t w = check_problems(l, NULL, DIAG_WARNING) - e;
		struct buf verdict = BUF_INIT;
		char pct[32];

		if (l->unreadable) {
			printf("%s: %scannot be read%s [%s]\n", l->lang, col->bad, col->off, l->po);
			errors += e;
			unreadable++;
			continue;
		}
		report_percent(check_percent(c), pct, sizeof pct);
		printf("%s: %s%% translated (%lu of %lu source words)", l->lang, pct,
		       c->words_translated, c->words);
		check_verdict(l, strict, &verdict);
		if (verdict.len)
			printf(", %s%s%s",
			       l->preparing              ? ""
			       : check_failed(l, strict) ? col->bad
			                                 : col->ok,
			       buf_str(&verdict), l->preparing ? "" : col->off);
		buf_release(&verdict);
		printf(" [%s]\n", l->po);
		printf("    messages: %lu translated, %lu fuzzy, %lu untranslated", c->translated,
		       c->fuzzy, c->untranslated);
		if (c->identical)
			printf(" (%lu copied from the source)", c->identical);
		if (c->rejected)
			printf(", %lu rejected", c->rejected);
		printf(", %lu obsolete\n", c->obsolete);
		printf("    problems: ");
		if (rj)
			printf("%zu rejected translation%s, ", rj, rj == 1 ? "" : "s");
		printf("%zu error%s, %zu warning%s\n", e - rj, e - rj == 1 ? "" : "s", w,
		       w == 1 ? "" : "s");
		if (c->fuzzy || c->rejected)
			printf("    shown in %s until mended: traduki check --list=%s%s%s %s\n",
			       l->source_lang, c->fuzzy ? "fuzzy" : "",
			       c->fuzzy && c->rejected ? "," : "", c->rejected ? "rejected" : "",
			       l->po);
		if (files)
			for (j = 0; j < l->file_count; j++)
				print_counts_line(l->files[j].path, &l->files[j].counts,
				                  l->files[j].title);
		if (!l->preparing) {
			errors += e - rj;
			rejected += rj;
			warnings += w;
		}
		below += check_below(l) ? 1 : 0;
	}
	for (i = 0; i < r->lang_count; i++)
		failed += check_failed(&r->langs[i], strict) ? 1 : 0;
	if (failed)
		printf("%sfailed%s:", col->bad, col->off);
	else
		printf("%spassed%s:", col->ok, col->off);
	if (unreadable)
		printf(" %zu catalog%s unreadable,", unreadable, unreadable == 1 ? "" : "s");
	if (rejected)
		printf(" %zu rejected translation%s,", rejected, rejected == 1 ? "" : "s");
	printf(" %zu language%s below the gate, %zu error%s, %zu warning%s%s\n", below,
	       below == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
	       warnings == 1 ? "" : "s", strict ? " (strict)" : "");
}

/* Every problem of R through the tool's diagnostics, as compilers print them. */
static void print_problems(const struct check_report *r, struct tool_ctx *ctx)
{
	size_t i, j;

	for (i = 0; i < r->lang_count; i++)
		/* Why a catalog cannot be read was said as it was read. */
		for (j = 0; !r->langs[i].unreadable && j < r->langs[i].problem_count; j++) {
			const struct check_problem *p = &r->langs[i].problems[j];

			diag_report_id(&ctx->diag, p->severity, p->id, p->file, p->line, 0, "%s",
			               p->text);
		}
}

/* What keep_first_error keeps of the diagnostics it passes on to NEXT. */
struct first_error {
	struct diag *next;
	int held;
	char *file;
	long line;
	char *text;
};

static void keep_first_error(const struct diag_message *msg, void *data)
{
	struct first_error *f = data;

	diag_report_id(f->next, msg->severity, msg->id, msg->file, msg->line, msg->column, "%s",
	               msg->text);
	if (msg->severity == DIAG_ERROR && !f->held) {
		f->held = 1;
		f->file = msg->file ? xstrdup(msg->file) : NULL;
		f->line = msg->line;
		f->text = xstrdup(msg->text);
	}
}

/* The review pages of every language whose catalog was read, next to HTML. */
static int write_reviews(const struct check_report *r, struct catalog **cats,
                         const struct report_options *o, const char *html, struct diag *d)
{
	const char *slash = strrchr(html, '/');
	char *dir = slash ? xstrndup(html, (size_t)(slash - html)) : xstrdup(".");
	int rc = 0;
	size_t i;

	for (i = 0; i < r->lang_count; i++)
		if (cats[i] && report_review(r, i, cats[i], o, *dir ? dir : "/", d) != 0)
			rc = -1;
	free(dir);
	return rc;
}

static int parse_percent(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || (*end && strcmp(end, "%") != 0) || !(v >= 0 && v <= 100))
		return -1;
	*out = v;
	return 0;
}

int cmd_check(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		TOOL_OPTION_OUTPUT,
		{ "html", required_argument, NULL, OPT_HTML },
		{ "badge", required_argument, NULL, OPT_BADGE },
		{ "site", required_argument, NULL, OPT_SITE },
		{ "pot", required_argument, NULL, OPT_POT },
		{ "glossary", required_argument, NULL, OPT_GLOSSARY },
		{ "min-coverage", required_argument, NULL, OPT_MIN },
		{ "source-lang", required_argument, NULL, OPT_SOURCE_LANG },
		{ "sources", required_argument, NULL, OPT_SOURCES },
		{ "link-base", required_argument, NULL, OPT_LINK },
		{ "review", no_argument, NULL, OPT_REVIEW },
		{ "page-link", required_argument, NULL, OPT_PAGE_LINK },
		{ "html-problems", required_argument, NULL, OPT_HTML_PROBLEMS },
		{ "skip", required_argument, NULL, OPT_SKIP },
		{ "only", required_argument, NULL, OPT_ONLY },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "files", no_argument, NULL, OPT_FILES },
		{ "list-checks", no_argument, NULL, OPT_LIST },
		{ "list", required_argument, NULL, OPT_LIST_STATES },
		{ "cache", required_argument, NULL, 'c' },
		TOOL_OPTION_HELP_END,
	};
	enum format format = FORMAT_TEXT;
	struct tool_options opts = { "-", { NULL, 0, 0 }, TOOL_OK };
	const char *html = NULL, *badge = NULL, *site_path = NULL, *pot_path = NULL;
	struct catalog *pot = NULL;
	struct glossary *glossary = NULL;
	const char *glossary_path = NULL;
	const char *sources = NULL, *cache_path = NULL;
	struct cache *cache = NULL;
	struct check_options copt = { NULL, 0, NULL, NULL };
	struct report_options ropt = { 0, 0, NULL, NULL, 0, REPORT_HTML_PROBLEMS };
	struct catalog **kept = NULL;
	size_t kept_alloc = 0;
	struct colours col = { "", "", "" };
	struct siteconf *site = NULL;
	struct check_report report;
	double min_coverage = -1;
	unsigned long only = 0;
	unsigned list_states = 0;
	int files = 0, unreadable = 0, failed = 0, write_failed = 0;
	int c, i, status;
	size_t k;

	while ((c = getopt_long(argc, argv, "f:o:c:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				format = FORMAT_JSON;
			else if (strcmp(optarg, "junit") == 0)
				format = FORMAT_JUNIT;
			else
				return tool_usage_error(
				    ctx, "unknown format '%s' (text, json, junit)", optarg);
			break;
		case 'c':
			cache_path = optarg;
			break;
		case OPT_HTML:
			html = optarg;
			break;
		case OPT_BADGE:
			badge = optarg;
			break;
		case OPT_SITE:
			site_path = optarg;
			break;
		case OPT_POT:
			pot_path = optarg;
			break;
		case OPT_GLOSSARY:
			glossary_path = optarg;
			break;
		case OPT_MIN:
			if (parse_percent(optarg, &min_coverage) != 0)
				return tool_usage_error(ctx,
				                        "--min-coverage takes a percentage "
				                        "from 0 to 100, not '%s'",
				                        optarg);
			break;
		case OPT_SOURCE_LANG:
			copt.source_lang = optarg;
			break;
		case OPT_SOURCES:
			sources = optarg;
			break;
		case OPT_LINK:
			ropt.link_base = optarg;
			break;
		case OPT_REVIEW:
			ropt.review = 1;
			break;
		case OPT_PAGE_LINK:
			ropt.page_link = optarg;
			break;
		case OPT_HTML_PROBLEMS: {
			char *end;
			unsigned long n;

			errno = 0;
			n = strtoul(optarg, &end, 10);
			if (!isdigit((unsigned char)*optarg) || *end || errno)
				return tool_usage_error(
				    ctx, "--html-problems takes a number, not '%s'", optarg);
			ropt.html_problems = (size_t)n;
			break;
		}
		case OPT_SKIP:
			if (parse_ids(ctx, optarg, &copt.skip) != 0)
				return TOOL_USAGE;
			break;
		case OPT_ONLY:
			if (parse_ids(ctx, optarg, &only) != 0)
				return TOOL_USAGE;
			copt.skip = ~only;
			break;
		case OPT_STRICT:
			ropt.strict = 1;
			break;
		case OPT_FILES:
			files = 1;
			break;
		case OPT_LIST:
			return list_checks();
		case OPT_LIST_STATES:
			if (parse_states(ctx, optarg, &list_states) != 0)
				return TOOL_USAGE;
			break;
		default:
			if (tool_option(ctx, c, &opts, help, &status) != 0)
				return status;
		}
	}
	if (optind >= argc)
		return tool_usage_error(ctx, "no PO file given");
	if (format == FORMAT_TEXT && strcmp(opts.output, "-") != 0)
		return tool_usage_error(ctx, "--output is for --format=json and junit");
	if (ropt.review && (!html || strcmp(html, "-") == 0))
		return tool_usage_error(
		    ctx, "--review writes next to the status page: give --html=FILE");
	ropt.skip = copt.skip;

	if (site_path) {
		site = siteconf_load(site_path, &ctx->diag);
		if (!site)
			return TOOL_USAGE;
		if (!copt.source_lang)
			copt.source_lang = site->source;
	}
	if (format == FORMAT_TEXT && strcmp(opts.output, "-") == 0 && isatty(STDOUT_FILENO) &&
	    !getenv("NO_COLOR") && !(getenv("TERM") && strcmp(getenv("TERM"), "dumb") == 0)) {
		col.ok = "\033[32m";
		col.bad = "\033[1;31m";
		col.off = "\033[0m";
	}

	if (cache_path && !list_states)
		cache = cache_open(cache_path);
	if ((pot_path && !(pot = catalog_read_cached(pot_path, 0, cache, &ctx->diag))) ||
	    (glossary_path && !(glossary = glossary_load(glossary_path, &ctx->diag)))) {
		catalog_free(pot);
		cache_free(cache);
		siteconf_free(site);
		return TOOL_USAGE;
	}
	copt.glossary = glossary;
	copt.cache = cache;

	check_report_init(&report);
	for (i = optind; i < argc; i++) {
		struct first_error first = { &ctx->diag, 0, NULL, 0, NULL };
		struct diag d;
		struct catalog *cat;
		struct check_lang *l;

		/* The reader's first error is the catalog's state on the reports. */
		diag_init(&d, keep_first_error, &first);
		cat = catalog_read_cached(argv[i], 0, cache, &d);
		/* An emptied file is no catalog that is 100% translated. */
		if (cat && !catalog_header(cat) && catalog_count(cat) == 0) {
			diag_report(
			    &d, DIAG_ERROR, argv[i], 0, 0,
			    "no header and no message: not a PO catalog (an emptied file?)");
			catalog_free(cat);
			cat = NULL;
		}
		if (cat && list_states) {
			char *source = lang_source_of(cat, copt.source_lang);

			list_entries(cat, list_states, source);
			free(source);
			catalog_free(cat);
			free(first.file);
			free(first.text);
			continue;
		}
		if (!cat) {
			unreadable++;
			check_unreadable(&report, argv[i], first.file, first.line,
			                 first.text ? first.text : "cannot read the catalog");
			if (ropt.review) {
				xgrow((void **)&kept, &kept_alloc, report.lang_count, sizeof *kept);
				kept[report.lang_count - 1] = NULL;
			}
			free(first.file);
			free(first.text);
			continue;
		}
		free(first.file);
		free(first.text);
		l = check_catalog(&report, cat, &copt, &ctx->diag);
		if (min_coverage >= 0)
			l->threshold = min_coverage;
		else if (site && !siteconf_listed(site, l->lang))
			l->preparing = 1;
		else if (site)
			l->threshold = siteconf_threshold(site, l->lang);
		if (site)
			l->keep_margin = site->keep_margin;
		if (pot)
			check_against_template(l, cat, pot);
		/* The review pages need the messages, once the titles are known. */
		if (ropt.review) {
			xgrow((void **)&kept, &kept_alloc, report.lang_count, sizeof *kept);
			kept[report.lang_count - 1] = cat;
		} else {
			catalog_free(cat);
		}
	}
	catalog_free(pot);
	glossary_free(glossary);
	if (list_states) {
		check_report_release(&report);
		siteconf_free(site);
		return unreadable ? TOOL_USAGE : TOOL_OK;
	}
	if (html || sources) {
		unsigned long mark = diag_mark(&ctx->diag);

		check_load_titles(&report, sources, cache, &ctx->diag);
		if (diag_failed_since(&ctx->diag, mark))
			unreadable++;
	}

	switch (format) {
	case FORMAT_TEXT:
		print_problems(&report, ctx);
		if (report.lang_count)
			print_text(&report, ropt.strict, files, &col);
		break;
	case FORMAT_JSON:
		write_failed |= report_json(&report, &ropt, opts.output, &ctx->diag) != 0;
		break;
	case FORMAT_JUNIT:
		write_failed |= report_junit(&report, &ropt, opts.output, &ctx->diag) != 0;
		break;
	}
	/* The review pages first, so that the catalogs are gone before the
	 * status page's document is made: the two are the largest things
	 * check holds, and they need not be held at once. */
	if (ropt.review)
		write_failed |= write_reviews(&report, kept, &ropt, html, &ctx->diag) != 0;
	for (k = 0; kept && k < report.lang_count; k++)
		catalog_free(kept[k]);
	free(kept);
	if (html)
		write_failed |= report_html(&report, &ropt, html, &ctx->diag) != 0;
	if (badge)
		write_failed |= report_badges(&report, badge, &ctx->diag) != 0;

	for (k = 0; k < report.lang_count; k++)
		failed |= check_failed(&report.langs[k], ropt.strict);
	if (cache)
		cache_save(cache, &ctx->diag);
	cache_free(cache);
	check_report_release(&report);
	siteconf_free(site);
	if (unreadable || write_failed)
		return TOOL_USAGE;
	return failed ? TOOL_PROBLEMS : TOOL_OK;
}
