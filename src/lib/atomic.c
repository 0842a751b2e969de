/*
 * atomic: all-or-nothing output files.  See atomic.h.
 */
#include <config.h>

#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "mem.h"

int atomic_is_stdout(const char *path)
{
	return strcmp(path, "-") == 0;
}

static void release(struct atomic_file *af)
{
	free(af->path);
	free(af->tmp_path);
	memset(af, 0, sizeof *af);
}

FILE *atomic_open(struct atomic_file *af, const char *path, int flags, struct diag *d)
{
	struct buf tmp = BUF_INIT;
	struct stat st;
	char *real;
	mode_t mask;
	int fd;

	memset(af, 0, sizeof *af);
	af->flags = flags;
	if (atomic_is_stdout(path)) {
		af->path = xstrdup(path);
		af->fp = stdout;
		return af->fp;
	}
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (real = realpath(path, NULL)) != NULL) {
		/* The file a symbolic link points to is replaced, not the link. */
		af->path = xstrdup(real);
		free(real);
	} else {
		af->path = xstrdup(path);
	}
	if (stat(af->path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		/*
		 * A device (/dev/null, /dev/full), a pipe or a socket is
		 * written in place: a rename would put a regular file where
		 * it was (root may create files in /dev).
		 */
		af->fp = fopen(af->path, "w");
		if (!af->fp) {
			diag_report(d, DIAG_ERROR, path, 0, 0, "cannot write output file: %s",
			            strerror(errno));
			release(af);
		}
		return af->fp;
	}

	buf_addf(&tmp, "%s.tmpXXXXXX", af->path);
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot create output file: %s",
		            strerror(errno));
		buf_release(&tmp);
		release(af);
		return NULL;
	}
	/* mkstemp makes the file private; give it the usual permissions. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);

	af->tmp_path = buf_detach(&tmp);
	af->fp = fdopen(fd, "w");
	if (!af->fp) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot write output file: %s",
		            strerror(errno));
		close(fd);
		atomic_abort(af);
		return NULL;
	}
	return af->fp;
}

/* 1 when the files at A and B hold the same bytes. */
static int same_contents(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb");
	FILE *fb = fa ? fopen(b, "rb") : NULL;
	char ba[8192], bb[8192];
	int same = fa && fb;

	while (same) {
		size_t na = fread(ba, 1, sizeof ba, fa);
		size_t nb = fread(bb, 1, sizeof bb, fb);

		if (na != nb || memcmp(ba, bb, na) != 0)
			same = 0;
		else if (na == 0)
			break;
	}
	if (same && (ferror(fa) || ferror(fb)))
		same = 0;
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

int atomic_commit(struct atomic_file *af, struct diag *d)
{
	int failed = 0;
	int saved_errno = 0;

	if (!af->fp) {
		release(af);
		return -1;
	}
	if (af->fp == stdout) {
		/* Standard output is the tool's to check when it exits (see
		 * close_stdout in tool.c): reporting here too would say it twice. */
		fflush(stdout);
		release(af);
		return 0;
	}

	if (fflush(af->fp) != 0 || ferror(af->fp) ||
	    (af->tmp_path && !(af->flags & ATOMIC_NO_SYNC) && fsync(fileno(af->fp)) != 0)) {
		failed = 1;
		saved_errno = errno;
	}
	if (fclose(af->fp) != 0 && !failed) {
		failed = 1;
		saved_errno = errno;
	}
	af->fp = NULL;
	if (failed) {
		diag_report(d, DIAG_ERROR, af->path, 0, 0, "write error: %s",
		            strerror(saved_errno ? saved_errno : EIO));
		atomic_abort(af);
		return -1;
	}
	if (!af->tmp_path) { /* written in place (a device, a pipe) */
		release(af);
		return 0;
	}

	if ((af->flags & ATOMIC_KEEP_SAME) && same_contents(af->tmp_path, af->path)) {
		atomic_abort(af);
		return 0;
	}
	if (rename(af->tmp_path, af->path) != 0) {
		diag_report(d, DIAG_ERROR, af->path, 0, 0, "cannot replace file: %s",
		            strerror(errno));
		atomic_abort(af);
		return -1;
	}
	release(af);
	return 0;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->fp && af->fp != stdout)
		fclose(af->fp);
	af->fp = NULL;
	if (af->tmp_path)
		unlink(af->tmp_path);
	release(af);
}
