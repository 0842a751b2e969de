/* Unit tests for sitestate: the list of the files a build wrote, what is unchanged, what is removed. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/atomic.h"
#include "lib/diag.h"
#include "lib/sitestate.h"
#include "unit.h"

static char root[64];
static struct diag d; /* counts only */

/* ROOT/NAME, in one of two static buffers that later calls reuse. */
static const char *at(const char *name)
{
	static char path[2][256];
	static int which;

	which = !which;
	snprintf(path[which], sizeof path[which], "%s/%s", root, name);
	return path[which];
}

static void put(const char *name, const char *text)
{
	CHECK(atomic_write(at(name), text, strlen(text), 0, &d) >= 0);
}

/* A new output folder NAME, and the state a build there starts from. */
static struct sitestate *fresh(const char *name)
{
	CHECK(mkdir(at(name), 0777) == 0);
	return sitestate_read(at(name), &d);
}

static int exists(const char *name)
{
	struct stat st;

	return lstat(at(name), &st) == 0;
}

/* The list of the output folder OUT, as the file holds it (free it). */
static char *list_of(const char *out)
{
	char name[128];

	snprintf(name, sizeof name, "%s/" SITESTATE_LIST, out);
	return unit_slurp(at(name));
}

static void unchanged_not_rewritten(void)
{
	struct sitestate *st;
	char *list;

	/* A first build: no list, so every file is made. */
	st = fresh("same");
	put("same/a.html", "A");
	put("same/b.html", "B");
	CHECK(sitestate_add(st, "a.html", 0x1234) == 0);
	CHECK(sitestate_add(st, "b.html", 0x5678) == 0);
	CHECK(sitestate_write(st, 1) == 0);
	sitestate_free(st);

	/* The next: a.html has the digest it had and is there; b.html not. */
	st = sitestate_read(at("same"), &d);
	CHECK(sitestate_add(st, "a.html", 0x1234) == 1);
	CHECK(sitestate_add(st, "b.html", 0x5679) == 0);
	CHECK(sitestate_add(st, "c.html", 0x1234) == 0);
	/* Before the pages: only the unchanged file keeps its digest. */
	CHECK(sitestate_write(st, 0) == 0);
	list = list_of("same");
	CHECK_STR(list, "a.html\t0000000000001234\nb.html\nc.html\n");
	free(list);
	sitestate_free(st);

	/* The same digest for a file that is no longer there is no reason to skip it. */
	CHECK(unlink(at("same/a.html")) == 0);
	st = sitestate_read(at("same"), &d);
	CHECK(sitestate_add(st, "a.html", 0x1234) == 0);
	sitestate_free(st);
}

static void list_read_back(void)
{
	struct sitestate *st;
	char *list;

	st = fresh("back");
	sitestate_add(st, "en/index.html", 0x0123456789abcdefULL);
	sitestate_add(st, "fr/a.html", ~(uint64_t)0);
	sitestate_add(st, "sitemap.xml", 0);
	CHECK(sitestate_write(st, 1) == 0);
	sitestate_free(st);
	list = list_of("back");
	CHECK_STR(list, "en/index.html\t0123456789abcdef\nfr/a.html\tffffffffffffffff\n"
	                "sitemap.xml\t0000000000000000\n");
	free(list);

	st = sitestate_read(at("back"), &d);
	CHECK_STR(sitestate_previous(st, "en/index.html"), "0123456789abcdef");
	CHECK_STR(sitestate_previous(st, "fr/a.html"), "ffffffffffffffff");
	CHECK_STR(sitestate_previous(st, "sitemap.xml"), "0000000000000000");
	CHECK(sitestate_previous(st, "en") == NULL);
	CHECK(sitestate_previous(st, "index.html") == NULL);
	sitestate_free(st);

	/* A line without a digest is a file listed, to be made again. */
	put("back/" SITESTATE_LIST, "x.html\ny.html\t00000000000000ff\n");
	st = sitestate_read(at("back"), &d);
	CHECK_STR(sitestate_previous(st, "x.html"), "");
	CHECK_STR(sitestate_previous(st, "y.html"), "00000000000000ff");
	CHECK(sitestate_add(st, "x.html", 0) == 0);
	sitestate_free(st);
}

static void stale_removed(void)
{
	struct sitestate *st;
	unsigned long notes;
	char *list;

	CHECK(mkdir(at("stale"), 0777) == 0);
	CHECK(mkdir(at("stale/old"), 0777) == 0);
	put("stale/old/page.html", "old");
	put("stale/keep.html", "kept");
	put("stale/" SITESTATE_LIST,
	    "old/page.html\t0000000000000001\nkeep.html\t0000000000000002\n");
	st = sitestate_read(at("stale"), &d);
	CHECK(sitestate_add(st, "keep.html", 2) == 1);
	/* Listed as still to remove, should the build stop before it does. */
	CHECK(sitestate_write(st, 0) == 0);
	list = list_of("stale");
	CHECK_STR(list, "keep.html\t0000000000000002\nold/page.html\n");
	free(list);
	notes = diag_count(&d, DIAG_NOTE);
	CHECK(sitestate_remove_stale(st) == 1);
	CHECK(!exists("stale/old/page.html"));
	CHECK(!exists("stale/old"));
	CHECK(exists("stale/keep.html"));
	/* Named: no page leaves the site without a word. */
	CHECK(diag_count(&d, DIAG_NOTE) == notes + 1);
	CHECK(sitestate_write(st, 1) == 0);
	list = list_of("stale");
	CHECK_STR(list, "keep.html\t0000000000000002\n");
	free(list);
	sitestate_free(st);
}

static void user_file_kept(void)
{
	struct sitestate *st;

	CHECK(mkdir(at("user"), 0777) == 0);
	put("user/mine.html", "the user's");
	put("user/notes.txt", "the user's");
	put("user/gone.html", "the build's");
	put("user/" SITESTATE_LIST, "gone.html\t0000000000000001\n");
	st = sitestate_read(at("user"), &d);
	CHECK(sitestate_remove_stale(st) == 1);
	CHECK(!exists("user/gone.html"));
	CHECK(exists("user/mine.html"));
	CHECK(exists("user/notes.txt"));
	sitestate_free(st);
}

static void links_not_followed(void)
{
	struct sitestate *st;

	CHECK(mkdir(at("links"), 0777) == 0);
	CHECK(mkdir(at("outside"), 0777) == 0);
	put("outside/victim.html", "elsewhere");
	put("outside/other.html", "elsewhere");
	put("outside/x.html", "elsewhere");
	CHECK(symlink("../outside", at("links/sub")) == 0);
	CHECK(symlink("../outside/other.html", at("links/link.html")) == 0);
	CHECK(symlink("../outside/x.html", at("links/stale-link.html")) == 0);
	put("links/" SITESTATE_LIST, "sub/victim.html\t0000000000000001\n"
	                             "link.html\t0000000000000001\n"
	                             "stale-link.html\t0000000000000001\n"
	                             "../outside/x.html\t0000000000000001\n"
	                             "sub/../../outside/x.html\n"
	                             "./x.html\n");
	st = sitestate_read(at("links"), &d);
	/* A path that leaves the output folder is not even read. */
	CHECK(sitestate_previous(st, "../outside/x.html") == NULL);
	CHECK(sitestate_previous(st, "sub/../../outside/x.html") == NULL);
	CHECK(sitestate_previous(st, "./x.html") == NULL);
	/* A link where the file was is no file the build made: it is made again. */
	CHECK(sitestate_add(st, "link.html", 1) == 0);
	CHECK(sitestate_remove_stale(st) == 0);
	CHECK(exists("outside/victim.html"));
	CHECK(exists("outside/other.html"));
	CHECK(exists("outside/x.html"));
	CHECK(exists("links/link.html"));
	CHECK(exists("links/stale-link.html"));
	CHECK(exists("links/sub"));
	sitestate_free(st);

	/* Nor is the list read through a link: it is no list of the build's. */
	CHECK(mkdir(at("links2"), 0777) == 0);
	put("links2/page.html", "page");
	put("outside/list", "page.html\t0000000000000001\n");
	CHECK(symlink("../outside/list", at("links2/" SITESTATE_LIST)) == 0);
	st = sitestate_read(at("links2"), &d);
	CHECK(sitestate_previous(st, "page.html") == NULL);
	CHECK(sitestate_add(st, "page.html", 1) == 0);
	CHECK(sitestate_remove_stale(st) == 0);
	CHECK(exists("links2/page.html"));
	sitestate_free(st);
}

static void corrupt_or_missing(void)
{
	static const char garbage[] = "\t\t\n\n\xff\xfe\x01binary\tzz\n/etc/passwd\t0\n"
	                              "page.html\tnot hex\n"
	                              "no-newline.html\t00000000000000";
	struct sitestate *st;
	unsigned long mark;

	/* No list at all: nothing is known, nothing removed. */
	CHECK(mkdir(at("none"), 0777) == 0);
	put("none/page.html", "page");
	mark = diag_mark(&d);
	st = sitestate_read(at("none"), &d);
	CHECK(!diag_failed_since(&d, mark));
	CHECK(sitestate_previous(st, "page.html") == NULL);
	CHECK(sitestate_add(st, "page.html", 0) == 0);
	CHECK(sitestate_remove_stale(st) == 0);
	CHECK(exists("none/page.html"));
	sitestate_free(st);

	/* A list that is a folder is none either. */
	CHECK(mkdir(at("folder"), 0777) == 0);
	CHECK(mkdir(at("folder/" SITESTATE_LIST), 0777) == 0);
	st = sitestate_read(at("folder"), &d);
	CHECK(sitestate_remove_stale(st) == 0);
	CHECK(sitestate_write(st, 1) == -1);
	sitestate_free(st);

	/* Garbage: what is a plain path is taken, nothing else; no digest matches. */
	CHECK(mkdir(at("corrupt"), 0777) == 0);
	put("corrupt/page.html", "page");
	put("corrupt/no-newline.html", "page");
	put("corrupt/" SITESTATE_LIST, garbage);
	st = sitestate_read(at("corrupt"), &d);
	CHECK(sitestate_previous(st, "/etc/passwd") == NULL);
	CHECK_STR(sitestate_previous(st, "page.html"), "not hex");
	CHECK_STR(sitestate_previous(st, "no-newline.html"), "00000000000000");
	CHECK(sitestate_add(st, "page.html", 0) == 0);
	CHECK(sitestate_add(st, "no-newline.html", 0) == 0);
	CHECK(sitestate_remove_stale(st) == 0);
	CHECK(exists("corrupt/page.html"));
	CHECK(sitestate_write(st, 1) == 0);
	sitestate_free(st);
	st = sitestate_read(at("corrupt"), &d);
	CHECK(sitestate_add(st, "page.html", 0) == 1);
	sitestate_free(st);
}

/* A new folder for the cases, in ROOT: 0, or -1. */
static int make_root(void)
{
	strcpy(root, "/tmp/test-sitestate.XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

/* Removes ROOT and what the cases left there (links as links). */
static void remove_root(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", root);
}

int main(void)
{
	if (make_root() != 0) {
		perror("mkdtemp");
		return 99;
	}
	diag_init(&d, NULL, NULL);
	TEST(unchanged_not_rewritten,
	     "a file with the digest of the previous build, still there, is not made again");
	TEST(list_read_back, "the list written is read back exactly, digests and all");
	TEST(stale_removed, "a file of the previous build that this one has not is removed");
	TEST(user_file_kept, "a file the previous list does not name is never removed");
	TEST(links_not_followed,
	     "a listed path through a link, or out of the output folder, is left alone");
	TEST(corrupt_or_missing, "a missing, misplaced or corrupt list removes nothing");
	remove_root();
	return unit_done("test-sitestate");
}
