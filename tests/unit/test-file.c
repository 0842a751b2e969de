/* Unit tests for file: bounded reads, folders made without following links, sorted listings. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/buf.h"
#include "lib/diag.h"
#include "lib/file.h"
#include "unit.h"

static char root[64];
static struct buf messages = BUF_INIT;
static struct diag d;

static void collect(const struct diag_message *msg, void *data)
{
	(void)data;
	buf_addf(&messages, "%s\n", msg->text);
}

/* ROOT/NAME, in a static buffer that the next call reuses. */
static const char *at(const char *name)
{
	static char path[256];

	snprintf(path, sizeof path, "%s/%s", root, name);
	return path;
}

static void put(const char *name, const char *text)
{
	FILE *fp = fopen(at(name), "wb");

	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

static int is_folder(const char *name)
{
	struct stat st;

	return lstat(at(name), &st) == 0 && S_ISDIR(st.st_mode);
}

static void read_bounded(void)
{
	struct buf out = BUF_INIT;

	put("small", "0123456789");
	CHECK(file_read(at("small"), 10, &out, &d) == 0);
	CHECK_STR(buf_str(&out), "0123456789");
	buf_truncate(&out, 0);
	CHECK(file_read(at("small"), 9, &out, &d) == -1);
	CHECK(file_read(root, 100, &out, &d) == -1);
	CHECK(diag_count(&d, DIAG_ERROR) == 2);
	buf_release(&out);
}

static void folders_made(void)
{
	char path[256];

	snprintf(path, sizeof path, "%s/a/b/c/page.html", root);
	CHECK(file_make_folders(path, FILE_FOLDER_CHECK, &d) == -1);
	CHECK(file_make_folders(path, 0, &d) == 0);
	CHECK(is_folder("a/b/c"));
	CHECK(!is_folder("a/b/c/page.html"));
	CHECK(file_make_folders(path, FILE_FOLDER_CHECK, &d) == 0);
	CHECK(file_make_folders(path, FILE_FOLDER_ITSELF, &d) == 0);
	CHECK(is_folder("a/b/c/page.html"));
	/* Twice is no error: the folders are there. */
	CHECK(file_make_folders(path, FILE_FOLDER_ITSELF, &d) == 0);
}

static void links_named_by_the_user(void)
{
	char path[256];

	/* mkdir -p goes through a link to a folder, as the user meant. */
	CHECK(mkdir(at("real"), 0777) == 0);
	CHECK(symlink("real", at("named")) == 0);
	snprintf(path, sizeof path, "%s/named/x/page.html", root);
	CHECK(file_make_folders(path, 0, &d) == 0);
	CHECK(is_folder("real/x"));

	/* Not through a file, nor a link to one. */
	unsigned long mark = diag_mark(&d);
	put("plain", "text");
	CHECK(symlink("plain", at("to-plain")) == 0);
	snprintf(path, sizeof path, "%s/plain/page.html", root);
	CHECK(file_make_folders(path, 0, &d) == -1);
	snprintf(path, sizeof path, "%s/to-plain/page.html", root);
	CHECK(file_make_folders(path, 0, &d) == -1);
	CHECK(diag_count(&d, DIAG_ERROR) - mark == 2);
	mark = diag_mark(&d);
	CHECK(file_make_folders(path, FILE_FOLDER_CHECK, &d) == -1);
	CHECK(!diag_failed_since(&d, mark));
}

static void links_below_refused(void)
{
	unsigned long mark = diag_mark(&d);
	char base[256];

	/* The base may be a link; below it, a link is never followed, and
	 * what it points to stays empty. */
	CHECK(mkdir(at("elsewhere"), 0777) == 0);
	CHECK(symlink("real", at("out")) == 0);
	CHECK(symlink("../elsewhere", at("real/trap")) == 0);
	snprintf(base, sizeof base, "%s/out", root);
	CHECK(file_make_folders_below(base, "en/news/page.html", 0, &d) == 0);
	CHECK(is_folder("real/en/news"));
	CHECK(!diag_failed_since(&d, mark));
	CHECK(file_make_folders_below(base, "trap/x/page.html", 0, &d) == -1);
	CHECK(diag_failed_since(&d, mark));
	CHECK(!is_folder("elsewhere/x"));
	CHECK(strstr(buf_str(&messages), "a symbolic link where a folder is wanted") != NULL);

	/* Checking only reports nothing, and makes nothing. */
	mark = diag_mark(&d);
	CHECK(file_make_folders_below(base, "trap/x/page.html", FILE_FOLDER_CHECK, &d) == -1);
	CHECK(file_make_folders_below(base, "nl/page.html", FILE_FOLDER_CHECK, &d) == -1);
	CHECK(file_make_folders_below(base, "en/news/page.html", FILE_FOLDER_CHECK, &d) == 0);
	CHECK(!diag_failed_since(&d, mark));
	CHECK(!is_folder("real/nl"));

	/* A missing base is made, parents and all. */
	snprintf(base, sizeof base, "%s/new/site", root);
	CHECK(file_make_folders_below(base, "fr/page.html", 0, &d) == 0);
	CHECK(is_folder("new/site/fr"));
}

static void names_sorted(void)
{
	char **names = NULL;
	long n;

	CHECK(mkdir(at("list"), 0777) == 0);
	put("list/b", "");
	put("list/B", "");
	put("list/a.xml", "");
	put("list/.hidden", "");
	put("list/\xc3\xa9t\xc3\xa9", "");
	n = file_names(at("list"), &names, &d);
	CHECK(n == 4);
	if (n == 4) {
		CHECK_STR(names[0], "B");
		CHECK_STR(names[1], "a.xml");
		CHECK_STR(names[2], "b");
		CHECK_STR(names[3], "\xc3\xa9t\xc3\xa9");
	}
	file_names_free(names, n);

	unsigned long mark = diag_mark(&d);
	CHECK(file_names(at("missing"), &names, &d) == -1);
	CHECK(diag_failed_since(&d, mark));
	CHECK(strstr(buf_str(&messages), "cannot read folder") != NULL);
}

int main(void)
{
	char cmd[128];

	snprintf(root, sizeof root, "/tmp/test-file.XXXXXX");
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return 99;
	}
	diag_init(&d, collect, NULL);
	TEST(read_bounded, "a file is read whole, and refused above its bound or as a folder");
	TEST(folders_made, "folders are made as mkdir -p would, or only looked for");
	TEST(links_named_by_the_user, "mkdir -p follows a link to a folder, never a file");
	TEST(links_below_refused, "below a base, a link is reported and never followed");
	TEST(names_sorted, "a listing skips dot-files and is sorted byte by byte");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", root);
	buf_release(&messages);
	return unit_done("test-file");
}
