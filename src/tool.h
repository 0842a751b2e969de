/*
 * The traduki command-line tool: subcommand table, global options, output
 * of diagnostics, exit codes.  The engine (src/lib/) knows none of this.
 */
#ifndef TRADUKI_TOOL_H
#define TRADUKI_TOOL_H

#include "lib/diag.h"

/* Exit codes, the same for every subcommand. */
enum tool_exit {
	TOOL_OK = 0, /* success */
	TOOL_PROBLEMS = 1, /* problems found: failed checks, coverage below a gate */
	TOOL_USAGE = 2, /* usage or input error: bad option, bad XML or PO, unreadable file */
	TOOL_INTERNAL = 3 /* internal error, or a command not available */
};

struct tool_ctx {
	const char *progname; /* "traduki" */
	const char *command; /* the subcommand being run, or NULL */
	struct diag diag; /* prints to standard error */
	int quiet; /* -q: no notes, only warnings and errors */
};

typedef int tool_command_fn(int argc, char **argv, struct tool_ctx *ctx);

struct tool_command {
	const char *name;
	tool_command_fn *run;
	const char *summary;
};

/* The whole tool: main() is one call to this, so tests and fuzzers can run it. */
int tool_main(int argc, char **argv);

/*
 * Reports a usage error for the current command ("traduki extract: FMT"),
 * points to --help, and returns TOOL_USAGE.
 */
int tool_usage_error(struct tool_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* After getopt reported a bad option: points to --help, returns TOOL_USAGE. */
int tool_option_error(struct tool_ctx *ctx);

/*
 * Prints HELP (a command's --help text) to standard output and returns the
 * exit code: TOOL_OK, or TOOL_USAGE if standard output cannot be written.
 */
int tool_print_help(struct tool_ctx *ctx, const char *help);

/* For a command whose engine is not there yet: says so, returns TOOL_INTERNAL. */
int tool_not_implemented(struct tool_ctx *ctx);

/* The exit code for a run that reported through ctx->diag: 2 if errors, else 0. */
int tool_status(const struct tool_ctx *ctx);

tool_command_fn cmd_extract;
tool_command_fn cmd_merge;
tool_command_fn cmd_check;
tool_command_fn cmd_build;
tool_command_fn cmd_its;
tool_command_fn cmd_validate;

#endif
