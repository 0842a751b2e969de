/*
 * traduki validate: check XML documents against a RELAX NG schema, with
 * the same diagnostics as every other command, so editors see
 * "content/fr/x.xml:12: error: ..." before a translation run does.
 */
#include <config.h>

#include <getopt.h>
#include <libxml/tree.h>
#include <stdio.h>

#include "lib/xmldoc.h"
#include "tool.h"

static const char help[] =
    "Usage: traduki validate --schema=SCHEMA.rng FILE...\n"
    "\n"
    "Check that each XML FILE is well-formed and valid against the RELAX NG\n"
    "schema SCHEMA.rng (for the news articles: content/article.rng).\n"
    "\n"
    "  -s, --schema=FILE  the RELAX NG schema (XML syntax)\n"
    "  -q, --quiet        print nothing for valid documents\n"
    "  -h, --help         show this help and exit\n"
    "\n"
    "Exit status: 0 when every document is valid, 1 when one is not valid,\n"
    "2 when one cannot be read or is not well-formed XML.\n";

int cmd_validate(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *schema_path = NULL;
	struct xmldoc_schema *schema;
	int unreadable = 0, invalid = 0;
	int c, i;

	while ((c = getopt_long(argc, argv, "s:qh", options, NULL)) != -1) {
		switch (c) {
		case 's':
			schema_path = optarg;
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
	if (!schema_path)
		return tool_usage_error(ctx, "no schema given (--schema=FILE)");
	if (optind >= argc)
		return tool_usage_error(ctx, "no document given");

	schema = xmldoc_schema_load(schema_path, &ctx->diag);
	if (!schema)
		return TOOL_USAGE;
	for (i = optind; i < argc; i++) {
		xmlDocPtr doc = xmldoc_read_file(argv[i], &ctx->diag);

		if (!doc) {
			unreadable++;
			continue;
		}
		if (xmldoc_validate(schema, doc, &ctx->diag) != 0)
			invalid++;
		else if (!ctx->quiet)
			printf("%s: valid\n", argv[i]);
		xmlFreeDoc(doc);
	}
	xmldoc_schema_free(schema);
	if (unreadable)
		return TOOL_USAGE;
	return invalid ? TOOL_PROBLEMS : TOOL_OK;
}
