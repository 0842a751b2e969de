/*
 * sitepath: the paths of a site's files.  See sitepath.h.
 */
#include <config.h>

#include "sitepath.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic.h"
#include "buf.h"
#include "file.h"
#include "mem.h"

int sitepath_safe(const char *path)
{
	const char *p;
	int start = 1;

	if (!*path || strlen(path) > 1024)
		return 0;
	for (p = path; *p; p++) {
		char c = *p;

		if (c == '/') {
			if (start)
				return 0;
			start = 1;
			continue;
		}
		if (start && c == '.')
			return 0;
		start = 0;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return !start;
}

char *sitepath_join(const char *dir, const char *a, const char *b)
{
	struct buf path = BUF_INIT;

	buf_addf(&path, "%s/%s", dir, a);
	if (b)
		buf_addf(&path, "/%s", b);
	return buf_detach(&path);
}

int sitepath_write(const char *out_dir, const char *rel, const char *data, size_t len,
                   struct diag *d)
{
	char *path;
	int rc;

	if (file_make_folders_below(out_dir, rel, 0, d) != 0)
		return -1;
	path = sitepath_join(out_dir, rel, NULL);
	/* Compared in memory first: an unchanged page costs no temporary file. */
	rc = atomic_write(path, data, len, ATOMIC_KEEP_SAME | ATOMIC_NO_SYNC | ATOMIC_NO_FOLLOW, d);
	free(path);
	return rc;
}
