/*
 * traduki build: write localized XML documents and the multilingual site.
 *
 * Two modes share the command.  With --lang, localized XML is written
 * from the sources and a PO catalog (build_localized, src/lib/inject.h);
 * with --site alone, the HTML site is built from that XML (build_site,
 * src/lib/site.h).  One parse reads the options of both, and refuses
 * those of one mode in the other; they share one help text.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/hash.h>

#include "lib/buf.h"
#include "lib/cache.h"
#include "lib/catalog.h"
#include "lib/digest.h"
#include "lib/file.h"
#include "lib/inject.h"
#include "lib/its.h"
#include "lib/mem.h"
#include "lib/site.h"
#include "lib/siteconf.h"
#include "lib/xmldoc.h"
#include "tool.h"

#ifndef TRADUKI_TEMPLATES_DIR
#define TRADUKI_TEMPLATES_DIR "templates"
#endif

static const char help[] =
    "Usage: traduki build --lang=LL [--po=PO] [--source-lang=LL] --its=RULES... -o DIR\n"
    "                     [-f LIST] FILE...\n"
    "  or:  traduki build --site=SITE.xml [--xml=DIR] [--languages=LL,...] -o DIR\n"
    "\n"
    "Write localized XML documents (--lang), or the multilingual site from\n"
    "them (--site without --lang).  See doc/build.md and doc/site.md.\n"
    "\n"
    "Localized XML: for each FILE, DIR/FILE (its base name) with the\n"
    "translations of PO in place and LL as the root's language (where the\n"
    "ITS Language Information rules put it, else xml:lang), and\n"
    "DIR/manifest.xml, which lists every article with its coverage and\n"
    "whether it is published in LL.  A text without an accepted translation\n"
    "(untranslated, fuzzy, or rejected) keeps its source text and is marked\n"
    "with the source language.  Without --po, LL is the source language:\n"
    "every text is its own translation.  Content that ITS Locale Filter\n"
    "keeps from LL (editor notes) is left out.  A FILE that is a folder\n"
    "stands for the *.xml files below it, in sorted order.\n"
    "\n"
    "  -L, --lang=LL          the language to write (required)\n"
    "  -p, --po=FILE          its PO catalog\n"
    "  -i, --its=FILE         ITS rules for every document (repeatable)\n"
    "  -s, --site=FILE        the site file (content/site.xml): LL's publish\n"
    "                         threshold, the source language; when it is also a\n"
    "                         FILE, it is written as DIR/site.xml, not an article\n"
    "      --source-lang=LL   the source language where the documents do not say\n"
    "                         (default: the site's, else the catalog's\n"
    "                         X-Source-Language, else the first document's ITS\n"
    "                         Language Information; none: an error)\n"
    "      --threshold=N      publish threshold in percent (default: from --site,\n"
    "                         else 0)\n"
    "  -f, --files-from=LIST  also the documents named in LIST, one per line\n"
    "                         ('-': standard input)\n"
    "  -o, --output=DIR       where to write (created if needed)\n"
    "  -c, --cache=FILE       keep in FILE what each article gave, and localize\n"
    "                         only the articles whose bytes, or the catalog's\n"
    "                         entries for them, changed since (or the rules,\n"
    "                         traduki, or a file written then)\n"
    "\n"
    "Site: reads, for the source language of SITE.xml and every other\n"
    "language LL, the localized XML in DIR/LL (manifest.xml, site.xml and one\n"
    "file per article) and writes the site's pages, feeds and sitemap through\n"
    "the XSLT templates.\n"
    "\n"
    "  -s, --site=FILE        build the site described by FILE (content/site.xml)\n"
    "  -x, --xml=DIR          the localized XML, one folder per language (default: xml)\n"
    "  -l, --languages=LIST   the languages besides the source, in switcher order,\n"
    "                         separated by commas or spaces (default: every folder\n"
    "                         of the --xml folder that has a manifest.xml)\n"
    "  -t, --templates=DIR    the XSLT templates (default: " TRADUKI_TEMPLATES_DIR ")\n"
    "  -S, --static=DIR       copy DIR and the files below it into the site, under\n"
    "                         DIR's own name (--static=content/images: images/)\n"
    "  -j, --jobs=N           make the pages with N processes (0: one per\n"
    "                         processor; default 1)\n"
    "  -o, --output=DIR       where to write\n"
    "  -c, --cache=FILE       keep in FILE what the site takes of each article,\n"
    "                         and the plan, and read again only what changed\n"
    "\n"
    "  -q, --quiet            print nothing but problems\n"
    "      --progress         show a progress line on standard error (default: when\n"
    "                         it is a terminal and CI is not set)\n"
    "      --no-progress      never show one\n"
    "  -h, --help             show this help and exit\n"
    "\n"
    "Files whose contents do not change are not rewritten, and a page whose\n"
    "inputs did not change since the last build (OUTPUT/.traduki-files) is\n"
    "not made again.\n"
    "\n"
    "Exit status: 0 on success; 1 when translations were rejected (each is\n"
    "reported, falls back to the source text, and every file is written);\n"
    "2 on a usage error, when an input cannot be read or is inconsistent, a\n"
    "file cannot be written, or a template fails.\n";

enum { OPT_THRESHOLD = 256, OPT_SOURCE_LANG };

/* The command line of both modes. */
struct build_args {
	const char *site; /* both */
	const char *output;
	const char *cache;
	const char *lang; /* localized XML */
	const char *source_lang;
	const char *po;
	const char *threshold;
	char **files;
	int nfiles;
	const char **names; /* each file's name in the output folder */
	const char *xml_dir; /* the site */
	const char *languages;
	const char *templates;
	const char **static_dirs;
	size_t static_count;
	const char *jobs;
};

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The output name of the site file; its address tells it from an article's. */
static const char site_name[] = "site.xml";

/*
 * Names every FILE in the output folder: its own base name, or site.xml
 * for the site file.  One stat per file, once: with ten thousand
 * articles, comparing every pair again took minutes of system time.
 */
static void name_outputs(struct build_args *args)
{
	struct stat site, st;
	int have_site = args->site && stat(args->site, &site) == 0, i;

	args->names = xcalloc((size_t)args->nfiles + 1, sizeof *args->names);
	for (i = 0; i < args->nfiles; i++)
		args->names[i] = have_site && stat(args->files[i], &st) == 0 &&
		                         st.st_dev == site.st_dev && st.st_ino == site.st_ino
		                     ? site_name
		                     : base_name(args->files[i]);
}

/*
 * The usage errors that need no file read: returns TOOL_OK or TOOL_USAGE.
 * Names the outputs (args->names) on the way.
 */
static int check_args(struct build_args *args, struct tool_ctx *ctx)
{
	xmlHashTablePtr seen;
	int i, status = TOOL_OK;

	if (!args->output)
		return tool_usage_error(ctx, "no output folder given (-o DIR)");
	if (args->nfiles == 0)
		return tool_usage_error(ctx, "no document given");
	name_outputs(args);
	seen = xmlHashCreate(args->nfiles);
	for (i = 0; i < args->nfiles && status == TOOL_OK; i++) {
		const char *name = args->names[i];
		const char *first = xmlHashLookup(seen, BAD_CAST name);

		if (strcmp(name, "manifest.xml") == 0)
			status = tool_usage_error(ctx, "'%s' would be written over the manifest",
			                          args->files[i]);
		else if (first)
			status =
			    tool_usage_error(ctx, "'%s' and '%s' would both be written as %s/%s",
			                     first, args->files[i], args->output, name);
		else
			xmlHashAddEntry(seen, BAD_CAST name, args->files[i]);
	}
	xmlHashFree(seen, NULL);
	return status;
}

/* The threshold: --threshold, else the site's for LL, else 0.  -1 if bad. */
static double threshold_of(const struct build_args *args, const struct siteconf *sc,
                           struct tool_ctx *ctx)
{
	char *end;
	double t;

	if (!args->threshold)
		return sc ? siteconf_threshold(sc, args->lang) : 0.0;
	errno = 0;
	t = strtod(args->threshold, &end);
	if (errno || end == args->threshold || *end || !(t >= 0 && t <= 100)) {
		tool_usage_error(ctx, "--threshold needs a percentage from 0 to 100, not '%s'",
		                 args->threshold);
		return -1;
	}
	return t;
}

/*
 * Says on standard error which articles the manifest at PATH, about to be
 * replaced, published and INJ no longer does, and why: a page leaving a
 * language is never silent (doc/editors.md).  A manifest that cannot be
 * read is an earlier run's business: nothing is said.
 */
/* By id, then by place: the first of two with one id comes first. */
static int compare_article_ids(const void *a, const void *b)
{
	const struct inject_article *x = *(const struct inject_article *const *)a;
	const struct inject_article *y = *(const struct inject_article *const *)b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x > y) - (x < y);
}

static int compare_id(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct inject_article *const *)elem)->id);
}

static void report_departures(const char *path, const struct inject *inj,
                              const struct inject_options *opt)
{
	struct diag quiet;
	xmlDocPtr doc;
	xmlNodePtr n;
	struct stat st;
	/* By id, to be found by bisection: a search through every article
	 * for each was a quarter of an hour at 100,000 articles. */
	const struct inject_article **by_id;
	size_t i, count = inject_article_count(inj);

	if (stat(path, &st) != 0)
		return;
	diag_init(&quiet, NULL, NULL);
	if (!(doc = xmldoc_read_file(path, &quiet)))
		return;
	by_id = xmalloc((count + 1) * sizeof *by_id);
	for (i = 0; i < count; i++)
		by_id[i] = inject_article_at(inj, i);
	qsort(by_id, count, sizeof *by_id, compare_article_ids);
	for (n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		xmlChar *id, *published;
		const struct inject_article *art = NULL;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		id = xmlGetProp(n, BAD_CAST "id");
		published = xmlGetProp(n, BAD_CAST "published");
		if (id && published && xmlStrEqual(published, BAD_CAST "yes")) {
			const struct inject_article **found =
			    bsearch(id, by_id, count, sizeof *by_id, compare_id);

			/* The first article with that id, as a search in order finds. */
			while (found && found > by_id &&
			       strcmp((*(found - 1))->id, (char *)id) == 0)
				found--;
			art = found ? *found : NULL;
			if (!art) {
				fprintf(stderr, "%s leaves %s: no longer in the sources\n", id,
				        opt->lang);
			} else if (!art->published) {
				char pct[32];
				/* Which bar it missed: with its outdated passages it
				 * reaches the threshold, so the lower one. */
				int kept = (double)(art->translated + art->fuzzy_words) * 100.0 >=
				           opt->threshold * (double)art->words;
				double bar =
				    kept ? opt->threshold - opt->keep_margin : opt->threshold;

				inject_coverage(art, pct, sizeof pct);
				fprintf(stderr, "%s leaves %s: %s%% < %g%%\n", id, opt->lang, pct,
				        bar);
			}
		}
		xmlFree(id);
		xmlFree(published);
	}
	xmlFreeDoc(doc);
	free(by_id);
}

static int build_localized(struct build_args *args, struct tool_rules *rules_files,
                           struct tool_ctx *ctx)
{
	struct its_rules *rules = its_rules_new();
	struct cache *cache = NULL;
	struct inject_options opt;
	struct siteconf *sc = NULL;
	struct catalog *cat = NULL;
	struct inject *inj = NULL;
	struct buf path = BUF_INIT;
	size_t written = 0, published = 0, i;
	int status = check_args(args, ctx), k;

	if (args->cache)
		cache = cache_open(args->cache);
	if (tool_rules_load(rules_files, rules, cache, &ctx->diag) != 0)
		status = TOOL_USAGE;
	if (!rules_files->cacheable) {
		cache_free(cache);
		cache = NULL;
	}
	if (status != TOOL_OK)
		goto done;
	memset(&opt, 0, sizeof opt);
	opt.lang = args->lang;
	if (args->site) {
		if (!(sc = siteconf_load(args->site, &ctx->diag))) {
			status = TOOL_USAGE;
			goto done;
		}
		opt.source_lang = sc->source;
	}
	if (args->source_lang)
		opt.source_lang = args->source_lang;
	if (!args->po && opt.source_lang && strcmp(args->lang, opt.source_lang) != 0) {
		status = tool_usage_error(ctx,
		                          "no catalog given for '%s' (--po); without one, "
		                          "the language must be the source language, '%s'",
		                          args->lang, opt.source_lang);
		goto done;
	}
	opt.threshold = args->po ? threshold_of(args, sc, ctx) : 0.0;
	opt.keep_margin = sc && !args->threshold ? sc->keep_margin : 0.0;
	if (opt.threshold < 0 ||
	    (args->po && !(cat = catalog_read_cached(args->po, 1, cache, &ctx->diag))) ||
	    file_make_folders(args->output, FILE_FOLDER_ITSELF, &ctx->diag) != 0) {
		status = TOOL_USAGE;
		goto done;
	}

	/* Every document is done, so that one run reports every problem; the
	 * manifest is written only when every document could be read. */
	inj = inject_new(rules, cat, &opt);
	tool_progress_auto(ctx);
	for (k = 0; k < args->nfiles; k++) {
		const char *file = args->files[k], *name = args->names[k];
		int is_site = name == site_name;
		xmlDocPtr doc;
		int rc;

		buf_truncate(&path, 0);
		buf_addf(&path, "%s/%s", args->output, name);
		if (cache && !is_site) {
			rc = inject_file_cached(inj, file, name, buf_str(&path), cache,
			                        &rules_files->digest, &ctx->diag);
			if (rc < 0)
				status = TOOL_USAGE;
			else
				written += (size_t)rc;
			tool_progress(ctx, args->lang, (size_t)k + 1, (size_t)args->nfiles,
			              "documents");
			continue;
		}
		doc = xmldoc_read_file(file, &ctx->diag);
		if (!doc || inject_doc(inj, doc, is_site ? NULL : name, &ctx->diag) != 0 ||
		    (rc = inject_write_doc(doc, buf_str(&path), &ctx->diag)) < 0)
			status = TOOL_USAGE;
		else
			written += (size_t)rc;
		if (doc)
			xmlFreeDoc(doc);
		tool_progress(ctx, args->lang, (size_t)k + 1, (size_t)args->nfiles, "documents");
	}
	tool_progress_end(ctx);
	buf_truncate(&path, 0);
	buf_addf(&path, "%s/manifest.xml", args->output);
	if (status == TOOL_OK) {
		int rc;

		report_departures(buf_str(&path), inj, &opt);
		rc = inject_write_manifest(inj, buf_str(&path), &ctx->diag);

		if (rc < 0)
			status = TOOL_USAGE;
		else
			written += (size_t)rc;
	}
	/* What the articles gave is kept even when one failed. */
	if (cache && tool_rules_unchanged(rules_files, cache))
		cache_save(cache, &ctx->diag);
	if (status == TOOL_OK && inject_rejected(inj))
		status = TOOL_PROBLEMS;
	for (i = 0; i < inject_article_count(inj); i++)
		published += inject_article_at(inj, i)->published ? 1 : 0;
	if (status != TOOL_USAGE && !ctx->quiet)
		printf("%s: %zu of %zu articles published in %s; translations rejected: %lu; "
		       "files written: %zu\n",
		       args->output, published, inject_article_count(inj), args->lang,
		       inject_rejected(inj), written);

done:
	inject_free(inj);
	catalog_free(cat);
	siteconf_free(sc);
	cache_free(cache);
	its_rules_free(rules);
	free(args->names);
	args->names = NULL;
	buf_release(&path);
	return status;
}

/*
 * Names this program for the site's digests: its version, the sources it
 * was built from and its libraries (digest_program), so that a traduki
 * rebuilt from the same sources makes no page again, and any other does.
 */
static void build_identity(char *id, size_t size)
{
	char hex[33];

	digest_hex(digest_program(), hex);
	snprintf(id, size, "traduki %s %s", PACKAGE_VERSION, hex);
}

static void site_progress(void *data, size_t done, size_t total)
{
	tool_progress(data, "site", done, total, "files");
}

/* Splits LIST at commas and spaces into a new array of new strings. */
static char **split_languages(const char *list, size_t *count)
{
	char **codes = NULL;
	size_t n = 0, alloc = 0;
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, ", \t\n");

		if (len) {
			xgrow((void **)&codes, &alloc, n + 1, sizeof *codes);
			codes[n++] = xstrndup(p, len);
		}
		p += len;
		p += strspn(p, ", \t\n");
	}
	*count = n;
	return codes;
}

static int build_site(const struct build_args *args, struct tool_ctx *ctx)
{
	struct site_options opts;
	struct site_stats stats;
	char **languages = NULL;
	size_t count = 0, i;
	char id[128];
	int rc;

	if (!args->output)
		return tool_usage_error(ctx, "no output folder given (-o DIR)");
	memset(&opts, 0, sizeof opts);
	build_identity(id, sizeof id);
	opts.build_id = id;
	opts.static_dirs = args->static_dirs;
	opts.static_count = args->static_count;
	opts.jobs = 1;
	if (args->jobs) {
		char *end;
		unsigned long n;

		errno = 0;
		n = strtoul(args->jobs, &end, 10);
		if (errno || end == args->jobs || *end || n > 1024 || args->jobs[0] == '-')
			return tool_usage_error(
			    ctx, "--jobs needs a number from 0 to 1024, not '%s'", args->jobs);
		opts.jobs = n;
	}
	tool_progress_auto(ctx);
	opts.progress = site_progress;
	opts.progress_data = ctx;
	opts.site_file = args->site;
	opts.xml_dir = args->xml_dir ? args->xml_dir : "xml";
	opts.templates_dir = args->templates ? args->templates : TRADUKI_TEMPLATES_DIR;
	opts.out_dir = args->output;
	opts.cache = args->cache;
	if (args->languages) {
		languages = split_languages(args->languages, &count);
		opts.languages = (const char *const *)languages;
		opts.language_count = count;
	}
	rc = site_build(&opts, &stats, &ctx->diag);
	tool_progress_end(ctx);
	for (i = 0; i < count; i++)
		free(languages[i]);
	free(languages);
	if (rc != 0)
		return TOOL_USAGE;
	if (!ctx->quiet)
		printf(
		    "%s: %zu files in %zu languages, %zu article pages; %zu written, %zu removed\n",
		    args->output, stats.files, stats.languages, stats.articles, stats.written,
		    stats.removed);
	return TOOL_OK;
}

/* The localized XML mode, "traduki build --lang=LL ...", once the options are read. */
static int run_localized(struct build_args *args, struct tool_rules *rules,
                         struct tool_options *opts, int argc, char **argv, struct tool_ctx *ctx)
{
	if (opts->status != TOOL_OK)
		return opts->status;
	if (!*args->lang)
		return tool_usage_error(ctx, "no language given (--lang=LL)");
	if (tool_options_operands(opts, argc, argv, &ctx->diag) != TOOL_OK)
		return TOOL_USAGE;
	args->files = opts->files.paths;
	args->nfiles = (int)opts->files.count;
	return build_localized(args, rules, ctx);
}

/* The site mode, "traduki build --site=SITE.xml ...", once the options are read. */
static int run_site(const struct build_args *args, int argc, char **argv, struct tool_ctx *ctx)
{
	if (!args->site)
		return tool_usage_error(ctx, "say what to build: --lang=LL (localized XML) or "
		                             "--site=FILE (the site)");
	if (optind < argc)
		return tool_usage_error(ctx, "the site mode takes no file operand ('%s')",
		                        argv[optind]);
	return build_site(args, ctx);
}

/* The long name of the option C in OPTIONS, for a message. */
static const char *option_name(const struct option *options, int c)
{
	while (options->name && options->val != c)
		options++;
	return options->name;
}

/*
 * One parse for both modes: --lang asks for localized XML, else the site
 * is built.  An option of one mode is refused in the other; those both
 * take (-s, -c, -o and the shared ones) mean the same in both.
 */
int cmd_build(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "lang", required_argument, NULL, 'L' },
		{ "po", required_argument, NULL, 'p' },
		{ "its", required_argument, NULL, 'i' },
		{ "source-lang", required_argument, NULL, OPT_SOURCE_LANG },
		{ "threshold", required_argument, NULL, OPT_THRESHOLD },
		TOOL_OPTION_FILES_FROM,
		{ "xml", required_argument, NULL, 'x' },
		{ "languages", required_argument, NULL, 'l' },
		{ "templates", required_argument, NULL, 't' },
		{ "static", required_argument, NULL, 'S' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "site", required_argument, NULL, 's' },
		{ "cache", required_argument, NULL, 'c' },
		TOOL_OPTION_OUTPUT,
		TOOL_OPTION_QUIET,
		TOOL_OPTION_PROGRESS,
		TOOL_OPTION_HELP_END,
	};
	struct tool_options opts = { NULL, { NULL, 0, 0 }, TOOL_OK };
	struct build_args args;
	struct tool_rules rules;
	size_t alloc = 0;
	int c, status = TOOL_OK, localized_only = 0, site_only = 0;

	memset(&args, 0, sizeof args);
	memset(&rules, 0, sizeof rules);
	while ((c = getopt_long(argc, argv, "L:p:i:f:x:l:t:S:j:s:c:o:qh", options, NULL)) != -1) {
		/* Noted to refuse it in the other mode, once the mode is known. */
		if (c == OPT_SOURCE_LANG || c == OPT_THRESHOLD || (c < 256 && strchr("pif", c)))
			localized_only = c;
		else if (c < 256 && strchr("xltSj", c))
			site_only = c;
		switch (c) {
		case 'L':
			args.lang = optarg;
			break;
		case 'p':
			args.po = optarg;
			break;
		case 'i':
			tool_rules_add(&rules, optarg);
			break;
		case OPT_SOURCE_LANG:
			args.source_lang = optarg;
			break;
		case OPT_THRESHOLD:
			args.threshold = optarg;
			break;
		case 'x':
			args.xml_dir = optarg;
			break;
		case 'l':
			args.languages = optarg;
			break;
		case 't':
			args.templates = optarg;
			break;
		case 'S':
			xgrow((void **)&args.static_dirs, &alloc, args.static_count + 1,
			      sizeof *args.static_dirs);
			args.static_dirs[args.static_count++] = optarg;
			break;
		case 'j':
			args.jobs = optarg;
			break;
		case 's':
			args.site = optarg;
			break;
		case 'c':
			args.cache = optarg;
			break;
		default:
			if (tool_option(ctx, c, &opts, help, &status) != 0)
				goto done;
		}
	}
	args.output = opts.output;
	if (args.lang && site_only)
		status = tool_usage_error(ctx, "--%s is for the site, not with --lang",
		                          option_name(options, site_only));
	else if (!args.lang && localized_only)
		status = tool_usage_error(ctx, "--%s is for localized XML: it needs --lang=LL",
		                          option_name(options, localized_only));
	else if (args.lang)
		status = run_localized(&args, &rules, &opts, argc, argv, ctx);
	else
		status = run_site(&args, argc, argv, ctx);
done:
	free(args.static_dirs);
	tool_rules_release(&rules);
	tool_options_release(&opts);
	return status;
}
