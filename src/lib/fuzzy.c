/*
 * fuzzy: a 4-gram index and an exact, bit-parallel similarity.  See fuzzy.h.
 */
#include <config.h>

#include "fuzzy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "mem.h"

/* 4-grams, in characters, as msgmerge uses: long enough that the lists of
 * strings per gram stay short in alphabetic languages. */
#define GRAM 4

/* Strings of fewer than GRAM characters are at most this many bytes, and
 * the strings that may reach the threshold against them at most
 * SHORT_MAX_BYTES * (2 / FUZZY_THRESHOLD - 1) bytes. */
#define SHORT_MAX_BYTES ((GRAM - 1) * 4)
#define SHORT_LIST_MAX 28

/* The hits of a string too long or too short to reach the threshold. */
#define OUT_OF_REACH UINT32_MAX

struct gram_slot {
	uint64_t key; /* 0: empty */
	uint32_t id;
};

struct fuzzy_index {
	const char **texts;
	size_t *lens;
	size_t count, alloc;
	int built;
	/* 1: the grams of the expected queries only (fuzzy_index_expect) */
	int restricted;

	/* gram hash -> gram id, open addressing */
	struct gram_slot *slots;
	size_t slot_mask, grams;
	/* postings of gram g: post[start[g] .. start[g + 1]) */
	uint32_t *start;
	uint32_t *post;
	/* strings by byte length, for short queries */
	size_t *short_ids[SHORT_LIST_MAX + 1];
	size_t short_count[SHORT_LIST_MAX + 1];
	size_t short_alloc[SHORT_LIST_MAX + 1];
	/* per-query work areas */
	uint32_t *hits;
	size_t *touched, *out;
	/* the grams of the last query, rarest first */
	char *last_query;
	struct query_gram *last_grams;
	size_t last_count;
};

/* --- Characters and grams ------------------------------------------------- */

/* The byte length of the UTF-8 character at P (1 for a stray byte). */
static size_t char_len(const unsigned char *p)
{
	size_t n = 1;

	if (*p >= 0xC0)
		while ((p[n] & 0xC0) == 0x80 && n < 4)
			n++;
	return n;
}

static size_t char_count(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	while (*p) {
		p += char_len(p);
		n++;
	}
	return n;
}

/*
 * The key of the gram of LEN bytes at P, never 0 (0 marks an empty slot):
 * four ASCII characters are their own key, other grams a 64-bit FNV-1a
 * hash (a different half of the keys).
 */
static inline uint64_t gram_key(const unsigned char *p, size_t len)
{
	uint64_t h;

	if (len == GRAM)
		return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
		       (uint64_t)p[3] << 24 | 1ULL << 63;
	h = digest_fnv(DIGEST_FNV_START, p, len);
	return (h >> 1) | 1;
}

/*
 * The keys of every 4-gram of S, in order, into *KEYS (grown as needed,
 * *ALLOC elements).  Returns their number (0 when S has fewer than 4
 * characters).
 */
static size_t gram_keys(const char *s, uint64_t **keys, size_t *alloc)
{
	const unsigned char *p[GRAM + 1];
	size_t i, n = 0, len = strlen(s);

	/* At most one gram per byte. */
	if (len + 1 > *alloc) {
		free(*keys);
		*alloc = len + 1;
		*keys = xmalloc(*alloc * sizeof **keys);
	}
	p[0] = (const unsigned char *)s;
	for (i = 1; i <= GRAM; i++) {
		if (!*p[i - 1])
			return 0;
		p[i] = p[i - 1] + char_len(p[i - 1]);
	}
	for (;;) {
		(*keys)[n++] = gram_key(p[0], (size_t)(p[GRAM] - p[0]));
		if (!*p[GRAM])
			return n;
		for (i = 0; i < GRAM; i++)
			p[i] = p[i + 1];
		p[GRAM] += *p[GRAM] < 0x80 ? 1 : char_len(p[GRAM]);
	}
}

/* --- The index -------------------------------------------------------------- */

struct fuzzy_index *fuzzy_index_new(void)
{
	return xcalloc(1, sizeof(struct fuzzy_index));
}

size_t fuzzy_index_add(struct fuzzy_index *fi, const char *text)
{
	size_t alloc = fi->alloc;

	xgrow((void **)&fi->texts, &fi->alloc, fi->count + 1, sizeof *fi->texts);
	xgrow((void **)&fi->lens, &alloc, fi->count + 1, sizeof *fi->lens);
	fi->texts[fi->count] = text;
	fi->lens[fi->count] = strlen(text);
	return fi->count++;
}

const char *fuzzy_index_text(const struct fuzzy_index *fi, size_t id)
{
	return fi->texts[id];
}

static size_t slot_find(const struct fuzzy_index *fi, uint64_t key)
{
	/* Fibonacci hashing: four ASCII characters are their own key, and
	 * their low bits alone would crowd a small table. */
	size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) & fi->slot_mask;

	while (fi->slots[i].key && fi->slots[i].key != key)
		i = (i + 1) & fi->slot_mask;
	return i;
}

static void slots_grow(struct fuzzy_index *fi)
{
	struct gram_slot *old = fi->slots;
	size_t old_size = old ? fi->slot_mask + 1 : 0, i;
	size_t size = old_size ? old_size * 2 : 1024;

	fi->slots = xcalloc(size, sizeof *fi->slots);
	fi->slot_mask = size - 1;
	for (i = 0; i < old_size; i++)
		if (old[i].key)
			fi->slots[slot_find(fi, old[i].key)] = old[i];
	free(old);
}

/* The id of gram KEY, made if new (the index being built). */
static uint32_t gram_id(struct fuzzy_index *fi, uint64_t key, uint32_t **last_doc,
                        uint32_t **counts, size_t *alloc)
{
	size_t i = slot_find(fi, key);

	if (!fi->slots[i].key) {
		if ((fi->grams + 1) * 2 > fi->slot_mask + 1) {
			slots_grow(fi);
			i = slot_find(fi, key);
		}
		fi->slots[i].key = key;
		fi->slots[i].id = (uint32_t)fi->grams++;
		if (fi->grams > *alloc) {
			size_t was = *alloc;

			*alloc = *alloc ? *alloc * 2 : 4096;
			*last_doc = xrealloc(*last_doc, *alloc * sizeof **last_doc);
			*counts = xrealloc(*counts, *alloc * sizeof **counts);
			memset(*last_doc + was, 0, (*alloc - was) * sizeof **last_doc);
			memset(*counts + was, 0, (*alloc - was) * sizeof **counts);
		}
	}
	return fi->slots[i].id;
}

/*
 * A whole index numbers its grams in the order the strings first show
 * them, and a query reads grams of equal rarity in that order.  A
 * restricted index numbered them in the order of the queries: RANK (1 for
 * the first a string shows, RANKED of them; 0 for those none has) gives
 * them the whole index's order, so that its answers are the same.
 */
static void renumber(struct fuzzy_index *fi, uint32_t *rank, uint32_t ranked, uint32_t *counts)
{
	uint32_t *by_rank;
	size_t i;

	if (!fi->grams)
		return;
	by_rank = xcalloc(fi->grams, sizeof *by_rank);
	for (i = 0; i < fi->grams; i++)
		if (!rank[i])
			rank[i] = ++ranked;
	for (i = 0; i < fi->grams; i++)
		by_rank[rank[i] - 1] = counts[i];
	memcpy(counts, by_rank, fi->grams * sizeof *counts);
	for (i = 0; i <= fi->slot_mask; i++)
		if (fi->slots[i].key)
			fi->slots[i].id = rank[fi->slots[i].id] - 1;
	free(by_rank);
}

/*
 * Building reads every string twice: the first time counts the strings of
 * each gram, the second fills the postings, in string order, so that no
 * list of every gram of every string is kept meanwhile.  With QUERIES (N
 * strings), only their grams are indexed: they are entered first, and the
 * strings' other grams are passed over, so the table stays small; the
 * postings of the grams kept are those a whole index has.
 */
static void index_build(struct fuzzy_index *fi, const char *const *queries, size_t nq)
{
	uint32_t *last_doc = NULL, *counts = NULL, *rank = NULL, ranked = 0;
	uint64_t *keys = NULL;
	size_t keys_alloc = 0, alloc = 0, i, k, n, total = 0;

	slots_grow(fi);
	for (i = 0; i < nq; i++) {
		n = gram_keys(queries[i], &keys, &keys_alloc);
		for (k = 0; k < n; k++)
			gram_id(fi, keys[k], &last_doc, &counts, &alloc);
	}
	fi->restricted = queries != NULL;
	if (fi->restricted)
		rank = xcalloc(fi->grams + 1, sizeof *rank);
	for (i = 0; i < fi->count; i++) {
		n = gram_keys(fi->texts[i], &keys, &keys_alloc);
		for (k = 0; k < n; k++) {
			uint32_t id;

			if (fi->restricted) {
				size_t slot = slot_find(fi, keys[k]);

				if (!fi->slots[slot].key)
					continue;
				id = fi->slots[slot].id;
			} else {
				id = gram_id(fi, keys[k], &last_doc, &counts, &alloc);
			}
			/* A string counts once per gram, however often it has it. */
			if (last_doc[id] != (uint32_t)i + 1) {
				last_doc[id] = (uint32_t)i + 1;
				if (rank && !counts[id])
					rank[id] = ++ranked;
				counts[id]++;
			}
		}
		if (fi->lens[i] <= SHORT_LIST_MAX) {
			size_t l = fi->lens[i];

			xgrow((void **)&fi->short_ids[l], &fi->short_alloc[l],
			      fi->short_count[l] + 1, sizeof(size_t));
			fi->short_ids[l][fi->short_count[l]++] = i;
		}
	}
	if (rank)
		renumber(fi, rank, ranked, counts);
	/* Counts to offsets; then the postings. */
	fi->start = xmalloc((fi->grams + 1) * sizeof *fi->start);
	for (i = 0; i < fi->grams; i++) {
		fi->start[i] = (uint32_t)total;
		total += counts[i];
		counts[i] = fi->start[i]; /* now: the next free posting */
		last_doc[i] = 0;
	}
	fi->start[fi->grams] = (uint32_t)total;
	fi->post = xmalloc((total + 1) * sizeof *fi->post);
	for (i = 0; i < fi->count; i++) {
		n = gram_keys(fi->texts[i], &keys, &keys_alloc);
		for (k = 0; k < n; k++) {
			size_t slot = slot_find(fi, keys[k]);
			uint32_t id;

			if (!fi->slots[slot].key)
				continue;
			id = fi->slots[slot].id;
			if (last_doc[id] != (uint32_t)i + 1) {
				last_doc[id] = (uint32_t)i + 1;
				fi->post[counts[id]++] = (uint32_t)i;
			}
		}
	}
	free(keys);
	free(counts);
	free(last_doc);
	free(rank);
	fi->hits = xcalloc(fi->count + 1, sizeof *fi->hits);
	fi->touched = xmalloc((fi->count + 1) * sizeof *fi->touched);
	fi->out = xmalloc((fi->count + 1) * sizeof *fi->out);
	fi->built = 1;
}

/* Undoes index_build: the strings stay. */
static void index_clear(struct fuzzy_index *fi)
{
	size_t l;

	for (l = 0; l <= SHORT_LIST_MAX; l++) {
		free(fi->short_ids[l]);
		fi->short_ids[l] = NULL;
		fi->short_count[l] = fi->short_alloc[l] = 0;
	}
	free(fi->slots);
	free(fi->start);
	free(fi->post);
	free(fi->hits);
	free(fi->touched);
	free(fi->out);
	free(fi->last_query);
	free(fi->last_grams);
	fi->slots = NULL;
	fi->start = fi->post = fi->hits = NULL;
	fi->touched = fi->out = NULL;
	fi->last_query = NULL;
	fi->last_grams = NULL;
	fi->slot_mask = fi->grams = fi->last_count = 0;
	fi->built = fi->restricted = 0;
}

void fuzzy_index_expect(struct fuzzy_index *fi, const char *const *queries, size_t n)
{
	if (fi->built)
		index_clear(fi);
	index_build(fi, queries, n);
}

/* 1 when every gram of QUERY is in FI's table (a restricted index has
 * exactly those of the queries it expected). */
static int knows_grams(const struct fuzzy_index *fi, const char *query)
{
	uint64_t *keys = NULL;
	size_t alloc = 0, n = gram_keys(query, &keys, &alloc), i;
	int known = 1;

	for (i = 0; i < n && known; i++)
		known = fi->slots[slot_find(fi, keys[i])].key != 0;
	free(keys);
	return known;
}

/* The grams of a query: index ids with their multiplicity in the query. */
struct query_gram {
	uint32_t id;
	uint32_t postings;
	uint32_t times;
};

/* The grams of QUERY found in FI's index, each with its multiplicity. */
static size_t query_grams(struct fuzzy_index *fi, const char *query, struct query_gram **out)
{
	uint64_t *keys = NULL;
	size_t alloc = 0, n = gram_keys(query, &keys, &alloc), i, count = 0;
	struct query_gram *grams = xmalloc((n + 1) * sizeof *grams);

	for (i = 0; i < n; i++) {
		size_t slot = slot_find(fi, keys[i]);
		uint32_t id;

		/* (Only a restricted index has grams that no string has.) */
		if (!fi->slots[slot].key ||
		    fi->start[fi->slots[slot].id + 1] == fi->start[fi->slots[slot].id])
			continue;
		id = fi->slots[slot].id;
		grams[count].id = id;
		grams[count].postings = fi->start[id + 1] - fi->start[id];
		grams[count++].times = 1;
	}
	free(keys);
	*out = grams;
	return count;
}

/* Folds repeated grams, which are next to each other, into one with their
 * multiplicity. */
static size_t fold_repeats(struct query_gram *grams, size_t count)
{
	size_t i, n = 0;

	for (i = 0; i < count; i++) {
		if (n && grams[n - 1].id == grams[i].id)
			grams[n - 1].times++;
		else
			grams[n++] = grams[i];
	}
	return n;
}

static int by_rarity(const void *a, const void *b)
{
	const struct query_gram *x = a, *y = b;

	if (x->postings != y->postings)
		return x->postings < y->postings ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static size_t select_best(struct fuzzy_index *fi, size_t touched, size_t most, size_t *ids,
                          size_t max);

/* For sorting candidates: most hits first, then lowest id. */
static const uint32_t *sort_hits;

static int by_hits(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (sort_hits[x] != sort_hits[y])
		return sort_hits[x] > sort_hits[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

/*
 * The lengths of strings that may reach the threshold against one of N
 * bytes: 2 * min / (n + m) bounds the similarity, so m lies within
 * n * 0.6 / 1.4 and n * 1.4 / 0.6 (with a margin for msgmerge's bonus for
 * equal contexts).
 */
static void length_window(size_t n, size_t *lo, size_t *hi)
{
	double t = FUZZY_THRESHOLD - 0.001;

	*lo = (size_t)((double)n * t / (2 - t));
	*hi = (size_t)((double)n * (2 - t) / t) + 1;
}

static size_t short_candidates(struct fuzzy_index *fi, size_t len, size_t *ids, size_t max)
{
	double ratio = 2 / FUZZY_THRESHOLD - 1;
	size_t lmin = (size_t)((double)len / ratio), lmax = (size_t)((double)len * ratio);
	size_t l, k, n = 0;

	if ((double)lmin * ratio < (double)len)
		lmin++;
	if (lmax > SHORT_LIST_MAX)
		lmax = SHORT_LIST_MAX;
	for (l = lmin; l <= lmax; l++)
		for (k = 0; k < fi->short_count[l] && n < max; k++)
			ids[n++] = fi->short_ids[l][k];
	return n;
}

size_t fuzzy_index_candidates(struct fuzzy_index *fi, const char *query, size_t budget, size_t *ids,
                              size_t max)
{
	size_t len = strlen(query), touched = 0, out = 0, read = 0, most = 0, i, n, lo, hi;

	if (!fi->built)
		index_build(fi, NULL, 0);
	if (fi->count == 0 || max == 0)
		return 0;
	/* A query the restricted index did not expect: the whole index. */
	if (fi->restricted && char_count(query) >= GRAM && !knows_grams(fi, query)) {
		index_clear(fi);
		index_build(fi, NULL, 0);
	}
	if (char_count(query) < GRAM)
		return len <= SHORT_MAX_BYTES ? short_candidates(fi, len, ids, max) : 0;

	length_window(len, &lo, &hi);
	/* The grams of the query, rarest first; a wider search with the same
	 * query (merge.c's) finds them made. */
	if (!fi->last_query || strcmp(fi->last_query, query) != 0) {
		struct query_gram *grams;
		size_t count = query_grams(fi, query, &grams);

		/* Rarest first; a repeated gram (same rarity, same id) lands
		 * next to itself and is folded. */
		if (count > 1)
			qsort(grams, count, sizeof *grams, by_rarity);
		count = fold_repeats(grams, count);
		free(fi->last_query);
		free(fi->last_grams);
		fi->last_query = xstrdup(query);
		fi->last_grams = grams;
		fi->last_count = count;
	}
	for (i = 0; i < fi->last_count; i++) {
		const struct query_gram *g = &fi->last_grams[i];
		const uint32_t *p = fi->post + fi->start[g->id];
		size_t k;

		if (i > 0 && read + g->postings > budget)
			break;
		read += g->postings;
		most += g->times;
		for (k = 0; k < g->postings; k++) {
			uint32_t id = p[k], h = fi->hits[id];

			if (h == 0) {
				/* First seen: a string whose length rules it out is
				 * marked, so that it is looked at once. */
				if (fi->lens[id] < lo || fi->lens[id] > hi) {
					fi->hits[id] = OUT_OF_REACH;
					fi->out[out++] = id;
					continue;
				}
				fi->touched[touched++] = id;
			} else if (h == OUT_OF_REACH) {
				continue;
			}
			fi->hits[id] = h + g->times;
		}
	}

	n = select_best(fi, touched, most, ids, max);
	for (i = 0; i < touched; i++)
		fi->hits[fi->touched[i]] = 0;
	for (i = 0; i < out; i++)
		fi->hits[fi->out[i]] = 0;
	return n;
}

/*
 * Writes to IDS the MAX best of the TOUCHED strings, by hits (at most
 * MOST), then id, without sorting them all: a histogram of the hit counts
 * finds the lowest count that makes the cut.
 */
static size_t select_best(struct fuzzy_index *fi, size_t touched, size_t most, size_t *ids,
                          size_t max)
{
	size_t *hist = xcalloc(most + 2, sizeof *hist), *tie, i, k = 0, n = 0, cut, above = 0;

	for (i = 0; i < touched; i++)
		hist[fi->hits[fi->touched[i]]]++;
	for (cut = most; cut > 0 && above + hist[cut] < max; cut--)
		above += hist[cut];
	if (cut == 0)
		cut = 1;
	free(hist);
	/* Everything above the cut, and the cut's class by lowest id: when
	 * not all of it fits, the ids are marked in a bitmap read in order. */
	tie = xmalloc((touched + 1) * sizeof *tie);
	for (i = 0; i < touched; i++) {
		uint32_t h = fi->hits[fi->touched[i]];

		if (h > cut)
			ids[n++] = fi->touched[i];
		else if (h == cut)
			tie[k++] = fi->touched[i];
	}
	if (n + k <= max) {
		for (i = 0; i < k; i++)
			ids[n++] = tie[i];
	} else {
		uint64_t *marks = xcalloc(fi->count / 64 + 1, sizeof *marks);

		for (i = 0; i < k; i++)
			marks[tie[i] / 64] |= 1ULL << (tie[i] % 64);
		for (i = 0; i <= fi->count / 64 && n < max; i++)
			while (marks[i] && n < max) {
				ids[n++] = i * 64 + (size_t)__builtin_ctzll(marks[i]);
				marks[i] &= marks[i] - 1;
			}
		free(marks);
	}
	free(tie);
	sort_hits = fi->hits;
	if (n > 1)
		qsort(ids, n, sizeof *ids, by_hits);
	return n;
}

void fuzzy_index_free(struct fuzzy_index *fi)
{
	if (!fi)
		return;
	index_clear(fi);
	free(fi->texts);
	free(fi->lens);
	free(fi);
}

/* --- Similarity ------------------------------------------------------------- */

void fuzzy_query_init(struct fuzzy_query *q, const char *text)
{
	size_t i;

	q->text = (const unsigned char *)text;
	q->len = strlen(text);
	q->words = (q->len + 63) / 64;
	if (q->words == 0)
		q->words = 1;
	q->masks = xcalloc(256 * q->words, sizeof *q->masks);
	q->row = xmalloc(q->words * sizeof *q->row);
	memset(q->hist, 0, sizeof q->hist);
	fuzzy_profile_init(&q->profile, text, q->len);
	for (i = 0; i < q->len; i++) {
		q->masks[(size_t)q->text[i] * q->words + i / 64] |= 1ULL << (i % 64);
		q->hist[q->text[i]]++;
	}
}

void fuzzy_query_release(struct fuzzy_query *q)
{
	free(q->masks);
	free(q->row);
	q->masks = q->row = NULL;
}

/* The number of bits set in V. */
static inline size_t popcount64(unsigned long long v)
{
	v = v - ((v >> 1) & 0x5555555555555555ULL);
	v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
	v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (size_t)((v * 0x0101010101010101ULL) >> 56);
}

/* How many of the first BITS bits of ROW are 0: the LCS of the query's
 * first BITS bytes and the text so far. */
static size_t row_zeros(const struct fuzzy_query *q, size_t bits)
{
	size_t w, zeros = 0;

	for (w = 0; w * 64 < bits; w++) {
		unsigned long long v = ~q->row[w];

		if (bits - w * 64 < 64)
			v &= (1ULL << (bits - w * 64)) - 1;
		zeros += popcount64(v);
	}
	return zeros;
}

/*
 * The most the LCS of the query and a text can be, when the first bytes
 * of the text are read (ROW) and LEFT bytes are left: a common
 * subsequence takes from the read bytes a match with some first J bytes
 * of the query, and from the LEFT bytes at most min(LEFT, n - J) more.
 * The best J is n - LEFT (at most as many bytes of the query as are left
 * of the text), so the bound is the LCS with the query but its last
 * LEFT bytes, plus LEFT.
 */
static size_t lcs_bound(const struct fuzzy_query *q, size_t left)
{
	size_t have = row_zeros(q, q->len);
	size_t most = have + (left < q->len - have ? left : q->len - have);

	if (left < q->len) {
		size_t split = row_zeros(q, q->len - left) + left;

		if (split < most)
			most = split;
	}
	return most;
}

/*
 * The length of the longest common subsequence of Q's text and TEXT, by
 * the bit-vector recurrence of Allison and Dix (as refined by Hyyrö): bit i
 * of ROW is 0 when the prefix of the query up to i gains a match.  One pass
 * over TEXT, WORDS machine words per byte.  Every 32 bytes, stops early
 * (returning what it has) when even the best of what is left could not
 * bring the LCS to NEED.
 */
static size_t lcs(struct fuzzy_query *q, const unsigned char *text, size_t len, size_t need)
{
	unsigned long long *row = q->row;
	size_t i, w;

	for (w = 0; w < q->words; w++)
		row[w] = ~0ULL;
	if (q->words == 1) {
		unsigned long long v = ~0ULL;

		for (i = 0; i < len; i++) {
			unsigned long long u = v & q->masks[text[i]];

			v = (v + u) | (v - u);
			if ((i & 31) == 31) {
				row[0] = v;
				if (lcs_bound(q, len - i - 1) < need)
					return row_zeros(q, q->len);
			}
		}
		row[0] = v;
		return row_zeros(q, q->len);
	}
	for (i = 0; i < len; i++) {
		const unsigned long long *m = q->masks + (size_t)text[i] * q->words;
		unsigned long long carry = 0;

		for (w = 0; w < q->words; w++) {
			unsigned long long v = row[w], u = v & m[w], x, y;

			/* The sum of the row and its matched bits, carried across
			 * words. */
			carry =
			    __builtin_add_overflow(v, u, &x) | __builtin_add_overflow(x, carry, &y);
			row[w] = y | (v - u);
		}
		if ((i & 31) == 31 && lcs_bound(q, len - i - 1) < need)
			return row_zeros(q, q->len);
	}
	return row_zeros(q, q->len);
}

double fuzzy_query_similarity(struct fuzzy_query *q, const char *text, size_t m, double lower_bound)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t n = q->len, total = n + m;
	size_t hist[256], common = 0, i, need;
	double bound;

	if (total == 0)
		return 1.0;
	/* No more in common than the shorter string... */
	bound = 2.0 * (double)(n < m ? n : m) / (double)total;
	if (bound <= lower_bound)
		return bound;
	/* ...nor than the bytes both have. */
	memset(hist, 0, sizeof hist);
	for (i = 0; i < m; i++)
		hist[t[i]]++;
	for (i = 0; i < 256; i++)
		common += hist[i] < q->hist[i] ? hist[i] : q->hist[i];
	bound = 2.0 * (double)common / (double)total;
	if (bound <= lower_bound)
		return bound;
	/* The smallest LCS that beats LOWER_BOUND; below it, any value
	 * <= LOWER_BOUND will do. */
	need = lower_bound < 0 ? 0 : (size_t)(lower_bound * (double)total / 2.0);
	/* The same value as fstrcmp: (n + m - edits) / (n + m). */
	return (double)(2 * lcs(q, t, m, need)) / (double)total;
}

/* The kind of byte C, for profiles. */
static unsigned char byte_kind[256];

static void make_kinds(void)
{
	int c;

	for (c = 0; c < 256; c++) {
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			byte_kind[c] = (unsigned char)((c | 0x20) - 'a');
		else if (c == ' ')
			byte_kind[c] = 26;
		else if (c >= '0' && c <= '9')
			byte_kind[c] = 27;
		else if (c >= 0x80 && c < 0xC0)
			byte_kind[c] = 28;
		else if (c >= 0xC0)
			byte_kind[c] = 29;
		else if (c == '<' || c == '>' || c == '/' || c == '=')
			byte_kind[c] = 30;
		else
			byte_kind[c] = 31;
	}
	byte_kind[0] = 31; /* made */
}

void fuzzy_profile_init(struct fuzzy_profile *p, const char *text, size_t len)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t i, counts[FUZZY_KINDS] = { 0 };

	if (!byte_kind[0])
		make_kinds();
	for (i = 0; i < len; i++)
		counts[byte_kind[t[i]]]++;
	p->valid = 1;
	for (i = 0; i < FUZZY_KINDS; i++) {
		if (counts[i] > 255)
			p->valid = 2; /* made, but a count would not fit */
		p->counts[i] = (unsigned char)counts[i];
	}
}

double fuzzy_query_bound(const struct fuzzy_query *q, const struct fuzzy_profile *p, size_t m)
{
	size_t n = q->len, total = n + m, common = 0, k;
	double bound;

	if (total == 0)
		return 1.0;
	bound = 2.0 * (double)(n < m ? n : m) / (double)total;
	if (p->valid != 1 || q->profile.valid != 1)
		return bound;
	for (k = 0; k < FUZZY_KINDS; k++)
		common += p->counts[k] < q->profile.counts[k] ? p->counts[k] : q->profile.counts[k];
	if (2.0 * (double)common / (double)total < bound)
		bound = 2.0 * (double)common / (double)total;
	return bound;
}

double fuzzy_similarity(const char *a, const char *b)
{
	struct fuzzy_query q;
	double s;

	fuzzy_query_init(&q, a);
	s = fuzzy_query_similarity(&q, b, strlen(b), -1.0);
	fuzzy_query_release(&q);
	return s;
}
