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

static struct diag d;
static char path[256];

/* Checks that the file at PATH holds TEXT. */
#define CHECK_HOLDS(text)                       \
	do {                                    \
		char *held_ = unit_slurp(path); \
		CHECK_STR(held_, text);         \
		free(held_);                    \
	} while (0)

/* The cases run in order, on one file: each starts from what the last left. */
static void commit_and_abort(void)
{
	struct atomic_file af;
	FILE *fp;

	fp = atomic_open(&af, path, 0, &d);
	CHECK(fp != NULL);
	fputs("first\n", fp);
	CHECK(access(path, F_OK) != 0); /* nothing at PATH before commit */
	CHECK(atomic_commit(&af, &d) == 0);
	CHECK_HOLDS("first\n");

	/* An aborted rewrite leaves the old contents and no temporary file. */
	fp = atomic_open(&af, path, 0, &d);
	fputs("half of the sec", fp);
	atomic_abort(&af);
	CHECK_HOLDS("first\n");
	CHECK(count_entries() == 1);
}

static void keep_same(void)
{
	struct atomic_file af;
	struct stat st1, st2;
	FILE *fp;

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
	CHECK_HOLDS("second\n");
}

static void write_whole(void)
{
	struct stat st1, st2;

	/* atomic_write: written (1), then the same bytes again (0, untouched). */
	CHECK(atomic_write(path, "third\n", 6, ATOMIC_KEEP_SAME | ATOMIC_NO_SYNC, &d) == 1);
	CHECK_HOLDS("third\n");
	CHECK(stat(path, &st1) == 0);
	CHECK(atomic_write(path, "third\n", 6, ATOMIC_KEEP_SAME, &d) == 0);
	CHECK(stat(path, &st2) == 0);
	CHECK(st1.st_ino == st2.st_ino);
	CHECK(atomic_write(path, "third", 5, ATOMIC_KEEP_SAME, &d) == 1); /* a prefix differs */
	CHECK(atomic_write(path, "second\n", 7, 0, &d) == 1);
	CHECK(count_entries() == 1);
}

static void missing_folder(void)
{
	struct atomic_file af;
	char missing[300];

	/* A folder that does not exist: reported, nothing created. */
	snprintf(missing, sizeof missing, "%s/missing/out.pot", dir);
	CHECK(atomic_open(&af, missing, 0, &d) == NULL);
	CHECK(diag_count(&d, DIAG_ERROR) == 1);
	CHECK(atomic_write(missing, "x", 1, ATOMIC_KEEP_SAME, &d) == -1);
	CHECK(diag_count(&d, DIAG_ERROR) == 2);
}

static void full_disk(void)
{
	struct atomic_file af;
	FILE *fp;

	/* A write error (a full disk) is caught at commit: nothing replaced. */
	if (access("/dev/full", W_OK) != 0)
		return;
	fp = atomic_open(&af, path, 0, &d);
	CHECK(fp != NULL);
	/* Point the stream at the full device, as a full disk would be. */
	CHECK(freopen("/dev/full", "w", fp) == fp);
	fputs("lost", fp);
	CHECK(atomic_commit(&af, &d) == -1);
	CHECK_HOLDS("second\n");
	CHECK(count_entries() == 1);
}

static void devices(void)
{
	struct atomic_file af;
	struct stat st;
	FILE *fp;

	if (access("/dev/full", W_OK) == 0) {
		fp = atomic_open(&af, "/dev/full", 0, &d);
		CHECK(fp != NULL);
		if (fp) {
			fputs("lost", fp);
			CHECK(atomic_commit(&af, &d) == -1);
		}
		CHECK(stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode));
	}
	fp = atomic_open(&af, "/dev/null", 0, &d);
	CHECK(fp != NULL);
	if (fp) {
		fputs("gone", fp);
		CHECK(atomic_commit(&af, &d) == 0);
	}
	CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
}

static void through_link(void)
{
	struct atomic_file af;
	struct stat st;
	char link[300];
	FILE *fp;

	snprintf(link, sizeof link, "%s/link.pot", dir);
	CHECK(symlink("out.pot", link) == 0);
	fp = atomic_open(&af, link, 0, &d);
	fputs("third\n", fp);
	CHECK(atomic_commit(&af, &d) == 0);
	CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
	CHECK_HOLDS("third\n");
	unlink(link);
}

int main(void)
{
	diag_init(&d, NULL, NULL);
	if (!mkdtemp(dir))
		return 99;
	snprintf(path, sizeof path, "%s/out.pot", dir);
	TEST(commit_and_abort,
	     "a file appears whole at commit; an aborted one leaves the old and no temporary");
	TEST(keep_same, "with ATOMIC_KEEP_SAME the same bytes leave the file untouched");
	TEST(write_whole, "atomic_write says whether it wrote, and leaves the same bytes alone");
	TEST(missing_folder, "a file in a missing folder is reported and nothing is created");
	TEST(full_disk, "a write error is caught at commit and nothing is replaced");
	TEST(devices, "a device is written in place, never replaced by a regular file");
	TEST(through_link, "through a symbolic link, the file it points to is replaced");
	unlink(path);
	rmdir(dir);
	return unit_done("test-atomic");
}
