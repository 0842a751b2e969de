/*
 * Unit tests for digest and cache: digests that tell inputs apart and do
 * not depend on how the bytes are fed; a pack that keeps what a run used
 * and nothing else, is not rewritten when unchanged, and is ignored when
 * damaged; files known by their stat only when that cannot mislead.
 */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/digest.h"
#include "unit.h"

static char dir[] = "/tmp/traduki-cache-XXXXXX";

static struct digest key_of(const char *name)
{
	struct digest_state s;

	cache_key(&s, "test");
	digest_add_str(&s, name);
	return digest_final(&s);
}

static void write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	fputs(text, fp);
	fclose(fp);
}

static void digests(void)
{
	static const char text[] =
	    "Le 18 novembre, ECPAT Belgique lance sa campagne « I say stop ».";
	struct digest whole = digest_of(text, strlen(text)), other;
	struct digest_state s;
	struct digest a, b;
	size_t cut, len = strlen(text);
	char hex[33];

	/* However the bytes are split, the digest is the same. */
	for (cut = 0; cut <= len; cut++) {
		digest_init(&s);
		digest_add_raw(&s, text, cut);
		digest_add_raw(&s, text + cut, len - cut);
		other = digest_final(&s);
		CHECK(digest_equal(&whole, &other));
	}
	/* One byte more, one changed, or the empty text: another digest. */
	other = digest_of(text, len - 1);
	CHECK(!digest_equal(&whole, &other));
	other = digest_of("Le 19", 5);
	a = digest_of("Le 18", 5);
	CHECK(!digest_equal(&a, &other));
	other = digest_of("", 0);
	a = digest_of("\0", 1);
	CHECK(!digest_equal(&a, &other));
	/* Strings carry their length; NULL is not "". */
	digest_init(&s);
	digest_add_str(&s, "ab");
	digest_add_str(&s, "c");
	a = digest_final(&s);
	digest_init(&s);
	digest_add_str(&s, "a");
	digest_add_str(&s, "bc");
	b = digest_final(&s);
	CHECK(!digest_equal(&a, &b));
	digest_init(&s);
	digest_add_str(&s, NULL);
	a = digest_final(&s);
	digest_init(&s);
	digest_add_str(&s, "");
	b = digest_final(&s);
	CHECK(!digest_equal(&a, &b));
	digest_hex(&whole, hex);
	CHECK(strlen(hex) == 32);
	CHECK(digest_equal(digest_program(), digest_program()));
}

static void packs(void)
{
	char pack[256];
	struct cache *c;
	struct digest one = key_of("one"), two = key_of("two");
	struct diag d;
	struct stat st1, st2;
	const char *data;
	size_t len = 0;
	char *bytes;
	FILE *fp;

	diag_init(&d, NULL, NULL);
	snprintf(pack, sizeof pack, "%s/sub/folder/stage.pack", dir);
	c = cache_open(pack);
	CHECK(cache_get(c, &one, &len) == NULL);
	cache_put(c, &one, "first", 5);
	cache_put(c, &two, "second", 6);
	cache_put(c, &two, "2", 1);
	CHECK(cache_save(c, &d) == 0);
	cache_free(c);

	/* Read back; a run that uses the same records writes nothing. */
	CHECK(stat(pack, &st1) == 0);
	c = cache_open(pack);
	data = cache_get(c, &one, &len);
	CHECK(data && len == 5 && memcmp(data, "first", 5) == 0);
	data = cache_get(c, &two, &len);
	CHECK(data && len == 1 && memcmp(data, "2", 1) == 0);
	CHECK(cache_stats(c)->hits == 2);
	CHECK(cache_save(c, &d) == 0);
	cache_free(c);
	CHECK(stat(pack, &st2) == 0);
	CHECK(st1.st_ino == st2.st_ino && st1.st_mtim.tv_nsec == st2.st_mtim.tv_nsec);

	/* A record the run did not use is dropped. */
	c = cache_open(pack);
	CHECK(cache_get(c, &one, &len) != NULL);
	CHECK(cache_save(c, &d) == 0);
	cache_free(c);
	c = cache_open(pack);
	CHECK(cache_get(c, &two, &len) == NULL);
	CHECK(cache_get(c, &one, &len) != NULL);
	cache_free(c);

	/* A damaged pack (one byte changed, or cut short) is an empty cache. */
	bytes = unit_slurp(pack);
	CHECK(bytes != NULL);
	len = 0;
	if (bytes) {
		struct stat st;

		stat(pack, &st);
		len = (size_t)st.st_size;
		bytes[len - 2] ^= 1;
		fp = fopen(pack, "wb");
		fwrite(bytes, 1, len, fp);
		fclose(fp);
		c = cache_open(pack);
		CHECK(cache_get(c, &one, &len) == NULL);
		cache_free(c);
		bytes[len - 2] ^= 1;
		fp = fopen(pack, "wb");
		fwrite(bytes, 1, len - 3, fp);
		fclose(fp);
		c = cache_open(pack);
		CHECK(cache_get(c, &one, &len) == NULL);
		cache_free(c);
		free(bytes);
	}
}

static void files(void)
{
	char pack[256], file[256];
	struct cache *c;
	struct digest dg, expected;
	struct diag d;
	struct timespec times[2];
	struct stat st;

	diag_init(&d, NULL, NULL);
	snprintf(pack, sizeof pack, "%s/files.pack", dir);
	snprintf(file, sizeof file, "%s/article.xml", dir);
	write_text(file, "<article>A</article>\n");
	expected = digest_of("<article>A</article>\n", 21);
	/* The file must be older than the racy window to be known by its stat. */
	sleep(3);

	c = cache_open(pack);
	CHECK(cache_file(c, file, &dg) == 0 && digest_equal(&dg, &expected));
	CHECK(cache_stats(c)->files_read == 1);
	CHECK(cache_save(c, &d) == 0);
	cache_free(c);

	c = cache_open(pack);
	CHECK(cache_file(c, file, &dg) == 0 && digest_equal(&dg, &expected));
	CHECK(cache_stats(c)->files_read == 0);
	CHECK(cache_save(c, &d) == 0);
	cache_free(c);

	/* Same size, modification time put back: the change time gives it away. */
	stat(file, &st);
	write_text(file, "<article>B</article>\n");
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	utimensat(AT_FDCWD, file, times, 0);
	expected = digest_of("<article>B</article>\n", 21);
	c = cache_open(pack);
	CHECK(cache_file(c, file, &dg) == 0 && digest_equal(&dg, &expected));
	CHECK(cache_stats(c)->files_read == 1);
	CHECK(cache_save(c, &d) == 0);
	cache_free(c);

	/* Just changed: read again, however often, until it is old enough. */
	c = cache_open(pack);
	CHECK(cache_file(c, file, &dg) == 0 && digest_equal(&dg, &expected));
	CHECK(cache_stats(c)->files_read == 1);
	cache_free(c);

	/* A missing file has no digest. */
	c = cache_open(pack);
	CHECK(cache_file(c, "/nonexistent/traduki/file", &dg) == -1);
	cache_free(c);
}

int main(void)
{
	char cmd[300];

	if (!mkdtemp(dir))
		return 99;
	TEST(digests, "a digest is of the bytes however split; strings carry their length");
	TEST(packs, "records read back; unused ones dropped; a damaged pack is an empty cache");
	TEST(files, "a file is known by its stat only when older than the racy window");
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 99;
	return unit_done("test-cache");
}
