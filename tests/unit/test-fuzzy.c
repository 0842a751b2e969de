/*
 * Unit tests for fuzzy: the similarity is msgmerge's (2 * LCS / total
 * length, in bytes), and the index finds the close strings.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/fuzzy.h"
#include "unit.h"

/* The textbook LCS, to check the bit-parallel one against. */
static size_t slow_lcs(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), i, j, r;
	size_t *row = calloc(m + 1, sizeof *row), *prev = calloc(m + 1, sizeof *prev), *t;

	for (i = 1; i <= n; i++) {
		for (j = 1; j <= m; j++)
			row[j] = a[i - 1] == b[j - 1]
			             ? prev[j - 1] + 1
			             : (prev[j] > row[j - 1] ? prev[j] : row[j - 1]);
		t = prev;
		prev = row;
		row = t;
	}
	r = prev[m];
	free(row);
	free(prev);
	return r;
}

static unsigned long seed = 12345;

static char *random_text(size_t len)
{
	char *s = malloc(len + 1);
	size_t i;

	for (i = 0; i < len; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		s[i] = "abcde fgh"[(seed >> 33) % 9];
	}
	s[len] = '\0';
	return s;
}

static void known_values(void)
{
	/* Known values: "abc"/"ab" 4/5, "abc"/"abd" 4/6, identical 1, disjoint 0. */
	CHECK(fuzzy_similarity("abc", "ab") == 0.8);
	CHECK(fuzzy_similarity("abc", "abd") == 4.0 / 6.0);
	CHECK(fuzzy_similarity("Le chien mange.", "Le chien mange.") == 1.0);
	CHECK(fuzzy_similarity("", "") == 1.0);
	CHECK(fuzzy_similarity("abc", "xyz") == 0.0);
	CHECK(fuzzy_similarity("", "abc") == 0.0);
	/* Bytes, as gettext's fstrcmp: "é" is two. */
	CHECK(fuzzy_similarity("\xc3\xa9t\xc3\xa9", "ete") == 2.0 / 8.0);
}

static void bit_parallel_lcs(void)
{
	size_t i;
	int agree = 1;

	/* Across word boundaries: strings longer than 64 and 128 bytes. */
	for (i = 0; i < 200; i++) {
		char *a = random_text(1 + i * 3 % 301), *b = random_text(1 + i * 7 % 263);
		double want = (double)(2 * slow_lcs(a, b)) / (double)(strlen(a) + strlen(b));

		if (fuzzy_similarity(a, b) != want)
			agree = 0;
		free(a);
		free(b);
	}
	CHECK(agree);
}

static void lower_bound(void)
{
	struct fuzzy_query q;

	fuzzy_query_init(&q, "Le chien mange.");
	CHECK(fuzzy_query_similarity(&q, "x", 1, 0.6) <= 0.6);
	CHECK(fuzzy_query_similarity(&q, "Le chien mange bien.", 20, 0.6) ==
	      fuzzy_similarity("Le chien mange.", "Le chien mange bien."));
	fuzzy_query_release(&q);
}

static void index_candidates(void)
{
	struct fuzzy_index *fi = fuzzy_index_new();
	size_t ids[8], n, i;
	char *texts[64];

	for (i = 0; i < 64; i++) {
		struct buf b = BUF_INIT;

		buf_addf(&b, "Phrase num\xc3\xa9ro %zu sur la protection de l'enfance en %zu.", i,
		         1990 + i);
		texts[i] = buf_detach(&b);
		CHECK(fuzzy_index_add(fi, texts[i]) == i);
	}
	fuzzy_index_add(fi, "ab");
	fuzzy_index_add(fi, "abcd");
	n = fuzzy_index_candidates(
	    fi, "Phrase num\xc3\xa9ro 42 sur la protection de l'enfance en 2033 !", 4096, ids, 8);
	CHECK(n == 8);
	CHECK(n > 0 && ids[0] == 42);
	CHECK_STR(fuzzy_index_text(fi, 42), texts[42]);
	/* Short strings: compared with every string of a possible length. */
	n = fuzzy_index_candidates(fi, "abc", 4096, ids, 8);
	CHECK(n == 2 && ids[0] == 64 && ids[1] == 65);
	n = fuzzy_index_candidates(fi, "zzzzzzz", 4096, ids, 8);
	CHECK(n == 0);
	fuzzy_index_free(fi);
	for (i = 0; i < 64; i++)
		free(texts[i]);
}

/* A sentence of words drawn from a small vocabulary (its words FROM to
 * FROM + COUNT) by the generator at *STATE: many grams are equally rare,
 * so the order in which a query reads them (and where its budget stops
 * it) is put to the test. */
static char *sentence(unsigned *state, unsigned from, unsigned count)
{
	static const char *const words[] = { "enfant",  "droit", "protection",  "les",     "des",
		                             "mineurs", "non",   "accompagnés", "accueil", "loi",
		                             "été",     "année", "rapport",     "ECPAT",   "en" };
	struct buf b = BUF_INIT;
	unsigned n, k;

	*state = *state * 1103515245u + 12345u;
	n = 3 + (*state >> 16) % 9;
	for (k = 0; k < n; k++) {
		*state = *state * 1103515245u + 12345u;
		buf_addf(&b, "%s%s", k ? " " : "", words[from + (*state >> 16) % count]);
	}
	return buf_detach(&b);
}

static void restricted_index(void)
{
	enum { STRINGS = 600, QUERIES = 40 };
	static const size_t budgets[] = { 1, 8, 40, 300, 100000 };
	struct fuzzy_index *whole = fuzzy_index_new(), *part = fuzzy_index_new();
	char *texts[STRINGS], *queries[QUERIES + 1];
	unsigned state = 7;
	size_t i, b, k;

	for (i = 0; i < STRINGS; i++) {
		texts[i] = sentence(&state, 0, 15);
		fuzzy_index_add(whole, texts[i]);
		fuzzy_index_add(part, texts[i]);
	}
	for (i = 0; i < QUERIES; i++)
		queries[i] = sentence(&state, 0, 8);
	fuzzy_index_expect(part, (const char *const *)queries, QUERIES);
	/* The last query is one the restricted index was not told of, of
	 * words the others do not have. */
	queries[QUERIES] = sentence(&state, 8, 7);
	for (i = 0; i <= QUERIES; i++)
		for (b = 0; b < sizeof budgets / sizeof *budgets; b++) {
			size_t a[16], c[16];
			size_t na = fuzzy_index_candidates(whole, queries[i], budgets[b], a, 16);
			size_t nc = fuzzy_index_candidates(part, queries[i], budgets[b], c, 16);
			int same = na == nc;

			for (k = 0; same && k < na; k++)
				same = a[k] == c[k];
			CHECK(same);
			if (!same)
				fprintf(stderr, "  query %zu \"%s\", budget %zu\n", i, queries[i],
				        budgets[b]);
		}
	fuzzy_index_free(whole);
	fuzzy_index_free(part);
	for (i = 0; i < STRINGS; i++)
		free(texts[i]);
	for (i = 0; i <= QUERIES; i++)
		free(queries[i]);
}

int main(void)
{
	TEST(known_values, "similarity is msgmerge's 2 * LCS / total length, in bytes");
	TEST(bit_parallel_lcs, "the bit-parallel LCS agrees with the textbook one");
	TEST(lower_bound, "a lower bound stops early and never reports more than the truth");
	TEST(index_candidates,
	     "the index puts a revised sentence's old version first; short strings are all "
	     "compared");
	TEST(restricted_index,
	     "an index made for the expected queries alone answers them, and any other, as the "
	     "whole index does");
	return unit_done("test-fuzzy");
}
