/*
 * The traduki command-line tool: subcommand table, global options, output
 * of diagnostics, exit codes.  The engine (src/lib/) knows none of this.
 */
#ifndef TRADUKI_TOOL_H
#define TRADUKI_TOOL_H

#include <getopt.h>
#include <stddef.h>

#include "lib/cache.h"
#include "lib/diag.h"
#include "lib/digest.h"
#include "lib/its.h"

/* Exit codes, the same for every subcommand. */
enum tool_exit {
	TOOL_OK = 0, /* success */
	TOOL_PROBLEMS = 1, /* problems found: failed checks, coverage below a gate */
	TOOL_USAGE = 2, /* usage or input error: bad option, bad XML or PO, unreadable file */
	TOOL_INTERNAL = 3 /* internal error */
};

struct tool_ctx {
	const char *progname; /* "traduki" */
	const char *command; /* the subcommand being run, or NULL */
	struct diag diag; /* prints to standard error */
	int quiet; /* -q: no notes, only warnings and errors */
	/* A progress line on standard error: -1 not decided (tool_progress_auto), 0 no, 1 yes. */
	int progress;
	int progress_shown; /* a progress line is on the terminal now */
	double progress_last; /* when it was last drawn (seconds, monotonic clock) */
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
 * Prints HELP (a command's --help text) to standard output and returns
 * TOOL_OK: a write error shows when tool_main checks standard output at
 * the end, which then makes the exit status TOOL_USAGE.
 */
int tool_print_help(struct tool_ctx *ctx, const char *help);

/*
 * Progress of a long run, as "\r[LABEL] DONE/TOTAL UNIT" on standard
 * error: first after half a second (a short run shows nothing), then at
 * most ten times a second, and when DONE reaches TOTAL.
 * Only when ctx->progress is 1: tool_progress_auto sets it when standard
 * error is a terminal, CI is not set in the environment (or is "false")
 * and -q was not given.  A diagnostic printed meanwhile clears the line
 * first; tool_progress_end clears it for good.
 */
void tool_progress_auto(struct tool_ctx *ctx);
void tool_progress(struct tool_ctx *ctx, const char *label, size_t done, size_t total,
                   const char *unit);
void tool_progress_end(struct tool_ctx *ctx);

/*
 * The documents a command works on: each FILE named, and for a DIR the
 * *.xml files below it, in sorted order, depth first ("content/fr").
 * tool_files_add_list reads the names from the file LIST ('-': standard
 * input), one a line, '#' starting a comment, so that a hundred thousand
 * articles need no command line that long.  tool_files_add_args adds
 * the COUNT operands at ARGS (what getopt left).  All return 0, or -1
 * after reporting an unreadable folder or list.
 */
struct tool_files {
	char **paths;
	size_t count, alloc;
};

int tool_files_add(struct tool_files *files, const char *path, struct diag *d);
int tool_files_add_list(struct tool_files *files, const char *list, struct diag *d);
int tool_files_add_args(struct tool_files *files, char **args, int count, struct diag *d);
void tool_files_release(struct tool_files *files);

/*
 * The options several commands share, with one meaning everywhere: -q
 * (--quiet), -o FILE (--output; merge says --output-file), -f LIST
 * (--files-from), --progress and --no-progress, -h (--help).  A command
 * puts the rows it takes in its own table of long options, and its one
 * getopt loop hands every option it does not read itself to tool_option,
 * which stores it in a struct tool_options (or in CTX for -q and the
 * progress line).  tool_options_operands then adds the operands that
 * getopt left to the documents read with -f.
 */
enum { TOOL_OPT_PROGRESS = 1024, TOOL_OPT_NO_PROGRESS };

/* Each is one row, or two, of a table of long options. */
/* clang-format off */
#define TOOL_OPTION_QUIET { "quiet", no_argument, NULL, 'q' }
#define TOOL_OPTION_OUTPUT { "output", required_argument, NULL, 'o' }
#define TOOL_OPTION_FILES_FROM { "files-from", required_argument, NULL, 'f' }
#define TOOL_OPTION_PROGRESS { "progress", no_argument, NULL, TOOL_OPT_PROGRESS }, \
	{ "no-progress", no_argument, NULL, TOOL_OPT_NO_PROGRESS }
/* The last rows of every table: --help, then the end. */
#define TOOL_OPTION_HELP_END { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
/* clang-format on */

struct tool_options {
	const char *output; /* -o, or what the command set before parsing */
	struct tool_files files; /* the documents: -f LIST, then the operands */
	int status; /* TOOL_USAGE once a list or a folder could not be read */
};

/*
 * Reads the shared option C (optarg its argument) into OPTS or CTX.
 * Returns 0 to go on parsing, or -1 to stop with *STATUS: after -h
 * (HELP printed), or when C is no option the command takes (getopt
 * said which).
 */
int tool_option(struct tool_ctx *ctx, int c, struct tool_options *opts, const char *help,
                int *status);

/* Adds the operands ARGV[optind..ARGC-1] to OPTS->files; returns OPTS->status. */
int tool_options_operands(struct tool_options *opts, int argc, char **argv, struct diag *d);
void tool_options_release(struct tool_options *opts);

/*
 * The ITS rules files given with --its, read once the options are parsed
 * (tool_rules_load).  For a command with a cache (lib/cache.h) they are
 * digested first, by name and bytes, and tool_rules_unchanged says after
 * the run whether they still have that digest: records are kept only
 * then, and only when reading them read no other file (a linked rules
 * file, which the digest would not cover).
 */
struct tool_rules {
	char **paths;
	size_t count, alloc;
	struct digest digest;
	int cacheable; /* DIGEST holds, and no other file was read */
};
void tool_rules_add(struct tool_rules *tr, const char *path);
/* Loads every file into RULES; 0, or -1 after reporting. CACHE may be NULL. */
int tool_rules_load(struct tool_rules *tr, struct its_rules *rules, struct cache *cache,
                    struct diag *d);
int tool_rules_unchanged(const struct tool_rules *tr, struct cache *cache);
void tool_rules_release(struct tool_rules *tr);

tool_command_fn cmd_extract;
tool_command_fn cmd_merge;
tool_command_fn cmd_check;
tool_command_fn cmd_build;
tool_command_fn cmd_its;
tool_command_fn cmd_validate;

#endif
