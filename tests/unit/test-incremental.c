/*
 * Unit tests for the caches of the stages: a document whose record is
 * used gives exactly what reading it gives, a changed one is read again,
 * and what a record could not cover (linked rules, diagnostics) is never
 * recorded.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/catalog.h"
#include "lib/extract.h"
#include "lib/inject.h"
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

/* 1 when the files A and B (below the test's folder) hold the same bytes. */
static int same_files(const char *a, const char *b)
{
	char *x = unit_slurp(path_of(a)), *y = unit_slurp(path_of(b));
	int same = x && y && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

static void extraction(void)
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

static const char po_head[] =
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Language: en\\n\"\n\"X-Source-Language: fr\\n\"\n\n";

/* A catalog for a.xml and b.xml with TRANSLATION for "Commun." */
static void write_catalog(const char *common)
{
	char text[2048];

	snprintf(text, sizeof text,
	         "%smsgid \"Un <em>premier</em> texte.\"\nmsgstr \"A <em>first</em> text.\"\n\n"
	         "msgid \"Une image\"\nmsgstr \"An image\"\n\n"
	         "msgid \"Commun.\"\nmsgstr \"%s\"\n\n"
	         "msgid \"Un autre.\"\nmsgstr \"Another <script/>.\"\n",
	         po_head, common);
	write_text("en.po", text);
}

/*
 * Localizes a.xml and b.xml into the folder OUT, through the cache at
 * PACK when not NULL; returns the records used.  *REJECTED gets the
 * translations refused, *ERRORS the errors reported.
 */
static size_t localize(const char *pack, const char *out, unsigned long *rejected,
                       unsigned long *errors)
{
	const char *names[] = { "a.xml", "b.xml" };
	struct its_rules *rules = its_rules_new();
	struct cache *c = pack ? cache_open(pack) : NULL;
	struct inject_options opt;
	struct catalog *cat;
	struct inject *inj;
	struct digest rules_dg;
	struct diag d;
	char target[600];
	size_t i, hits;

	diag_init(&d, NULL, NULL);
	its_rules_load(rules, path_of("rules.its"), &d);
	rules_dg = digest_of(rules_text, strlen(rules_text));
	cat = catalog_read(path_of("en.po"), &d);
	memset(&opt, 0, sizeof opt);
	opt.lang = "en";
	opt.source_lang = "fr";
	opt.threshold = 50;
	inj = inject_new(rules, cat, &opt);
	mkdir(path_of(out), 0777);
	for (i = 0; i < 2; i++) {
		snprintf(target, sizeof target, "%s/%s", path_of(out), names[i]);
		if (c) {
			CHECK(inject_file_cached(inj, path_of(names[i]), names[i], target, c,
			                         &rules_dg, &d) >= 0);
		} else {
			xmlDocPtr doc = xmldoc_read_file(path_of(names[i]), &d);

			CHECK(doc && inject_doc(inj, doc, names[i], &d) == 0);
			CHECK(inject_write_doc(doc, target, &d) >= 0);
			xmlFreeDoc(doc);
		}
	}
	snprintf(target, sizeof target, "%s/manifest.xml", path_of(out));
	CHECK(inject_write_manifest(inj, target, &d) >= 0);
	*rejected = inject_rejected(inj);
	*errors = diag_count(&d, DIAG_ERROR);
	hits = c ? cache_stats(c)->hits : 0;
	if (c)
		CHECK(cache_save(c, &d) == 0);
	cache_free(c);
	inject_free(inj);
	catalog_free(cat);
	its_rules_free(rules);
	return hits;
}

static int same_folders(const char *a, const char *b)
{
	const char *files[] = { "a.xml", "b.xml", "manifest.xml" };
	char x[600], y[600];
	size_t i;
	int same = 1;

	for (i = 0; i < 3; i++) {
		snprintf(x, sizeof x, "%s/%s", a, files[i]);
		snprintf(y, sizeof y, "%s/%s", b, files[i]);
		same = same && same_files(x, y);
	}
	return same;
}

static void localization(void)
{
	unsigned long rejected, errors, r2, e2;

	write_text("a.xml", doc_a);
	write_text("b.xml", doc_b2);
	write_catalog("Common.");
	CHECK(localize(NULL, "plain", &rejected, &errors) == 0);
	CHECK(rejected == 1 && errors == 1); /* "Another <script/>." */
	CHECK(localize(path_of("xml.pack"), "cached", &r2, &e2) == 0);
	CHECK(same_folders("plain", "cached"));
	/* Both from their records, the refused translation said again. */
	CHECK(localize(path_of("xml.pack"), "cached", &r2, &e2) == 2);
	CHECK(r2 == rejected && e2 == errors);
	CHECK(same_folders("plain", "cached"));

	/* The translation of a message both use changes: both again. */
	write_catalog("In common.");
	CHECK(localize(NULL, "plain", &rejected, &errors) == 0);
	CHECK(localize(path_of("xml.pack"), "cached", &r2, &e2) == 0);
	CHECK(same_folders("plain", "cached"));
	CHECK(localize(path_of("xml.pack"), "cached", &r2, &e2) == 2);

	/* A localized article edited or removed by hand is written again. */
	write_text("cached/a.xml", "<doc/>\n");
	unlink(path_of("cached/b.xml"));
	CHECK(localize(path_of("xml.pack"), "cached", &r2, &e2) == 0);
	CHECK(same_folders("plain", "cached"));
}

int main(void)
{
	char cmd[300];

	if (!mkdtemp(dir))
		return 99;
	TEST(extraction, "a cached extraction writes the same template, reading only what changed");
	TEST(localization,
	     "a cached build writes the same files, again where a translation or output changed");
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 99;
	return unit_done("test-incremental");
}
