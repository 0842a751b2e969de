/*
 * traduki check: report the completeness and quality of PO catalogs.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>

#include "tool.h"

static const char help[] = "Usage: traduki check [--format=FORMAT] PO...\n"
                           "\n"
                           "Report the completeness and quality of PO catalogs.\n"
                           "\n"
                           "This command is not available in this version yet.\n"
                           "\n"
                           "  -h, --help  show this help and exit\n";

int cmd_check(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "+h", options, NULL)) != -1) {
		if (c == 'h')
			return tool_print_help(ctx, help);
		return tool_option_error(ctx);
	}
	return tool_not_implemented(ctx);
}
