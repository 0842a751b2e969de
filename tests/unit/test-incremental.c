/*
 * Unit tests for the caches of the stages: a document whose record is
 * used gives exactly what reading it gives, a changed one is read again,
 * and what a record could not cover (linked rules, diagnostics) is never
 * recorded.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/extract.h"
#include "lib/its.h"
#include "lib/xmldoc.h"
#include "unit.h"

static char dir[] = "/tmp/traduki-incremental-XXXXXX";

static char *path_of(const char *name)
{
	static char path[8][512];
	static int next;
	char *p = path[next++ % 8];

	snprintf(p, 512, "%s/%s", dir, name);
	return p;
}

static void write_text(const char *name, const char *text)
{
	FILE *fp = fopen(path_of(name), "wb");

	fputs(text, fp);
	fclose(fp);
}

static const char rules_text[] =
    "<its:rules xmlns:its='http://www.w3.org/2005/11/its' version='2.0'>\n"
    "  <its:withinTextRule selector='//em' withinText='yes'/>\n"
    "  <its:translateRule selector='//image/@alt' translate='yes'/>\n"
    "</its:rules>\n";

static const char doc_a[] = "<doc xml:lang='fr'>\n  <p>Un <em>premier</em> texte.</p>\n"
                            "  <image src='x.jpg' alt='Une image'/>\n  <p>Commun.</p>\n</doc>\n";
static const char doc_b[] = "<doc xml:lang='fr'>\n  <p>Commun.</p>\n  <p>Un second.</p>\n</doc>\n";
static const char doc_b2[] =
    "<doc xml:lang='fr'>\n  <p>Commun.</p>\n\n  <p>Un autre.</p>\n</doc>\n";
static const char doc_linked[] =
    "<doc xml:lang='fr' xmlns:its='http://www.w3.org/2005/11/its'\n"
    "     xmlns:xlink='http://www.w3.org/1999/xlink'>\n"
    "  <its:rules version='2.0' xlink:type='simple' xlink:href='linked.its'/>\n"
    "  <p>Lié.</p><code>x = 1</code>\n</doc>\n";
static const char linked_rules[] =
    "<its:rules xmlns:its='http://www.w3.org/2005/11/its' version='2.0'>\n"
    "  <its:translateRule selector='//code' translate='no'/>\n</its:rules>\n";

/*
 * Extracts NAMES (COUNT of them) into OUT, through the cache at PACK when
 * not NULL; returns the records found there.
 */
static size_t extract(const char *const *names, size_t count, const char *pack, const char *out)
{
	struct its_rules *rules = its_rules_new();
	struct extract *ex;
	struct cache *c = pack ? cache_open(pack) : NULL;
	struct digest rules_dg;
	struct diag d;
	size_t i, hits;

	diag_init(&d, NULL, NULL);
	its_rules_load(rules, path_of("rules.its"), &d);
	rules_dg = digest_of(rules_text, strlen(rules_text));
	ex = extract_new(rules);
	for (i = 0; i < count; i++) {
		if (c)
			CHECK(extract_file_cached(ex, path_of(names[i]), c, &rules_dg, &d) == 0);
		else
			CHECK(extract_file(ex, path_of(names[i]), &d) == 0);
	}
	CHECK(extract_write(ex, path_of(out), NULL, &d) == 0);
	CHECK(diag_count(&d, DIAG_ERROR) == 0);
	hits = c ? cache_stats(c)->hits : 0;
	if (c)
		CHECK(cache_save(c, &d) == 0);
	cache_free(c);
	extract_free(ex);
	its_rules_free(rules);
	return hits;
}

static int same_files(const char *a, const char *b)
{
	char *x = unit_slurp(path_of(a)), *y = unit_slurp(path_of(b));
	int same = x && y && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

static void test_extract(void)
{
	const char *names[] = { "a.xml", "b.xml", "linked.xml" };

	setenv("SOURCE_DATE_EPOCH", "0", 1);
	write_text("rules.its", rules_text);
	write_text("linked.its", linked_rules);
	write_text("a.xml", doc_a);
	write_text("b.xml", doc_b);
	write_text("linked.xml", doc_linked);

	CHECK(extract(names, 3, NULL, "plain.pot") == 0);
	CHECK(extract(names, 3, path_of("extract.pack"), "first.pot") == 0);
	CHECK(same_files("plain.pot", "first.pot"));
	/* a and b from their records; the document with linked rules is
	 * never recorded, since its key cannot cover the linked file. */
	CHECK(extract(names, 3, path_of("extract.pack"), "second.pot") == 2);
	CHECK(same_files("plain.pot", "second.pot"));

	/* b changed (a line more, other text): read again, a still recorded. */
	write_text("b.xml", doc_b2);
	CHECK(extract(names, 3, NULL, "plain2.pot") == 0);
	CHECK(!same_files("plain.pot", "plain2.pot"));
	CHECK(extract(names, 3, path_of("extract.pack"), "third.pot") == 1);
	CHECK(same_files("plain2.pot", "third.pot"));
	CHECK(extract(names, 3, path_of("extract.pack"), "fourth.pot") == 2);
	CHECK(same_files("plain2.pot", "fourth.pot"));

	/* Under another name the same bytes are another document. */
	write_text("c.xml", doc_b2);
	names[1] = "c.xml";
	CHECK(extract(names, 3, path_of("extract.pack"), "fifth.pot") == 1);
	CHECK(extract(names, 3, NULL, "plain3.pot") == 0);
	CHECK(same_files("plain3.pot", "fifth.pot"));
}

int main(void)
{
	char cmd[300];

	if (!mkdtemp(dir))
		return 99;
	test_extract();
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 99;
	return unit_done("test-incremental");
}
