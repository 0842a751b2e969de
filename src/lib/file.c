/*
 * file: bounded reading of regular files.  See file.h.
 */
#include <config.h>

#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include "mem.h"

const char *file_kind(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return "a regular file";
	if (S_ISDIR(st->st_mode))
		return "a folder";
	if (S_ISCHR(st->st_mode))
		return "a character device";
	if (S_ISBLK(st->st_mode))
		return "a block device";
	if (S_ISFIFO(st->st_mode))
		return "a named pipe";
	if (S_ISSOCK(st->st_mode))
		return "a socket";
	return "not a file";
}

int file_open(const char *path, struct stat *st)
{
	/* O_NONBLOCK: opening a named pipe would wait for a writer. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);

	if (fd < 0)
		return -1;
	if (fstat(fd, st) != 0) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

/* Appends what FD holds to OUT, up to LIMIT bytes and one more to tell. */
static int read_all(int fd, size_t limit, struct buf *out, int *too_long)
{
	size_t total = 0;

	*too_long = 0;
	for (;;) {
		char chunk[65536];
		size_t want = sizeof chunk;
		ssize_t n;

		if (limit - total + 1 < want)
			want = limit - total + 1;
		n = read(fd, chunk, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if ((size_t)n > limit - total) {
			*too_long = 1;
			return 0;
		}
		buf_add(out, chunk, (size_t)n);
		total += (size_t)n;
	}
}

static int too_large(const char *name, size_t limit, struct diag *d)
{
	return diag_error(d, name, 0, 0,
	                  "more than %zu MiB: refused, as larger than any file of its kind "
	                  "should be",
	                  limit >> 20);
}

int file_read_fd(int fd, size_t limit, struct buf *out, const char *name, struct diag *d)
{
	int too_long;

	if (read_all(fd, limit, out, &too_long) != 0)
		return diag_errno(d, name, "cannot read");
	return too_long ? too_large(name, limit, d) : 0;
}

int file_read(const char *path, size_t limit, struct buf *out, struct diag *d)
{
	int is_stdin = strcmp(path, "-") == 0;
	struct stat st;
	int fd, rc;

	if (is_stdin) {
		fd = STDIN_FILENO;
	} else if ((fd = file_open(path, &st)) < 0) {
		if (errno == EINVAL && stat(path, &st) == 0)
			diag_report(d, DIAG_ERROR, path, 0, 0,
			            "cannot read: %s, not a regular file", file_kind(&st));
		else
			diag_report(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	} else if ((unsigned long long)st.st_size > limit) {
		close(fd);
		return too_large(path, limit, d);
	} else if (st.st_size > 0) {
		/* Room for the whole file at once: no copy as the buffer grows. */
		buf_grow(out, (size_t)st.st_size + 1);
	}
	rc = file_read_fd(fd, limit, out, path, d);
	if (!is_stdin)
		close(fd);
	return rc;
}

/*
 * Makes or checks the folders of PATH that end after its first FROM
 * bytes.  FOLLOW: a link to a folder serves as the folder (the parts the
 * user named); else a link is no folder (the parts traduki names).
 */
static int make_parts(char *path, size_t from, int flags, int follow, struct diag *d)
{
	size_t len = strlen(path);
	char *p;
	int rc = 0;

	/* The last part is a folder to make only when asked; a trailing
	 * slash adds nothing. */
	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	if (from >= len)
		return 0;
	for (p = strchr(path + from + 1, '/');; p = strchr(p + 1, '/')) {
		struct stat st;

		if (!p && !(flags & FILE_FOLDER_ITSELF))
			break;
		if (p)
			*p = '\0';
		if (lstat(path, &st) == 0) {
			if (S_ISLNK(st.st_mode) && follow && stat(path, &st) == 0 &&
			    S_ISDIR(st.st_mode))
				;
			else if (!S_ISDIR(st.st_mode)) {
				if (!(flags & FILE_FOLDER_CHECK))
					diag_error(d, path, 0, 0,
					           "%s where a folder is wanted: left as it is, "
					           "and nothing written through it",
					           S_ISLNK(st.st_mode) ? "a symbolic link"
					                               : file_kind(&st));
				rc = -1;
			}
		} else if (flags & FILE_FOLDER_CHECK) {
			rc = -1;
		} else if (mkdir(path, 0777) != 0 && errno != EEXIST) {
			rc = diag_errno(d, path, "cannot create folder");
		}
		if (!p || rc != 0)
			break;
		*p = '/';
	}
	return rc;
}

int file_make_folders(const char *path, int flags, struct diag *d)
{
	char *copy = xstrdup(path);
	int rc = make_parts(copy, 0, flags, 1, d);

	free(copy);
	return rc;
}

int file_make_folders_below(const char *base, const char *rel, int flags, struct diag *d)
{
	struct buf path = BUF_INIT;
	int rc = 0;

	if (!(flags & FILE_FOLDER_CHECK))
		rc = file_make_folders(base, FILE_FOLDER_ITSELF, d);
	buf_addf(&path, "%s/%s", base, rel);
	if (rc == 0)
		rc = make_parts(path.data, strlen(base), flags, 0, d);
	buf_release(&path);
	return rc;
}

static int visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* alphasort follows the locale's collation; a listing must not. */
static int bytewise(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

long file_names(const char *dir, char ***names, struct diag *d)
{
	struct dirent **entries;
	int n = scandir(dir, &entries, visible, bytewise);

	*names = NULL;
	if (n < 0)
		return diag_errno(d, dir, "cannot read folder");
	*names = xcalloc((size_t)n + 1, sizeof **names);
	for (int i = 0; i < n; i++) {
		(*names)[i] = xstrdup(entries[i]->d_name);
		free(entries[i]);
	}
	free(entries);
	return n;
}

void file_names_free(char **names, long count)
{
	for (long i = 0; i < count; i++)
		free(names[i]);
	free(names);
}
