/*
 * sitestate: the list of the files a build wrote.  See sitestate.h.
 */
#include <config.h>

#include "sitestate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/hash.h>

#include "buf.h"
#include "file.h"
#include "mem.h"
#include "sitepath.h"

/* Files removed that a build names one by one; the rest are counted. */
#define SITESTATE_REMOVED_NAMED 20

/* A file of this build. */
struct sitestate_file {
	char *path; /* below the output folder */
	uint64_t digest; /* of what the file is made of */
	int unchanged; /* same digest as the previous build's, and the file is there */
};

struct sitestate {
	char *out_dir;
	struct diag *d;
	xmlHashTablePtr previous; /* path → its digest in hex in the previous list, or "" */
	xmlHashTablePtr current; /* the paths added, to tell the previous ones gone */
	struct sitestate_file *files; /* in the order added */
	size_t count, alloc;
};

static void format_digest(char hex[17], uint64_t digest)
{
	snprintf(hex, 17, "%016llx", (unsigned long long)digest);
}

static void free_string(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

struct sitestate *sitestate_read(const char *out_dir, struct diag *d)
{
	struct sitestate *st = xcalloc(1, sizeof *st);
	char *list_path = sitepath_join(out_dir, SITESTATE_LIST, NULL);
	struct buf old = BUF_INIT;
	char *line, *next, *tab;
	struct stat sb;

	st->out_dir = xstrdup(out_dir);
	st->d = d;
	st->previous = xmlHashCreate(1024);
	st->current = xmlHashCreate(1024);
	/* Only the build's own list: not what a link there leads to. */
	if (lstat(list_path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    file_read(list_path, FILE_MAX_CATALOG, &old, d) != 0)
		buf_truncate(&old, 0);
	for (line = old.len ? old.data : NULL; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		tab = strchr(line, '\t');
		if (tab)
			*tab++ = '\0';
		if (sitepath_safe(line))
			xmlHashUpdateEntry(st->previous, BAD_CAST line, xstrdup(tab ? tab : ""),
			                   free_string);
	}
	buf_release(&old);
	free(list_path);
	return st;
}

const char *sitestate_previous(const struct sitestate *st, const char *path)
{
	return xmlHashLookup(st->previous, BAD_CAST path);
}

int sitestate_add(struct sitestate *st, const char *path, uint64_t digest)
{
	const char *old = xmlHashLookup(st->previous, BAD_CAST path);
	struct sitestate_file *f;
	char hex[17];

	if (xmlHashAddEntry(st->current, BAD_CAST path, st) != 0)
		return 0;
	xgrow((void **)&st->files, &st->alloc, st->count + 1, sizeof *st->files);
	f = &st->files[st->count++];
	f->path = xstrdup(path);
	f->digest = digest;
	f->unchanged = 0;
	format_digest(hex, digest);
	if (old && strcmp(old, hex) == 0 && sitepath_safe(path)) {
		char *full = sitepath_join(st->out_dir, path, NULL);
		struct stat sb;

		f->unchanged = lstat(full, &sb) == 0 && S_ISREG(sb.st_mode);
		free(full);
	}
	return f->unchanged;
}

/* The previous build's paths that this one does not have, and where the list goes. */
struct gone {
	const struct sitestate *st;
	struct buf *list; /* a line for each, when not NULL */
	char **paths; /* or each in an array, when LIST is NULL */
	size_t count, alloc;
};

static void collect_gone(void *payload, void *data, const xmlChar *name)
{
	struct gone *g = data;

	(void)payload;
	if (xmlHashLookup(g->st->current, name))
		return;
	if (g->list) {
		buf_addf(g->list, "%s\n", (const char *)name);
		return;
	}
	xgrow((void **)&g->paths, &g->alloc, g->count + 1, sizeof *g->paths);
	g->paths[g->count++] = xstrdup((const char *)name);
}

int sitestate_write(struct sitestate *st, int final)
{
	struct buf out = BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < st->count; i++) {
		const struct sitestate_file *f = &st->files[i];

		buf_adds(&out, f->path);
		if (final || f->unchanged) {
			char hex[17];

			format_digest(hex, f->digest);
			buf_addf(&out, "\t%s", hex);
		}
		buf_addc(&out, '\n');
	}
	if (!final) {
		struct gone g = { st, &out, NULL, 0, 0 };

		xmlHashScan(st->previous, collect_gone, &g);
	}
	rc = sitepath_write(st->out_dir, SITESTATE_LIST, out.data ? out.data : "", out.len, st->d);
	buf_release(&out);
	return rc < 0 ? -1 : 0;
}

/* Removes DIR and the folders above it, up to the output folder, while empty. */
static void remove_empty_folders(const struct sitestate *st, char *dir)
{
	char *slash;

	while ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if (strcmp(dir, st->out_dir) == 0 || rmdir(dir) != 0)
			break;
	}
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t sitestate_remove_stale(struct sitestate *st)
{
	struct gone g = { st, NULL, NULL, 0, 0 };
	size_t i, removed = 0;

	xmlHashScan(st->previous, collect_gone, &g);
	if (g.count)
		qsort(g.paths, g.count, sizeof *g.paths, compare_strings);
	for (i = 0; i < g.count; i++) {
		char *path = sitepath_join(st->out_dir, g.paths[i], NULL);
		struct stat sb;

		/* Only a file the build wrote, inside the output folder. */
		if (file_make_folders_below(st->out_dir, g.paths[i], FILE_FOLDER_CHECK, st->d) ==
		        0 &&
		    lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && unlink(path) == 0) {
			if (removed < SITESTATE_REMOVED_NAMED)
				diag_report(st->d, DIAG_NOTE, path, 0, 0,
				            "removed: the site no longer has it");
			removed++;
			remove_empty_folders(st, path);
		}
		free(path);
		free(g.paths[i]);
	}
	free(g.paths);
	return removed;
}

void sitestate_free(struct sitestate *st)
{
	size_t i;

	if (!st)
		return;
	xmlHashFree(st->previous, free_string);
	xmlHashFree(st->current, NULL);
	for (i = 0; i < st->count; i++)
		free(st->files[i].path);
	free(st->files);
	free(st->out_dir);
	free(st);
}
