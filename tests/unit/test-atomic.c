/*
 * Unit tests for atomic: a committed file replaces the old one whole; an
 * aborted or failed one leaves the old file and no temporary file behind.
 */
#include <config.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/atomic.h"
#include "unit.h"

static char dir[] = "/tmp/traduki-atomic-XXXXXX";

static int count_entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	if (d)
		closedir(d);
	return n;
}

int main(void)
{
	struct atomic_file af;
	struct diag d;
	struct stat st1, st2;
	char path[256];
	char *s;
	FILE *fp;

	diag_init(&d, NULL, NULL);
	if (!mkdtemp(dir))
		return 99;
	snprintf(path, sizeof path, "%s/out.pot", dir);

	fp = atomic_open(&af, path, 0, &d);
	CHECK(fp != NULL);
	fputs("first\n", fp);
	CHECK(access(path, F_OK) != 0); /* nothing at PATH before commit */
	CHECK(atomic_commit(&af, &d) == 0);
	s = unit_slurp(path);
	CHECK_STR(s, "first\n");
	free(s);

	/* An aborted rewrite leaves the old contents and no temporary file. */
	fp = atomic_open(&af, path, 0, &d);
	fputs("half of the sec", fp);
	atomic_abort(&af);
	s = unit_slurp(path);
	CHECK_STR(s, "first\n");
	free(s);
	CHECK(count_entries() == 1);

	/* Same contents with ATOMIC_KEEP_SAME: the file is not touched. */
	CHECK(stat(path, &st1) == 0);
	sleep(1);
	fp = atomic_open(&af, path, ATOMIC_KEEP_SAME, &d);
	fputs("first\n", fp);
	CHECK(atomic_commit(&af, &d) == 0);
	CHECK(stat(path, &st2) == 0);
	CHECK(st1.st_mtime == st2.st_mtime && st1.st_ino == st2.st_ino);
	CHECK(count_entries() == 1);

	/* Different contents with ATOMIC_KEEP_SAME: replaced. */
	fp = atomic_open(&af, path, ATOMIC_KEEP_SAME, &d);
	fputs("second\n", fp);
	CHECK(atomic_commit(&af, &d) == 0);
	s = unit_slurp(path);
	CHECK_STR(s, "second\n");
	free(s);

	/* atomic_write: written (1), then the same bytes again (0, untouched). */
	CHECK(atomic_write(path, "third\n", 6, ATOMIC_KEEP_SAME | ATOMIC_NO_SYNC, &d) == 1);
	s = unit_slurp(path);
	CHECK_STR(s, "third\n");
	free(s);
	CHECK(stat(path, &st1) == 0);
	CHECK(atomic_write(path, "third\n", 6, ATOMIC_KEEP_SAME, &d) == 0);
	CHECK(stat(path, &st2) == 0);
	CHECK(st1.st_ino == st2.st_ino);
	CHECK(atomic_write(path, "third", 5, ATOMIC_KEEP_SAME, &d) == 1); /* a prefix differs */
	CHECK(atomic_write(path, "second\n", 7, 0, &d) == 1);
	CHECK(count_entries() == 1);

	/* A directory that does not exist: reported, nothing created. */
	snprintf(path, sizeof path, "%s/missing/out.pot", dir);
	CHECK(atomic_open(&af, path, 0, &d) == NULL);
	CHECK(diag_count(&d, DIAG_ERROR) == 1);
	CHECK(atomic_write(path, "x", 1, ATOMIC_KEEP_SAME, &d) == -1);
	CHECK(diag_count(&d, DIAG_ERROR) == 2);

	/* A write error (a full disk) is caught at commit: nothing replaced. */
	if (access("/dev/full", W_OK) == 0) {
		snprintf(path, sizeof path, "%s/out.pot", dir);
		fp = atomic_open(&af, path, 0, &d);
		CHECK(fp != NULL);
		/* Point the stream at the full device, as a full disk would be. */
		CHECK(freopen("/dev/full", "w", fp) == fp);
		fputs("lost", fp);
		CHECK(atomic_commit(&af, &d) == -1);
		s = unit_slurp(path);
		CHECK_STR(s, "second\n");
		free(s);
		CHECK(count_entries() == 1);
	}

	/* A device is written in place, never replaced by a regular file. */
	if (access("/dev/full", W_OK) == 0) {
		fp = atomic_open(&af, "/dev/full", 0, &d);
		CHECK(fp != NULL);
		if (fp) {
			fputs("lost", fp);
			CHECK(atomic_commit(&af, &d) == -1);
		}
		CHECK(stat("/dev/full", &st1) == 0 && S_ISCHR(st1.st_mode));
	}
	fp = atomic_open(&af, "/dev/null", 0, &d);
	CHECK(fp != NULL);
	if (fp) {
		fputs("gone", fp);
		CHECK(atomic_commit(&af, &d) == 0);
	}
	CHECK(stat("/dev/null", &st1) == 0 && S_ISCHR(st1.st_mode));

	/* Through a symbolic link, the file it points to is replaced. */
	{
		char link[300];

		snprintf(path, sizeof path, "%s/out.pot", dir);
		snprintf(link, sizeof link, "%s/link.pot", dir);
		CHECK(symlink("out.pot", link) == 0);
		fp = atomic_open(&af, link, 0, &d);
		fputs("third\n", fp);
		CHECK(atomic_commit(&af, &d) == 0);
		CHECK(lstat(link, &st1) == 0 && S_ISLNK(st1.st_mode));
		s = unit_slurp(path);
		CHECK_STR(s, "third\n");
		free(s);
		unlink(link);
	}

	snprintf(path, sizeof path, "%s/out.pot", dir);
	unlink(path);
	rmdir(dir);
	return unit_done("test-atomic");
}
