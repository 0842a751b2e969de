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
	mode_t mask;
	int fd;

	struct stat st;

	memset(af, 0, sizeof *af);
	af->flags = flags;
	af->path = xstrdup(path);
	if (atomic_is_stdout(path)) {
		af->fp = stdout;
		return af->fp;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* A device or a pipe (/dev/null, /dev/full, a FIFO) is written
		 * in place: renaming a file over it would replace the device. */
		af->fp = fopen(path, "w");
		if (!af->fp) {
			diag_report(d, DIAG_ERROR, path, 0, 0, "cannot write output file: %s",
			            strerror(errno));
			release(af);
		}
		return af->fp;
	}
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		/* Replace the file a symbolic link points to, not the link. */
		char *target = realpath(path, NULL);

		if (target) {
			free(af->path);
			af->path = xstrdup(target);
			free(target);
		}
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

/*
 * Flushes and closes FP (syncing it to disk first when SYNC): 0, or the
 * errno of the first failure.  A full disk often shows only here.
 */
static int finish(FILE *fp, int sync)
{
	int err = 0;

	if (fflush(fp) != 0 || ferror(fp) || (sync && fsync(fileno(fp)) != 0))
		err = errno ? errno : EIO;
	if (fclose(fp) != 0 && !err)
		err = errno ? errno : EIO;
	return err;
}

int atomic_commit(struct atomic_file *af, struct diag *d)
{
	int err;

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

	/* Written in place (a device) there is nothing to rename. */
	err = finish(af->fp, af->tmp_path && !(af->flags & ATOMIC_NO_SYNC));
	af->fp = NULL;
	if (err) {
		diag_report(d, DIAG_ERROR, af->path, 0, 0, "write error: %s", strerror(err));
		atomic_abort(af);
		return -1;
	}
	if (!af->tmp_path) {
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

int atomic_holds(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int same = fp != NULL;

	while (same && (n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		same = n <= len && memcmp(chunk, data, n) == 0;
		data += n;
		len -= n;
	}
	if (fp) {
		same = same && len == 0 && !ferror(fp);
		fclose(fp);
	}
	return same;
}

int atomic_write(const char *path, const char *data, size_t len, int flags, struct diag *d)
{
	struct atomic_file af;
	FILE *fp;

	if ((flags & ATOMIC_KEEP_SAME) && !atomic_is_stdout(path) && atomic_holds(path, data, len))
		return 0;
	fp = atomic_open(&af, path, flags & ~ATOMIC_KEEP_SAME, d);
	if (!fp)
		return -1;
	if (len && fwrite(data, 1, len, fp) != len) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "write error: %s", strerror(errno));
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af, d) == 0 ? 1 : -1;
}
