/*
 * traduki validate: check XML documents against a RELAX NG schema, with
 * the same diagnostics as every other command, so editors see
 * "content/fr/x.xml:12: error: ..." before a translation run does.
 */
#include <config.h>

#include <getopt.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/mem.h"
#include "lib/xmldoc.h"
#include "tool.h"

static const char help[] =
    "Usage: traduki validate --schema=SCHEMA.rng [-S DIR]... [-f LIST] FILE|DIR...\n"
    "\n"
    "Check that each XML FILE is well-formed and valid against the RELAX NG\n"
    "schema SCHEMA.rng (for the news articles: content/article.rng).  A\n"
    "directory stands for the *.xml files below it, in sorted order.\n"
    "\n"
    "  -s, --schema=FILE         the RELAX NG schema (XML syntax)\n"
    "  -f, --files-from=LIST     also check the documents named in LIST, one per\n"
    "                            line ('-': standard input)\n"
    "  -S, --static=DIR          a folder the site copies under its own name: an\n"
    "                            attribute that refers to a file in it\n"
    "                            (src=\"images/x.jpg\" for DIR content/images) must\n"
    "                            name a file that is there; repeatable\n"
    "  -q, --quiet               print nothing for valid documents\n"
    "  -h, --help                show this help and exit\n"
    "\n"
    "Exit status: 0 when every document is valid, 1 when one is not valid,\n"
    "2 when one cannot be read or is not well-formed XML.\n";

int cmd_validate(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "files-from", required_argument, NULL, 'f' },
		{ "static", required_argument, NULL, 'S' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *schema_path = NULL;
	struct xmldoc_schema *schema = NULL;
	struct tool_files files = { NULL, 0, 0 };
	const char **statics = NULL;
	size_t static_count = 0;
	int unreadable = 0, invalid = 0, status = TOOL_OK;
	int c;
	size_t i;

	while ((c = getopt_long(argc, argv, "s:f:S:qh", options, NULL)) != -1) {
		switch (c) {
		case 's':
			schema_path = optarg;
			break;
		case 'S':
			statics = xrealloc(statics, (static_count + 1) * sizeof *statics);
			statics[static_count++] = optarg;
			break;
		case 'f':
			if (tool_files_add_list(&files, optarg, &ctx->diag) != 0)
				status = TOOL_USAGE;
			break;
		case 'q':
			ctx->quiet = 1;
			break;
		case 'h':
			status = tool_print_help(ctx, help);
			goto done;
		default:
			status = tool_option_error(ctx);
			goto done;
		}
	}
	if (tool_files_add_args(&files, argv + optind, argc - optind, &ctx->diag) != 0)
		status = TOOL_USAGE;
	if (status != TOOL_OK)
		goto done;
	if (!schema_path) {
		status = tool_usage_error(ctx, "no schema given (--schema=FILE)");
		goto done;
	}
	if (files.count == 0) {
		status = tool_usage_error(ctx, "no document given");
		goto done;
	}

	schema = xmldoc_schema_load(schema_path, &ctx->diag);
	if (!schema) {
		status = TOOL_USAGE;
		goto done;
	}
	for (i = 0; i < files.count; i++) {
		xmlDocPtr doc = xmldoc_read_file(files.paths[i], &ctx->diag);

		if (!doc) {
			unreadable++;
			continue;
		}
		if (xmldoc_validate(schema, doc, &ctx->diag) != 0 ||
		    xmldoc_check_static(doc, statics, static_count, &ctx->diag) != 0)
			invalid++;
		else if (!ctx->quiet)
			printf("%s: valid\n", files.paths[i]);
		xmlFreeDoc(doc);
	}
	status = unreadable ? TOOL_USAGE : invalid ? TOOL_PROBLEMS : TOOL_OK;
done:
	free(statics);
	xmldoc_schema_free(schema);
	tool_files_release(&files);
	return status;
}
