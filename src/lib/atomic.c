/*
 * atomic: all-or-nothing output files.  See atomic.h.
 */
#include <config.h>

#include "atomic.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "mem.h"

int atomic_is_stdout(const char *path)
{
	return strcmp(path, "-") == 0;
}

/* --- Temporary files -------------------------------------------------------- */

/*
 * The temporary files this process is writing, for a signal handler to
 * remove (atomic_remove_temporaries).  Changed with every signal blocked,
 * so that the handler never sees a slot half set.  A process has one or
 * two open at a time; one beyond the slots is left for the next run's
 * sweep.
 */
#define LIVE_SLOTS 16
static char *volatile live[LIVE_SLOTS];

static void set_live(const char *old, char *new)
{
	sigset_t all, saved;
	size_t i;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &saved);
	for (i = 0; i < LIVE_SLOTS; i++)
		if (live[i] == old) {
			live[i] = new;
			break;
		}
	sigprocmask(SIG_SETMASK, &saved, NULL);
}

void atomic_remove_temporaries(void)
{
	size_t i;

	for (i = 0; i < LIVE_SLOTS; i++)
		if (live[i])
			unlink(live[i]);
}

/* The length of the destination's name in NAME, a temporary file's name, or 0. */
static size_t temporary_of(const char *name)
{
	size_t len = strlen(name), i;

	if (len <= 10 || memcmp(name + len - 10, ".tmp", 4) != 0)
		return 0;
	for (i = len - 6; i < len; i++)
		if (!isalnum((unsigned char)name[i]))
			return 0;
	return len - 10;
}

/*
 * Removes the temporary file at PATH if nobody holds it: its writer locks
 * it for as long as it lives.  Only a regular file is looked at, never
 * followed if it is a link.
 */
static void remove_if_stale(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
	struct stat st;

	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
		unlink(path);
	close(fd);
}

/* The folders listed by atomic_sweep, with the temporary files found there. */
struct listed_folder {
	char *dir;
	char **names; /* temporary files not dealt with yet */
	size_t count;
};

static struct listed_folder *listed;
static size_t nlisted, listed_alloc;

static struct listed_folder *list_folder(const char *dir)
{
	struct listed_folder *f;
	size_t i, alloc = 0;
	struct dirent *e;
	DIR *dh;

	for (i = 0; i < nlisted; i++)
		if (strcmp(listed[i].dir, dir) == 0)
			return &listed[i];
	xgrow((void **)&listed, &listed_alloc, nlisted + 1, sizeof *listed);
	f = &listed[nlisted++];
	memset(f, 0, sizeof *f);
	f->dir = xstrdup(dir);
	dh = opendir(dir);
	while (dh && (e = readdir(dh)) != NULL) {
		if (!temporary_of(e->d_name))
			continue;
		xgrow((void **)&f->names, &alloc, f->count + 1, sizeof *f->names);
		f->names[f->count++] = xstrdup(e->d_name);
	}
	if (dh)
		closedir(dh);
	return f;
}

void atomic_sweep(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t base_len = strlen(base), i;
	struct listed_folder *f;
	char *dir;

	if (atomic_is_stdout(path) || base_len == 0)
		return;
	dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	f = list_folder(dir);
	for (i = 0; i < f->count;) {
		if (temporary_of(f->names[i]) == base_len &&
		    memcmp(f->names[i], base, base_len) == 0) {
			struct buf tmp = BUF_INIT;

			buf_addf(&tmp, "%s/%s", dir, f->names[i]);
			remove_if_stale(buf_str(&tmp));
			buf_release(&tmp);
			free(f->names[i]);
			f->names[i] = f->names[--f->count];
		} else {
			i++;
		}
	}
	free(dir);
}

static void release(struct atomic_file *af)
{
	if (af->tmp_path)
		set_live(af->tmp_path, NULL);
	free(af->path);
	free(af->tmp_path);
	memset(af, 0, sizeof *af);
}

/*
 * Gives the temporary file FD the permissions of the file at PATH that it
 * will replace, and its owner and group where this process may set them
 * (a set-user-ID or set-group-ID bit only with them); a new file gets
 * 0666 less the umask.
 */
static void take_mode(int fd, const char *path)
{
	struct stat old, now;
	mode_t mask, mode;

	if (stat(path, &old) != 0 || !S_ISREG(old.st_mode)) {
		mask = umask(0);
		umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
		return;
	}
	mode = old.st_mode & 07777;
	if (fchown(fd, old.st_uid, old.st_gid) != 0)
		(void)fchown(fd, (uid_t)-1, old.st_gid);
	if (fstat(fd, &now) == 0) {
		if (now.st_uid != old.st_uid)
			mode &= ~(mode_t)S_ISUID;
		if (now.st_gid != old.st_gid)
			mode &= ~(mode_t)S_ISGID;
	}
	(void)fchmod(fd, mode);
}

/*
 * Makes the temporary file for AF->path, locked, and registered for the
 * signal handler.  Returns its descriptor, or -1 with errno set.
 */
static int make_temporary(struct atomic_file *af)
{
	struct buf tmp = BUF_INIT;
	sigset_t all, saved;
	int fd;

	/* No signal between the file's making and its registration: the
	 * handler would not know to remove it. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &saved);
	for (;;) {
		struct stat st;

		buf_truncate(&tmp, 0);
		buf_addf(&tmp, "%s.tmpXXXXXX", af->path);
		fd = mkstemp(tmp.data);
		if (fd < 0)
			break;
		/* Another run's sweep may have taken it for a stale one in the
		 * moment before the lock: then it is gone, and made anew. */
		if (flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &st) == 0 && st.st_nlink > 0) {
			(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
			af->tmp_path = buf_detach(&tmp);
			set_live(NULL, af->tmp_path);
			break;
		}
		close(fd);
	}
	if (fd < 0) {
		int err = errno;

		buf_release(&tmp);
		sigprocmask(SIG_SETMASK, &saved, NULL);
		errno = err;
		return -1;
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	return fd;
}

FILE *atomic_open(struct atomic_file *af, const char *path, int flags, struct diag *d)
{
	return atomic_open_as(af, path, NULL, flags, d);
}

FILE *atomic_open_as(struct atomic_file *af, const char *path, const char *model, int flags,
                     struct diag *d)
{
	struct stat st;
	int fd;

	memset(af, 0, sizeof *af);
	af->flags = flags;
	af->path = xstrdup(path);
	if (atomic_is_stdout(path)) {
		af->fp = stdout;
		return af->fp;
	}
	if ((flags & ATOMIC_NO_FOLLOW) && lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_report(d, DIAG_ERROR, path, 0, 0,
		            "%s where a file goes: left as it is, neither written through nor "
		            "replaced",
		            S_ISLNK(st.st_mode) ? "a symbolic link" : file_kind(&st));
		release(af);
		return NULL;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* A device or a pipe (/dev/null, /dev/full, a FIFO) is written
		 * in place: renaming a file over it would replace the device. */
		af->fp = fopen(path, "w");
		if (!af->fp) {
			diag_errno(d, path, "cannot write output file");
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

	atomic_sweep(af->path);
	fd = make_temporary(af);
	if (fd < 0) {
		diag_errno(d, path, "cannot create output file");
		release(af);
		return NULL;
	}
	take_mode(fd, model ? model : af->path);
	af->fp = fdopen(fd, "w");
	if (!af->fp) {
		diag_errno(d, path, "cannot write output file");
		close(fd);
		atomic_abort(af);
		return NULL;
	}
	return af->fp;
}

/* 1 when the files at A and B are regular files that hold the same bytes. */
static int same_contents(const char *a, const char *b)
{
	struct stat sa, sb;
	int fa = file_open(a, &sa);
	int fb = fa >= 0 ? file_open(b, &sb) : -1;
	char ba[8192], bb[8192];
	int same = fa >= 0 && fb >= 0 && sa.st_size == sb.st_size;

	while (same) {
		ssize_t na = read(fa, ba, sizeof ba);
		ssize_t nb = read(fb, bb, sizeof bb);

		if (na < 0 || na != nb || memcmp(ba, bb, (size_t)na) != 0)
			same = 0;
		else if (na == 0)
			break;
	}
	if (fa >= 0)
		close(fa);
	if (fb >= 0)
		close(fb);
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
		diag_errno(d, af->path, "cannot replace file");
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
	struct stat st;
	int fd = file_open(path, &st);
	char chunk[65536];
	ssize_t n = 0;
	int same = fd >= 0 && (unsigned long long)st.st_size == len;

	while (same && (n = read(fd, chunk, sizeof chunk)) > 0) {
		same = (size_t)n <= len && memcmp(chunk, data, (size_t)n) == 0;
		data += n;
		len -= (size_t)n;
	}
	if (fd >= 0)
		close(fd);
	return same && n == 0 && len == 0;
}

int atomic_write(const char *path, const char *data, size_t len, int flags, struct diag *d)
{
	struct atomic_file af;
	struct stat st;
	FILE *fp;

	if ((flags & ATOMIC_KEEP_SAME) && !atomic_is_stdout(path) &&
	    (!(flags & ATOMIC_NO_FOLLOW) || (lstat(path, &st) == 0 && S_ISREG(st.st_mode))) &&
	    atomic_holds(path, data, len)) {
		atomic_sweep(path);
		return 0;
	}
	fp = atomic_open(&af, path, flags & ~ATOMIC_KEEP_SAME, d);
	if (!fp)
		return -1;
	if (len && fwrite(data, 1, len, fp) != len) {
		diag_errno(d, path, "write error");
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af, d) == 0 ? 1 : -1;
}
