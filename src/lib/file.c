/*
 * file: bounded reading of regular files.  See file.h.
 */
#include <config.h>

#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

int file_read(const char *path, size_t limit, struct buf *out, struct diag *d)
{
	int is_stdin = strcmp(path, "-") == 0;
	struct stat st;
	int fd, too_long = 0, rc;

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
		too_long = 1;
	}
	rc = too_long ? 0 : read_all(fd, limit, out, &too_long);
	if (rc != 0)
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
	else if (too_long)
		diag_report(d, DIAG_ERROR, path, 0, 0,
		            "more than %zu MiB: refused, as larger than any file of its kind "
		            "should be",
		            limit >> 20);
	if (!is_stdin)
		close(fd);
	return rc == 0 && !too_long ? 0 : -1;
}
