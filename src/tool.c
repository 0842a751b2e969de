/*
 * The traduki tool: global options, the subcommand table, diagnostics on
 * standard error, and the final check that standard output was written.
 */
#include <config.h>

#include "tool.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "lib/atomic.h"
#include "lib/buf.h"
#include "lib/file.h"
#include "lib/mem.h"
#include "lib/segment.h"
#include "lib/uni.h"
#include "lib/xmldoc.h"

/* Adding a subcommand is one file (src/cmd-NAME.c) and one row here. */
static const struct tool_command commands[] = {
	{ "extract", cmd_extract, "extract translatable text from XML into a POT template" },
	{ "merge", cmd_merge, "update a PO catalog from a new template" },
	{ "check", cmd_check, "report translation completeness and quality" },
	{ "build", cmd_build, "write localized XML and the multilingual site" },
	{ "its", cmd_its, "print ITS 2.0 data-category values (W3C test-suite format)" },
	{ "validate", cmd_validate, "check XML documents against a RELAX NG schema" },
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void print_diag(const struct diag_message *msg, void *data)
{
	struct tool_ctx *ctx = data;

	if (msg->severity == DIAG_NOTE && ctx->quiet)
		return;
	/* Flush our own output first so the two streams interleave sensibly. */
	fflush(stdout);
	tool_progress_end(ctx);
	if (msg->file) {
		fputs(msg->file, stderr);
		if (msg->line) {
			fprintf(stderr, ":%ld", msg->line);
			if (msg->column)
				fprintf(stderr, ":%ld", msg->column);
		}
		fputs(": ", stderr);
	} else if (ctx->command) {
		fprintf(stderr, "%s %s: ", ctx->progname, ctx->command);
	} else {
		fprintf(stderr, "%s: ", ctx->progname);
	}
	fprintf(stderr, "%s: ", diag_severity_name(msg->severity));
	if (msg->id)
		fprintf(stderr, "[%s] ", msg->id);
	fprintf(stderr, "%s\n", msg->text);
}

static void print_usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "Usage: traduki [--help] [--version] COMMAND [ARGS...]\n"
	            "\n"
	            "Translate structured XML content with gettext PO files, following\n"
	            "the W3C Internationalization Tag Set (ITS) 2.0.\n"
	            "\n"
	            "Commands:\n");
	for (i = 0; i < COMMAND_COUNT; i++)
		fprintf(fp, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(fp,
	        "\n"
	        "Options:\n"
	        "  -h, --help     show this help and exit\n"
	        "  -V, --version  show version information and exit\n"
	        "\n"
	        "Run 'traduki help COMMAND' or 'traduki COMMAND --help' for a command's options.\n"
	        "\n"
	        "Exit status: 0 success, 1 problems found, 2 usage or input error,\n"
	        "3 internal error.\n");
}

static void print_version(void)
{
	printf("traduki %s\n"
	       "Copyright (C) 2026 The traduki authors.\n"
	       "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	       "This is free software: you are free to change and redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law.\n",
	       PACKAGE_VERSION);
}

static const struct tool_command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int tool_usage_error(struct tool_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (ctx->command)
		fprintf(stderr, "%s %s: ", ctx->progname, ctx->command);
	else
		fprintf(stderr, "%s: ", ctx->progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (ctx->command)
		fprintf(stderr, "\nTry '%s %s --help' for more information.\n", ctx->progname,
		        ctx->command);
	else
		fprintf(stderr, "\nTry '%s --help' for more information.\n", ctx->progname);
	return TOOL_USAGE;
}

int tool_option_error(struct tool_ctx *ctx)
{
	/* getopt has already said what was wrong. */
	fprintf(stderr, "Try '%s %s --help' for more information.\n", ctx->progname, ctx->command);
	return TOOL_USAGE;
}

int tool_print_help(struct tool_ctx *ctx, const char *help)
{
	(void)ctx;
	fputs(help, stdout);
	return TOOL_OK;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void tool_progress_auto(struct tool_ctx *ctx)
{
	const char *ci = getenv("CI");

	if (ctx->progress < 0)
		ctx->progress = !ctx->quiet && isatty(STDERR_FILENO) &&
		                (!ci || !*ci || strcmp(ci, "false") == 0 || strcmp(ci, "0") == 0);
	ctx->progress_last = now();
}

void tool_progress(struct tool_ctx *ctx, const char *label, size_t done, size_t total,
                   const char *unit)
{
	double t;

	if (ctx->progress != 1)
		return;
	/* A short run shows nothing: the first line waits half a second. */
	t = now();
	if (!ctx->progress_shown && (done >= total || t - ctx->progress_last < 0.5))
		return;
	if (done < total && t - ctx->progress_last < 0.1)
		return;
	ctx->progress_last = t;
	ctx->progress_shown = 1;
	/* \033[K: the rest of the line is cleared, a shorter line leaves nothing behind. */
	fprintf(stderr, "\r[%s] %zu/%zu %s\033[K", label, done, total, unit);
	fflush(stderr);
}

void tool_progress_end(struct tool_ctx *ctx)
{
	if (!ctx->progress_shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	ctx->progress_shown = 0;
}

/* --- Documents named on the command line ------------------------------------ */

static void list_add(struct tool_files *list, const char *path)
{
	xgrow((void **)&list->paths, &list->alloc, list->count + 1, sizeof *list->paths);
	list->paths[list->count++] = xstrdup(path);
}

static int has_xml_suffix(const char *name)
{
	size_t len = strlen(name);

	return len > 4 && strcmp(name + len - 4, ".xml") == 0;
}

/* Adds the *.xml files below the folder DIR, sorted, depth first. */
static int add_folder(struct tool_files *list, const char *dir, struct diag *d)
{
	size_t len = strlen(dir);
	char **names;
	long n = file_names(dir, &names, d), i;
	int rc = 0;

	if (n < 0)
		return -1;
	for (i = 0; i < n; i++) {
		char *path = xmalloc(len + strlen(names[i]) + 2);
		struct stat st;

		sprintf(path, "%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", names[i]);
		/* A link to a folder is not followed: a loop (loop -> ..)
		 * would list the same files forever. */
		if (lstat(path, &st) != 0)
			memset(&st, 0, sizeof st);
		if (S_ISDIR(st.st_mode))
			rc |= add_folder(list, path, d);
		else if (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			diag_report(d, DIAG_WARNING, path, 0, 0,
			            "a symbolic link to a folder: not followed");
		else if (has_xml_suffix(names[i]))
			list_add(list, path);
		free(path);
	}
	file_names_free(names, n);
	return rc;
}

int tool_files_add(struct tool_files *list, const char *path, struct diag *d)
{
	struct stat st;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return add_folder(list, path, d);
	list_add(list, path);
	return 0;
}

void tool_rules_add(struct tool_rules *tr, const char *path)
{
	xgrow((void **)&tr->paths, &tr->alloc, tr->count + 1, sizeof *tr->paths);
	tr->paths[tr->count++] = xstrdup(path);
}

/* The digest of the rules files by name and bytes; -1 if one cannot be read. */
static int digest_rules(const struct tool_rules *tr, struct cache *cache, struct digest *dg)
{
	struct digest_state s;
	struct digest file;
	size_t i;

	digest_init(&s);
	for (i = 0; i < tr->count; i++) {
		if (cache_file(cache, tr->paths[i], &file) != 0)
			return -1;
		digest_add_str(&s, tr->paths[i]);
		digest_add_digest(&s, &file);
	}
	*dg = digest_final(&s);
	return 0;
}

int tool_rules_load(struct tool_rules *tr, struct its_rules *rules, struct cache *cache,
                    struct diag *d)
{
	unsigned long before = xmldoc_files_read();
	size_t i;
	int rc = 0;

	tr->cacheable = cache && digest_rules(tr, cache, &tr->digest) == 0;
	for (i = 0; i < tr->count; i++)
		if (its_rules_load(rules, tr->paths[i], d) != 0)
			rc = -1;
	if (xmldoc_files_read() - before != tr->count)
		tr->cacheable = 0;
	return rc;
}

int tool_rules_unchanged(const struct tool_rules *tr, struct cache *cache)
{
	struct digest now;

	return tr->cacheable && digest_rules(tr, cache, &now) == 0 &&
	       digest_equal(&now, &tr->digest);
}

void tool_rules_release(struct tool_rules *tr)
{
	size_t i;

	for (i = 0; i < tr->count; i++)
		free(tr->paths[i]);
	free(tr->paths);
	memset(tr, 0, sizeof *tr);
}

int tool_files_add_args(struct tool_files *list, char **args, int count, struct diag *d)
{
	int i, rc = 0;

	for (i = 0; i < count; i++)
		if (tool_files_add(list, args[i], d) != 0)
			rc = -1;
	return rc;
}

/* Adds the documents named in the file LIST, one a line. */
int tool_files_add_list(struct tool_files *list, const char *path, struct diag *d)
{
	struct buf text = BUF_INIT;
	char *line, *next;
	int rc = 0;

	if (file_read(path, FILE_MAX_CATALOG, &text, d) != 0) {
		buf_release(&text);
		return -1;
	}
	for (line = text.data; line && *line; line = next) {
		size_t len;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		len = strlen(line);
		while (len > 0 &&
		       (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		if (*line == '\0' || *line == '#')
			continue;
		rc |= tool_files_add(list, line, d);
	}
	buf_release(&text);
	return rc;
}

void tool_files_release(struct tool_files *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		free(list->paths[i]);
	free(list->paths);
	list->paths = NULL;
	list->count = list->alloc = 0;
}

int tool_option(struct tool_ctx *ctx, int c, struct tool_options *opts, const char *help,
                int *status)
{
	switch (c) {
	case 'q':
		ctx->quiet = 1;
		return 0;
	case 'o':
		opts->output = optarg;
		return 0;
	case 'f':
		/* The other options are still read: one run reports every problem. */
		if (tool_files_add_list(&opts->files, optarg, &ctx->diag) != 0)
			opts->status = TOOL_USAGE;
		return 0;
	case TOOL_OPT_PROGRESS:
	case TOOL_OPT_NO_PROGRESS:
		ctx->progress = c == TOOL_OPT_PROGRESS;
		return 0;
	case 'h':
		*status = tool_print_help(ctx, help);
		return -1;
	default:
		*status = tool_option_error(ctx);
		return -1;
	}
}

int tool_options_operands(struct tool_options *opts, int argc, char **argv, struct diag *d)
{
	if (tool_files_add_args(&opts->files, argv + optind, argc - optind, d) != 0)
		opts->status = TOOL_USAGE;
	return opts->status;
}

void tool_options_release(struct tool_options *opts)
{
	tool_files_release(&opts->files);
}

/*
 * Standard output is buffered: a full disk shows only when it is flushed.
 * Check it once at the end, as GNU tools do, so that "traduki ... >/dev/full"
 * fails loudly instead of losing output silently.
 */
static int close_stdout(struct tool_ctx *ctx, int status)
{
	int failed = fflush(stdout) != 0 || ferror(stdout);
	int saved_errno = errno;

	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		saved_errno = errno;
	}
	if (failed) {
		fprintf(stderr, "%s: error: write error on standard output: %s\n", ctx->progname,
		        strerror(saved_errno));
		if (status == TOOL_OK || status == TOOL_PROBLEMS)
			status = TOOL_USAGE;
	}
	return status;
}

static int run_command(struct tool_ctx *ctx, const struct tool_command *cmd, int argc, char **argv)
{
	char name[64];
	char *saved = argv[0];
	int status;

	/* getopt names the program after argv[0]: make it "traduki CMD". */
	snprintf(name, sizeof name, "%s %s", ctx->progname, cmd->name);
	argv[0] = name;
	ctx->command = cmd->name;
	optind = 0; /* GNU getopt: start afresh for the subcommand */
	opterr = 1;
	status = cmd->run(argc, argv, ctx);
	/* An error printed is never a success: whatever a command missed,
	 * the exit status says what standard error said. */
	if (status == TOOL_OK && diag_count(&ctx->diag, DIAG_ERROR) > 0)
		status = TOOL_PROBLEMS;
	argv[0] = saved;
	return status;
}

/* "traduki help [COMMAND]" */
static int run_help(struct tool_ctx *ctx, int argc, char **argv)
{
	const struct tool_command *cmd;
	char *help_argv[3];

	if (argc < 2) {
		print_usage(stdout);
		return TOOL_OK;
	}
	if (argc > 2)
		return tool_usage_error(ctx, "help takes one command name");
	cmd = find_command(argv[1]);
	if (!cmd)
		return tool_usage_error(ctx, "'%s' is not a traduki command", argv[1]);
	help_argv[0] = argv[1];
	help_argv[1] = "--help";
	help_argv[2] = NULL;
	return run_command(ctx, cmd, 2, help_argv);
}

static int dispatch(struct tool_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const struct tool_command *cmd;
	int c;

	/* "+": stop at the first non-option, the subcommand. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_usage(stdout);
			return TOOL_OK;
		case 'V':
			print_version();
			return TOOL_OK;
		default:
			if (optopt)
				return tool_usage_error(ctx, "unknown option '-%c'", optopt);
			return tool_usage_error(ctx, "unknown option '%s'", argv[optind - 1]);
		}
	}
	opterr = 1;
	if (optind >= argc) {
		print_usage(stderr);
		return TOOL_USAGE;
	}
	argc -= optind;
	argv += optind;
	if (strcmp(argv[0], "help") == 0)
		return run_help(ctx, argc, argv);
	cmd = find_command(argv[0]);
	if (!cmd)
		return tool_usage_error(ctx, "'%s' is not a traduki command", argv[0]);
	return run_command(ctx, cmd, argc, argv);
}

/*
 * An interrupt (^C, make stopped) or a termination ends the program as
 * it would have, but first removes the temporary files being written:
 * an interrupted run leaves no output half written, nor a stray file.
 */
static void on_fatal_signal(int sig)
{
	atomic_remove_temporaries();
	raise(sig); /* the handler was reset: the default action ends the program */
}

static void catch_fatal_signals(void)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof signals / sizeof signals[0]; i++) {
		struct sigaction old;

		/* A signal ignored by whoever started us (nohup) stays ignored. */
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(signals[i], &sa, NULL);
	}
}

/*
 * What the engine and its libraries keep for the whole process (a message
 * parser, ICU's break iterators and formatters, libxslt's and libxml2's
 * globals), given back once, after the command: a leak checker then sees
 * only what a command really lost.
 */
static void cleanup_engine(void)
{
	segment_cleanup();
	uni_cleanup();
	xsltCleanupGlobals();
	xmlCleanupParser();
}

/*
 * Standard output's buffer, given before anything is allocated: stdio
 * would otherwise allocate it at the first printf, which may come after a
 * large model was freed, and glibc consolidates every freed small block
 * before such a request: a quarter of a second at 10,000 articles.
 */
static char stdout_buffer[BUFSIZ];

int tool_main(int argc, char **argv)
{
	struct tool_ctx ctx;
	int status;

	setvbuf(stdout, stdout_buffer, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF,
	        sizeof stdout_buffer);
	memset(&ctx, 0, sizeof ctx);
	ctx.progname = "traduki";
	ctx.progress = -1;
	diag_init(&ctx.diag, print_diag, &ctx);

	LIBXML_TEST_VERSION;
	catch_fatal_signals();
	status = dispatch(&ctx, argc, argv);
	status = close_stdout(&ctx, status);
	cleanup_engine();
	return status;
}
