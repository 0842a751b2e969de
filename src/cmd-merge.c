/*
 * traduki merge: update a PO catalog from a new template, as msgmerge
 * does.  The merge itself is src/lib/merge.c; this file owns the command
 * line, the lock and backup of -U, and the summary.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/atomic.h"
#include "lib/buf.h"
#include "lib/cache.h"
#include "lib/catalog.h"
#include "lib/file.h"
#include "lib/merge.h"
#include "lib/uni.h"
#include "tool.h"

static const char help[] =
    "Usage: traduki merge [OPTION...] -o OUT.po DEF.po REF.pot\n"
    "       traduki merge [OPTION...] -U DEF.po REF.pot\n"
    "\n"
    "Bring the translator's catalog DEF.po in step with the template REF.pot,\n"
    "as msgmerge does: translations of unchanged messages are kept, changed\n"
    "messages get the translation of the most similar old message marked\n"
    "fuzzy, and old messages that nothing uses become obsolete (#~) entries.\n"
    "A translation is never lost, and a new catalog is never filled with\n"
    "the source text.  See doc/merge.md.\n"
    "\n"
    "  -o, --output-file=FILE   write the result to FILE ('-': standard output)\n"
    "  -U, --update             update DEF.po in place (under a lock; the file\n"
    "                           is left untouched when nothing changes)\n"
    "      --backup=CONTROL     with -U: 'simple' keeps the old file as DEF.po~,\n"
    "                           'none' (the default) keeps no backup\n"
    "      --previous           keep the previous msgctxt and msgid (#|) of\n"
    "                           fuzzy entries\n"
    "  -N, --no-fuzzy-matching  no fuzzy matching: changed messages start\n"
    "                           untranslated\n"
    "      --lang=LL            set the Language header field (and, with\n"
    "                           --create, the plural forms)\n"
    "      --create             when DEF.po does not exist, start from an empty\n"
    "                           catalog for --lang (its header as msginit\n"
    "                           writes it, every translation empty)\n"
    "      --source-lang=LL     language of the msgids, for sentence breaks\n"
    "                           (default: the template's X-Source-Language, or fr)\n"
    "  -c, --cache=FILE         keep in FILE which entries of the two files\n"
    "                           proved exact when read, so that the next merge\n"
    "                           reads only the entries that changed with care\n"
    "  -q, --quiet, --silent    print no summary\n"
    "  -h, --help               show this help and exit\n"
    "\n"
    "Exit status: 0 on success, 2 on a usage or input error.\n";

enum { OPT_PREVIOUS = 256, OPT_LANG, OPT_CREATE, OPT_BACKUP, OPT_SOURCE_LANG };

struct merge_cmd {
	const char *output;
	int update;
	int backup;
	int create;
	const char *cache; /* or NULL */
	struct merge_options opt;
};

/*
 * Takes an exclusive advisory lock on PATH for -U and returns its open
 * descriptor, or -1 after reporting.  Writers replace the file by rename,
 * so a lock may be granted on a file that is already gone: then the new
 * file at PATH is locked instead.  With CREATE, a missing PATH is created
 * empty (and read as "no catalog yet").
 */
static int lock_catalog(const char *path, int create, struct diag *d)
{
	for (;;) {
		struct stat held, now;
		int fd =
		    open(path, O_RDWR | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (create ? O_CREAT : 0),
		         0666);

		if (fd < 0)
			return diag_errno(d, path, "cannot open");
		/* A catalog updated in place is a regular file: a device or a
		 * pipe would be read forever, or wait for a writer. */
		memset(&held, 0, sizeof held);
		if (fstat(fd, &held) != 0 || !S_ISREG(held.st_mode)) {
			close(fd);
			return diag_error(d, path, 0, 0, "cannot update: %s, not a regular file",
			                  file_kind(&held));
		}
		if (flock(fd, LOCK_EX) != 0) {
			diag_errno(d, path, "cannot lock");
			close(fd);
			return -1;
		}
		if (fstat(fd, &held) == 0 && stat(path, &now) == 0 && held.st_dev == now.st_dev &&
		    held.st_ino == now.st_ino)
			return fd;
		close(fd);
	}
}

/* Writes TEXT to PATH, with the permissions of MODEL (see atomic_open_as). */
static int write_bytes(const char *path, const char *model, const struct buf *text, struct diag *d)
{
	struct atomic_file af;
	FILE *fp = atomic_open_as(&af, path, model, ATOMIC_KEEP_SAME, d);

	if (!fp)
		return -1;
	fwrite(buf_str(text), 1, text->len, fp);
	return atomic_commit(&af, d);
}

/* Copies the file at FROM to TO (atomically, with FROM's permissions), a
 * chunk at a time. */
static int copy_file(const char *from, const char *to, struct diag *d)
{
	struct atomic_file af;
	FILE *in = fopen(from, "rb"), *out;
	char chunk[65536];
	size_t n;

	if (!in)
		return diag_errno(d, from, "cannot read");
	out = atomic_open_as(&af, to, from, ATOMIC_KEEP_SAME, d);
	if (!out) {
		fclose(in);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		fwrite(chunk, 1, n, out);
	if (ferror(in)) {
		diag_errno(d, from, "cannot read");
		fclose(in);
		atomic_abort(&af);
		return -1;
	}
	fclose(in);
	return atomic_commit(&af, d);
}

/*
 * -U: replaces DEF (OLD_LEN bytes when read, unchanged since: it is
 * locked) by CAT, unless they are equal.  The old bytes are compared and
 * backed up from the file, not kept in memory meanwhile.
 */
static int update_in_place(const struct merge_cmd *mc, const char *path, size_t old_len,
                           struct catalog *cat, struct diag *d)
{
	struct buf text = BUF_INIT;
	int rc = 0;

	if (catalog_render(cat, catalog_name(cat), &text, d) != 0) {
		buf_release(&text);
		return -1;
	}
	if (text.len == old_len && atomic_holds(path, buf_str(&text), text.len)) {
		/* Up to date: only what an interrupted run left goes. */
		atomic_sweep(path);
		buf_release(&text);
		return 0;
	}
	if (mc->backup && old_len) {
		struct buf name = BUF_INIT;

		buf_addf(&name, "%s~", path);
		rc = copy_file(path, buf_str(&name), d);
		buf_release(&name);
	}
	if (rc == 0)
		rc = write_bytes(path, NULL, &text, d);
	buf_release(&text);
	return rc;
}

static int run(struct merge_cmd *mc, const char *def_path, const char *ref_path,
               struct tool_ctx *ctx)
{
	struct diag *d = &ctx->diag;
	struct catalog *ref = NULL, *def = NULL, *out = NULL;
	struct merge_stats st;
	struct buf old = BUF_INIT;
	const char *out_path = mc->update ? def_path : mc->output;
	struct cache *cache = NULL;
	size_t old_len = 0;
	int fd = -1, rc = TOOL_USAGE, missing = 0;

	if (mc->update) {
		fd = lock_catalog(def_path, mc->create, d);
		if (fd < 0)
			return TOOL_USAGE;
		/* The file at DEF_PATH is the one locked: every writer
		 * replaces it under the lock. */
		if (file_read(def_path, FILE_MAX_CATALOG, &old, d) != 0)
			goto done;
		missing = mc->create && old.len == 0;
		old_len = old.len;
	} else if (mc->create && access(def_path, F_OK) != 0 && errno == ENOENT) {
		missing = 1;
	}

	if (mc->cache)
		cache = cache_open(mc->cache);
	ref = catalog_read_cached(ref_path, 0, cache, d);
	if (!ref)
		goto done;
	if (missing) {
		def = merge_new_catalog(ref, mc->opt.lang, def_path);
		if (!uni_plural_forms(mc->opt.lang))
			diag_report(d, DIAG_WARNING, def_path, 0, 0,
			            "no plural forms known for '%s': set Plural-Forms by hand",
			            mc->opt.lang);
	} else {
		/* With -U, from the bytes read under the lock. */
		def = mc->update
		          ? catalog_read_memory_cached(buf_str(&old), old.len, def_path, cache, d)
		          : catalog_read_cached(def_path, 0, cache, d);
		if (!def)
			goto done;
	}
	buf_release(&old);

	out = merge_catalogs(def, ref, &mc->opt, &st, d);
	if (!out)
		goto done;
	if (mc->update) {
		if (update_in_place(mc, def_path, old_len, out, d) != 0)
			goto done;
	} else if (catalog_write(out, out_path, ATOMIC_KEEP_SAME, d) != 0) {
		goto done;
	}
	if (!missing && catalog_crlf(def))
		diag_report(d, DIAG_WARNING, def_path, 0, 0,
		            "its lines ended in CR LF; %s written with LF, as gettext's tools "
		            "write catalogs",
		            mc->update ? "it is" : "the catalog is");
	diag_report(d, DIAG_NOTE, atomic_is_stdout(out_path) ? NULL : out_path, 0, 0,
	            "%zu kept, %zu fuzzy (%zu from unchanged sentences), %zu untranslated, "
	            "%zu obsolete",
	            st.exact, st.fuzzy, st.assembled, st.untranslated, st.obsolete);
	rc = TOOL_OK;
done:
	/* What the reads proved holds whatever became of the merge. */
	if (cache)
		cache_save(cache, d);
	cache_free(cache);
	catalog_free(out);
	catalog_free(def);
	catalog_free(ref);
	buf_release(&old);
	if (fd >= 0)
		close(fd); /* releases the lock */
	return rc;
}

int cmd_merge(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "output-file", required_argument, NULL, 'o' },
		{ "update", no_argument, NULL, 'U' },
		{ "backup", required_argument, NULL, OPT_BACKUP },
		{ "previous", no_argument, NULL, OPT_PREVIOUS },
		{ "no-fuzzy-matching", no_argument, NULL, 'N' },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "create", no_argument, NULL, OPT_CREATE },
		{ "source-lang", required_argument, NULL, OPT_SOURCE_LANG },
		TOOL_OPTION_QUIET,
		{ "silent", no_argument, NULL, 'q' },
		{ "cache", required_argument, NULL, 'c' },
		TOOL_OPTION_HELP_END,
	};
	struct tool_options opts = { NULL, { NULL, 0, 0 }, TOOL_OK };
	struct merge_cmd mc;
	int c, status;

	memset(&mc, 0, sizeof mc);
	mc.opt.fuzzy_matching = 1;
	while ((c = getopt_long(argc, argv, "o:UNqc:h", options, NULL)) != -1) {
		switch (c) {
		case 'U':
			mc.update = 1;
			break;
		case OPT_BACKUP:
			if (strcmp(optarg, "simple") == 0 || strcmp(optarg, "never") == 0)
				mc.backup = 1;
			else if (strcmp(optarg, "none") == 0 || strcmp(optarg, "off") == 0)
				mc.backup = 0;
			else
				return tool_usage_error(
				    ctx, "--backup must be 'none' or 'simple', not '%s'", optarg);
			break;
		case OPT_PREVIOUS:
			mc.opt.previous = 1;
			break;
		case 'N':
			mc.opt.fuzzy_matching = 0;
			break;
		case OPT_LANG:
			mc.opt.lang = optarg;
			break;
		case OPT_CREATE:
			mc.create = 1;
			break;
		case OPT_SOURCE_LANG:
			mc.opt.source_lang = optarg;
			break;
		case 'c':
			mc.cache = optarg;
			break;
		default:
			if (tool_option(ctx, c, &opts, help, &status) != 0)
				return status;
		}
	}
	mc.output = opts.output;
	if (argc - optind != 2)
		return tool_usage_error(ctx, "expected two files, DEF.po and REF.pot");
	if (mc.update == !!mc.output)
		return tool_usage_error(ctx, "give either -o OUT.po or -U");
	if (mc.create && !mc.opt.lang)
		return tool_usage_error(ctx, "--create needs --lang=LL");
	if ((mc.create || mc.update) && strcmp(argv[optind], "-") == 0)
		return tool_usage_error(ctx, "-U and --create need DEF.po to be a file");
	return run(&mc, argv[optind], argv[optind + 1], ctx);
}
