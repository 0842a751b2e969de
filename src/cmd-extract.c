/*
 * traduki extract: the translatable text of XML documents, following ITS
 * 2.0 rules, into a POT template.  The work is src/lib/extract.c; this
 * file reads the command line, lists the documents and sets the status.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cache.h"
#include "lib/extract.h"
#include "lib/its.h"
#include "lib/mem.h"
#include "lib/xmldoc.h"
#include "tool.h"

static const char help[] =
    "Usage: traduki extract [--its=RULES]... [-o OUT.pot] [-f LIST] FILE|DIR...\n"
    "\n"
    "Extract the translatable text of XML documents into a POT template,\n"
    "following the W3C ITS 2.0 rules given with --its and those the\n"
    "documents carry.  One message per translation unit, inline markup\n"
    "kept (doc/msgid-syntax.md describes the message syntax).  A folder\n"
    "stands for the *.xml files below it, in sorted order.\n"
    "\n"
    "  -i, --its=FILE             ITS rules for every document (repeatable)\n"
    "  -o, --output=FILE          write the template to FILE (default: standard\n"
    "                             output); FILE is written only when complete\n"
    "  -f, --files-from=LIST      also read the documents named in LIST, one per\n"
    "                             line ('#' starts a comment)\n"
    "  -s, --schema=FILE.rng      check each document against a RELAX NG schema\n"
    "  -c, --cache=FILE           keep in FILE what each document gave, and read\n"
    "                             only the documents that changed since (their\n"
    "                             bytes, the rules or traduki); not with --schema\n"
    "      --package-name=NAME    Project-Id-Version of the template\n"
    "      --package-version=VER  version appended to it\n"
    "      --source-lang=LANG     source language (default: the first document's\n"
    "                             ITS Language Information; when no document\n"
    "                             has one, this option is needed)\n"
    "  -h, --help                 show this help and exit\n"
    "\n"
    "When OUT.pot exists with the same messages, its POT-Creation-Date is\n"
    "kept and the file is not touched; otherwise the date is now, or\n"
    "SOURCE_DATE_EPOCH when set.\n"
    "\n"
    "Exit status: 0 on success, 2 on a usage error or when a document or a\n"
    "rules file cannot be read, is not well-formed or not valid (nothing is\n"
    "written then).\n";

enum { OPT_PACKAGE_NAME = 256, OPT_PACKAGE_VERSION, OPT_SOURCE_LANG };

int cmd_extract(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "its", required_argument, NULL, 'i' },
		TOOL_OPTION_OUTPUT,
		TOOL_OPTION_FILES_FROM,
		{ "schema", required_argument, NULL, 's' },
		{ "cache", required_argument, NULL, 'c' },
		{ "package-name", required_argument, NULL, OPT_PACKAGE_NAME },
		{ "package-version", required_argument, NULL, OPT_PACKAGE_VERSION },
		{ "source-lang", required_argument, NULL, OPT_SOURCE_LANG },
		TOOL_OPTION_HELP_END,
	};
	struct extract_header header = { NULL, NULL, NULL };
	struct tool_options opts = { "-", { NULL, 0, 0 }, TOOL_OK };
	const char *schema_path = NULL, *cache_path = NULL;
	struct its_rules *rules = its_rules_new();
	struct xmldoc_schema *schema = NULL;
	struct extract *ex = NULL;
	struct cache *cache = NULL;
	struct tool_rules rules_files;
	size_t i;
	int c, status = TOOL_OK;

	memset(&rules_files, 0, sizeof rules_files);

	while ((c = getopt_long(argc, argv, "i:o:f:s:c:h", options, NULL)) != -1) {
		switch (c) {
		case 'i':
			tool_rules_add(&rules_files, optarg);
			break;
		case 'c':
			cache_path = optarg;
			break;
		case 's':
			schema_path = optarg;
			break;
		case OPT_PACKAGE_NAME:
			header.package_name = optarg;
			break;
		case OPT_PACKAGE_VERSION:
			header.package_version = optarg;
			break;
		case OPT_SOURCE_LANG:
			header.source_lang = optarg;
			break;
		default:
			if (tool_option(ctx, c, &opts, help, &status) != 0)
				goto done;
		}
	}
	if (tool_options_operands(&opts, argc, argv, &ctx->diag) != TOOL_OK)
		status = TOOL_USAGE;
	if (cache_path && !schema_path)
		cache = cache_open(cache_path);
	if (tool_rules_load(&rules_files, rules, cache, &ctx->diag) != 0)
		status = TOOL_USAGE;
	if (!rules_files.cacheable) {
		cache_free(cache);
		cache = NULL;
	}
	if (status != TOOL_OK)
		goto done;
	if (opts.files.count == 0) {
		status = tool_usage_error(ctx, "no document given");
		goto done;
	}
	if (schema_path && !(schema = xmldoc_schema_load(schema_path, &ctx->diag))) {
		status = TOOL_USAGE;
		goto done;
	}

	/* Every document is read, so that one run reports every problem;
	 * the template is written only when there was none. */
	ex = extract_new(rules);
	for (i = 0; i < opts.files.count; i++) {
		xmlDocPtr doc;

		if (cache) {
			if (extract_file_cached(ex, opts.files.paths[i], cache, &rules_files.digest,
			                        &ctx->diag) != 0)
				status = TOOL_USAGE;
			continue;
		}
		doc = xmldoc_read_file(opts.files.paths[i], &ctx->diag);
		if (!doc || (schema && xmldoc_validate(schema, doc, &ctx->diag) != 0) ||
		    extract_doc(ex, doc, opts.files.paths[i], &ctx->diag) != 0)
			status = TOOL_USAGE;
		if (doc)
			xmlFreeDoc(doc);
	}
	/* What the documents gave is kept even when one failed: the next run
	 * reads only that one again. */
	if (cache && tool_rules_unchanged(&rules_files, cache))
		cache_save(cache, &ctx->diag);
	if (status == TOOL_OK && extract_write(ex, opts.output, &header, &ctx->diag) != 0) {
		status = TOOL_USAGE;
		/* Said once is enough: the final check of standard output
		 * need not report the same write error again. */
		if (strcmp(opts.output, "-") == 0) {
			__fpurge(stdout);
			clearerr(stdout);
		}
	}

done:
	cache_free(cache);
	tool_rules_release(&rules_files);
	extract_free(ex);
	xmldoc_schema_free(schema);
	its_rules_free(rules);
	tool_options_release(&opts);
	return status;
}
