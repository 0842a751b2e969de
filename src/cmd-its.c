/*
 * traduki its: print the ITS 2.0 value of one data category for every
 * element and attribute, in the W3C ITS 2.0 test suite's output format.
 * The values come from the engine that extraction uses (src/lib/its.c).
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/buf.h"
#include "lib/its.h"
#include "lib/xmldoc.h"
#include "tool.h"

static const char help[] =
    "Usage: traduki its --category=CATEGORY [--its=RULES]... FILE...\n"
    "\n"
    "Print the ITS 2.0 value of one data category for every element and\n"
    "attribute of each XML FILE, one line per node, in the output format of\n"
    "the W3C ITS 2.0 test suite: the node's path, then TAB-separated\n"
    "NAME=\"VALUE\" fields.\n"
    "\n"
    "CATEGORY is one of translate, localizationnote, elementswithintext,\n"
    "preservespace, languageinformation, idvalue, localefilter, terminology.\n"
    "\n"
    "  -c, --category=CATEGORY  the data category to print\n"
    "  -i, --its=FILE           global ITS rules applied before the document's\n"
    "                           own (repeatable)\n"
    "  -h, --help               show this help and exit\n"
    "\n"
    "Exit status: 0 on success, 2 on a usage error or an unreadable or\n"
    "malformed document or rules file.\n";

int cmd_its(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "category", required_argument, NULL, 'c' },
		{ "its", required_argument, NULL, 'i' },
		TOOL_OPTION_HELP_END,
	};
	struct tool_options opts = { NULL, { NULL, 0, 0 }, TOOL_OK };
	const char *category_name = NULL;
	enum its_category category = ITS_TRANSLATE;
	struct its_rules *rules;
	int c, i, status = TOOL_OK;

	rules = its_rules_new();
	while ((c = getopt_long(argc, argv, "c:i:h", options, NULL)) != -1) {
		switch (c) {
		case 'c':
			category_name = optarg;
			break;
		case 'i':
			if (its_rules_load(rules, optarg, &ctx->diag) != 0) {
				its_rules_free(rules);
				return TOOL_USAGE;
			}
			break;
		default:
			if (tool_option(ctx, c, &opts, help, &status) != 0) {
				its_rules_free(rules);
				return status;
			}
		}
	}
	if (!category_name || its_category_parse(category_name, &category) != 0) {
		its_rules_free(rules);
		if (!category_name)
			return tool_usage_error(ctx, "no category given (--category=CATEGORY)");
		return tool_usage_error(ctx, "unknown category '%s'", category_name);
	}
	if (optind >= argc) {
		its_rules_free(rules);
		return tool_usage_error(ctx, "no document given");
	}

	for (i = optind; i < argc; i++) {
		xmlDocPtr doc = xmldoc_read_file(argv[i], &ctx->diag);
		struct its_doc *its;
		struct buf out = BUF_INIT;

		if (!doc) {
			status = TOOL_USAGE;
			continue;
		}
		its = its_doc_new(rules, doc, &ctx->diag);
		if (its) {
			its_report(its, category, &out);
			fwrite(buf_str(&out), 1, out.len, stdout);
			its_doc_free(its);
		} else {
			status = TOOL_USAGE;
		}
		buf_release(&out);
		xmlFreeDoc(doc);
	}
	its_rules_free(rules);
	return status;
}
