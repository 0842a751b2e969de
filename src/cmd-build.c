/*
 * traduki build: write localized XML documents and the multilingual site.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>

#include "tool.h"

static const char help[] = "Usage: traduki build --lang=LL --po=PO --its=RULES -o DIR FILE...\n"
                           "\n"
                           "Write localized XML documents and the multilingual site.\n"
                           "\n"
                           "This command is not available in this version yet.\n"
                           "\n"
                           "  -h, --help  show this help and exit\n";

int cmd_build(int argc, char **argv, struct tool_ctx *ctx)
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
