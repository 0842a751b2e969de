/*
 * traduki build: write localized XML documents and the multilingual site.
 *
 * Two modes share the command and its options: with --site, the site is
 * built from localized XML (src/lib/site.h); without it, localized XML is
 * written from the sources and the PO catalogs.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/mem.h"
#include "lib/site.h"
#include "lib/uni.h"
#include "tool.h"

#ifndef TRADUKI_TEMPLATES_DIR
#define TRADUKI_TEMPLATES_DIR "templates"
#endif

static const char help[] =
    "Usage: traduki build --lang=LL --po=PO --its=RULES -o DIR FILE...\n"
    "  or:  traduki build --site=SITE.xml [--xml=DIR] [--languages=LL,...] -o DIR\n"
    "\n"
    "Write localized XML documents, or the multilingual site.\n"
    "\n"
    "Site mode (--site) reads, for the source language of SITE.xml and every\n"
    "other language LL, the localized XML in DIR/LL (manifest.xml, site.xml\n"
    "and one file per article) and writes the site's pages, feeds and sitemap\n"
    "through the XSLT templates.  Files whose contents do not change are not\n"
    "rewritten.  The localized XML mode is not available in this version yet.\n"
    "\n"
    "  -s, --site=FILE        build the site described by FILE (content/site.xml)\n"
    "  -x, --xml=DIR          the localized XML, one folder per language (default: xml)\n"
    "  -l, --languages=LIST   the languages besides the source, in switcher order,\n"
    "                         separated by commas or spaces (default: every folder\n"
    "                         of the --xml folder that has a manifest.xml)\n"
    "  -t, --templates=DIR    the XSLT templates (default: " TRADUKI_TEMPLATES_DIR ")\n"
    "  -o, --output=DIR       where to write\n"
    "  -q, --quiet            print nothing but problems\n"
    "  -h, --help             show this help and exit\n"
    "\n"
    "Exit status: 0 on success, 2 when an input cannot be read or is\n"
    "inconsistent, or a template fails.\n";

struct build_args {
	const char *site;
	const char *xml_dir;
	const char *languages;
	const char *templates;
	const char *output;
};

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
	int rc;

	if (!args->output)
		return tool_usage_error(ctx, "no output folder given (-o DIR)");
	memset(&opts, 0, sizeof opts);
	opts.site_file = args->site;
	opts.xml_dir = args->xml_dir ? args->xml_dir : "xml";
	opts.templates_dir = args->templates ? args->templates : TRADUKI_TEMPLATES_DIR;
	opts.out_dir = args->output;
	if (args->languages) {
		languages = split_languages(args->languages, &count);
		opts.languages = (const char *const *)languages;
		opts.language_count = count;
	}
	rc = site_build(&opts, &stats, &ctx->diag);
	uni_cleanup();
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

int cmd_build(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "site", required_argument, NULL, 's' },
		{ "xml", required_argument, NULL, 'x' },
		{ "languages", required_argument, NULL, 'l' },
		{ "templates", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct build_args args;
	int c;

	memset(&args, 0, sizeof args);
	while ((c = getopt_long(argc, argv, "s:x:l:t:o:qh", options, NULL)) != -1) {
		switch (c) {
		case 's':
			args.site = optarg;
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
		case 'o':
			args.output = optarg;
			break;
		case 'q':
			ctx->quiet = 1;
			break;
		case 'h':
			return tool_print_help(ctx, help);
		default:
			return tool_option_error(ctx);
		}
	}
	if (args.site) {
		if (optind < argc)
			return tool_usage_error(ctx, "the site mode takes no file operand ('%s')",
			                        argv[optind]);
		return build_site(&args, ctx);
	}
	return tool_not_implemented(ctx);
}
