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
    "folder stands for the *.xml files below it, in sorted order.\n"
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
		TOOL_OPTION_FILES_FROM,
		{ "static", required_argument, NULL, 'S' },
		TOOL_OPTION_QUIET,
		TOOL_OPTION_HELP_END,
	};
	const char *schema_path = NULL;
	struct xmldoc_schema *schema = NULL;
	struct tool_options opts = { NULL, { NULL, 0, 0 }, TOOL_OK };
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
		default:
			if (tool_option(ctx, c, &opts, help, &status) != 0)
				goto done;
		}
	}
	if ((status = tool_options_operands(&opts, argc, argv, &ctx->diag)) != TOOL_OK)
		goto done;
	if (!schema_path) {
		status = tool_usage_error(ctx, "no schema given (--schema=FILE)");
		goto done;
	}
	if (opts.files.count == 0) {
		status = tool_usage_error(ctx, "no document given");
		goto done;
	}

	schema = xmldoc_schema_load(schema_path, &ctx->diag);
	if (!schema) {
		status = TOOL_USAGE;
		goto done;
	}
	for (i = 0; i < opts.files.count; i++) {
		xmlDocPtr doc = xmldoc_read_file(opts.files.paths[i], &ctx->diag);

		if (!doc) {
			unreadable++;
			continue;
		}
		if (xmldoc_validate(schema, doc, &ctx->diag) != 0 ||
		    xmldoc_check_static(doc, statics, static_count, &ctx->diag) != 0)
			invalid++;
		else if (!ctx->quiet)
			printf("%s: valid\n", opts.files.paths[i]);
		xmlFreeDoc(doc);
	}
	status = unreadable ? TOOL_USAGE : invalid ? TOOL_PROBLEMS : TOOL_OK;
done:
	free(statics);
	xmldoc_schema_free(schema);
	tool_options_release(&opts);
	return status;
}
