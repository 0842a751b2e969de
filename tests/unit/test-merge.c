/*
 * Unit tests for merge: its two promises on a generated catalog that
 * editors revised at random (a word, a number, a sentence added or
 * removed, a negation, a message deleted), over several seeds:
 *
 * - never a lost translation: every translated msgstr of the old catalog
 *   is in the result, in an active entry or an obsolete one;
 * - no churn: merging the result again with the same template gives the
 *   same bytes.
 *
 * And what merge added to catalog and uni: header comments,
 * catalog_render, uni_plural_forms for the languages doc/merge.md lists.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/buf.h"
#include "lib/catalog.h"
#include "lib/merge.h"
#include "lib/uni.h"
#include "unit.h"

static const char *const words[] = {
	"enfants",   "protection", "police",   "rapport", "traite", "victimes", "hôtel",
	"formation", "campagne",   "Belgique", "loi",     "ans",    "de",       "la",
	"les",       "des",        "et",       "pour",    "contre", "dans",     "une",
	"un",        "est",        "sont",     "avec",    "sur",
};

static unsigned long rng = 1;

static unsigned pick(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

static void add_sentence(struct buf *b)
{
	unsigned i, n = 5 + pick(12);

	if (b->len)
		buf_addc(b, ' ');
	buf_adds(b, pick(2) ? "Les" : "En");
	for (i = 0; i < n; i++) {
		buf_addc(b, ' ');
		if (pick(12) == 0)
			buf_addf(b, "%u", 1990 + pick(40));
		else
			buf_adds(b, words[pick(sizeof words / sizeof words[0])]);
	}
	buf_adds(b, pick(4) ? "." : " !");
}

/* A pseudo-translation, sentence for sentence: upper case ASCII. */
static char *translate(const char *s)
{
	char *t = strdup(s), *p;

	for (p = t; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return t;
}

/* An editor's revision of S, or NULL to delete the message. */
static char *revise(const char *s)
{
	struct buf b = BUF_INIT;
	const char *dot;

	switch (pick(6)) {
	case 0:
		return NULL;
	case 1: /* a sentence more */
		buf_adds(&b, s);
		add_sentence(&b);
		break;
	case 2: /* the first sentence gone, if there are two */
		dot = strstr(s, ". ");
		buf_adds(&b, dot ? dot + 2 : "Tout neuf.");
		break;
	case 3: /* a negation */
		buf_adds(&b, "Ce n'est pas vrai : ");
		buf_adds(&b, s);
		break;
	case 4: /* a number */
		buf_adds(&b, s);
		buf_adds(&b, " En 2031.");
		break;
	default: /* a word */
		buf_adds(&b, "Aujourd'hui ");
		buf_adds(&b, s);
		break;
	}
	return buf_detach(&b);
}

static int has_str(const struct catalog *cat, const char *msgstr)
{
	size_t i;

	for (i = 0; i < catalog_count(cat); i++)
		if (strcmp(catalog_msg_str(catalog_at(cat, i)), msgstr) == 0)
			return 1;
	return 0;
}

static void one_round(unsigned seed, unsigned count)
{
	struct catalog *def = catalog_create("old.po"), *ref = catalog_create("new.pot");
	struct catalog *out, *again;
	struct merge_options opt = { 1, 1, NULL, "fr" };
	struct merge_stats st;
	struct buf one = BUF_INIT, two = BUF_INIT;
	struct diag d;
	unsigned i, lost = 0;

	rng = seed;
	diag_init(&d, NULL, NULL);
	catalog_set_header(def, "Language: nl\nContent-Type: text/plain; charset=UTF-8\n"
	                        "Plural-Forms: nplurals=2; plural=(n != 1);\n");
	catalog_set_header(ref, "POT-Creation-Date: 2026-01-01 00:00+0000\n"
	                        "Content-Type: text/plain; charset=UTF-8\n");
	for (i = 0; i < count; i++) {
		struct buf b = BUF_INIT;
		unsigned k, n = 1 + pick(4);
		char *t, *r;
		struct catalog_msg *m;

		for (k = 0; k < n; k++)
			add_sentence(&b);
		buf_addf(&b, " (%u)", i); /* msgids stay unique */
		m = catalog_append(def, NULL, buf_str(&b), NULL);
		t = translate(buf_str(&b));
		if (pick(10)) /* a few are untranslated */
			catalog_msg_set_str(m, t);
		if (pick(10) == 0)
			catalog_msg_set_fuzzy(m, 1);
		free(t);
		r = pick(5) ? NULL : revise(buf_str(&b));
		if (!r && pick(10) == 0)
			r = NULL; /* deleted */
		else if (!r)
			r = strdup(buf_str(&b));
		if (r)
			catalog_append(ref, NULL, r, NULL);
		free(r);
		buf_release(&b);
	}

	out = merge_catalogs(def, ref, &opt, &st, &d);
	CHECK(out != NULL);
	for (i = 0; out && i < catalog_count(def); i++) {
		const char *s = catalog_msg_str(catalog_at(def, i));

		if (*s && !has_str(out, s))
			lost++;
	}
	CHECK(lost == 0);
	CHECK(st.fuzzy > 0 && st.exact > 0);

	/* Once more with the result: the same bytes. */
	again = out ? merge_catalogs(out, ref, &opt, NULL, &d) : NULL;
	CHECK(again != NULL);
	if (again) {
		CHECK(catalog_render(out, catalog_name(out), &one, &d) == 0);
		CHECK(catalog_render(again, catalog_name(again), &two, &d) == 0);
		CHECK(one.len == two.len && memcmp(buf_str(&one), buf_str(&two), one.len) == 0);
	}
	CHECK(diag_count(&d, DIAG_ERROR) == 0);
	buf_release(&one);
	buf_release(&two);
	catalog_free(again);
	catalog_free(out);
	catalog_free(def);
	catalog_free(ref);
}

/* catalog_render gives the bytes catalog_write writes; header comments. */
static void catalog_additions(void)
{
	struct catalog *cat = catalog_create("t.po");
	struct buf rendered = BUF_INIT;
	struct diag d;
	char path[] = "/tmp/traduki-merge-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp;
	char text[4096];
	size_t n = 0;

	diag_init(&d, NULL, NULL);
	CHECK(catalog_header_comments(cat) == NULL);
	catalog_set_header(cat, "Language: nl\nContent-Type: text/plain; charset=UTF-8\n");
	catalog_set_header_comments(cat, "Dutch translation.\n");
	CHECK_STR(catalog_header_comments(cat), "Dutch translation.\n");
	catalog_msg_set_str(catalog_append(cat, NULL, "Bonjour", NULL), "Hallo");
	CHECK(catalog_render(cat, catalog_name(cat), &rendered, &d) == 0);
	CHECK(strncmp(buf_str(&rendered), "# Dutch translation.\nmsgid \"\"\n", 30) == 0);
	if (fd >= 0) {
		close(fd);
		CHECK(catalog_write(cat, path, 0, &d) == 0);
		fp = fopen(path, "rb");
		if (fp) {
			n = fread(text, 1, sizeof text, fp);
			fclose(fp);
		}
		CHECK(n == rendered.len && memcmp(text, buf_str(&rendered), n) == 0);
		unlink(path);
	}
	buf_release(&rendered);
	catalog_free(cat);
}

static void random_rounds(void)
{
	unsigned seed;

	for (seed = 1; seed <= 5; seed++)
		one_round(seed, 300);
}

static void plural_forms(void)
{
	CHECK_STR(uni_plural_forms("en"), "nplurals=2; plural=(n != 1);");
	CHECK_STR(uni_plural_forms("nl_BE"), "nplurals=2; plural=(n != 1);");
	CHECK_STR(uni_plural_forms("de"), "nplurals=2; plural=(n != 1);");
	CHECK_STR(uni_plural_forms("fr"), "nplurals=2; plural=(n > 1);");
	CHECK_STR(uni_plural_forms("ja"), "nplurals=1; plural=0;");
	CHECK(uni_plural_forms("ar") && strncmp(uni_plural_forms("ar"), "nplurals=6;", 11) == 0);
	CHECK(uni_plural_forms("pl") && strncmp(uni_plural_forms("pl"), "nplurals=3;", 11) == 0);
	CHECK(uni_plural_forms("ru") && strncmp(uni_plural_forms("ru"), "nplurals=3;", 11) == 0);
	CHECK(uni_plural_forms("xx") == NULL);
	CHECK(uni_plural_forms("") == NULL);
}

int main(void)
{
	TEST(catalog_additions,
	     "catalog_render gives the bytes catalog_write writes, header comments first");
	TEST(random_rounds,
	     "merging revised catalogs keeps every translation, and merging again changes nothing");
	TEST(plural_forms, "a new catalog's Plural-Forms are gettext's for its language");
	uni_cleanup();
	return unit_done("test-merge");
}
