/*
 * fuzzy: a 4-gram index and an exact, bit-parallel similarity.  See fuzzy.h.
 */
#include <config.h>

#include "fuzzy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* 4-grams, in characters, as msgmerge uses: long enough that the lists of
 * strings per gram stay short in alphabetic languages. */
#define GRAM 4

/* Strings of fewer than GRAM characters are at most this many bytes, and
 * the strings that may reach the threshold against them at most
 * SHORT_MAX_BYTES * (2 / FUZZY_THRESHOLD - 1) bytes. */
#define SHORT_MAX_BYTES ((GRAM - 1) * 4)
#define SHORT_LIST_MAX 28

struct gram_slot {
	uint64_t key; /* 0: empty */
	uint32_t id;
};

struct fuzzy_index {
	const char **texts;
	size_t *lens;
	size_t count, alloc;
	int built;

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
	size_t *touched;
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

/* A 64-bit FNV-1a hash of LEN bytes, never 0 (0 marks an empty slot). */
static uint64_t gram_hash(const unsigned char *p, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h ? h : 1;
}

/*
 * Calls FN for the hash of every 4-gram of S, in order.  Returns the number
 * of grams (0 when S has fewer than 4 characters).
 */
typedef void gram_fn(uint64_t key, void *data);

static size_t for_each_gram(const char *s, gram_fn *fn, void *data)
{
	const unsigned char *p[GRAM + 1];
	size_t i, n = 0;

	p[0] = (const unsigned char *)s;
	for (i = 1; i <= GRAM; i++) {
		if (!*p[i - 1])
			return 0;
		p[i] = p[i - 1] + char_len(p[i - 1]);
	}
	for (;;) {
		fn(gram_hash(p[0], (size_t)(p[GRAM] - p[0])), data);
		n++;
		if (!*p[GRAM])
			return n;
		for (i = 0; i < GRAM; i++)
			p[i] = p[i + 1];
		p[GRAM] += char_len(p[GRAM]);
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
	size_t i = (size_t)(key ^ (key >> 29)) & fi->slot_mask;

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

/*
 * Building hashes every string once: the distinct gram ids of each string
 * go to SEQ, in string order, with the number of strings per gram; the
 * postings are then filled from SEQ.
 */
struct build_state {
	struct fuzzy_index *fi;
	uint32_t doc;
	uint32_t *last_doc; /* per gram: the last string that counted it, + 1 */
	uint32_t *counts; /* per gram: strings that have it */
	uint32_t *seq; /* gram ids, string after string */
	size_t last_alloc, counts_alloc, seq_len, seq_alloc;
};

static void build_gram(uint64_t key, void *data)
{
	struct build_state *st = data;
	struct fuzzy_index *fi = st->fi;
	size_t i = slot_find(fi, key);
	uint32_t id;

	if (!fi->slots[i].key) {
		if ((fi->grams + 1) * 2 > fi->slot_mask + 1) {
			slots_grow(fi);
			i = slot_find(fi, key);
		}
		fi->slots[i].key = key;
		fi->slots[i].id = (uint32_t)fi->grams++;
		xgrow((void **)&st->last_doc, &st->last_alloc, fi->grams, sizeof *st->last_doc);
		xgrow((void **)&st->counts, &st->counts_alloc, fi->grams, sizeof *st->counts);
		st->last_doc[fi->grams - 1] = 0;
		st->counts[fi->grams - 1] = 0;
	}
	id = fi->slots[i].id;
	/* A string counts once per gram, however often the gram occurs. */
	if (st->last_doc[id] == st->doc + 1)
		return;
	st->last_doc[id] = st->doc + 1;
	st->counts[id]++;
	xgrow((void **)&st->seq, &st->seq_alloc, st->seq_len + 1, sizeof *st->seq);
	st->seq[st->seq_len++] = id;
}

static void index_build(struct fuzzy_index *fi)
{
	struct build_state st;
	size_t *seq_start = xmalloc((fi->count + 1) * sizeof *seq_start);
	size_t i, k, total = 0;

	memset(&st, 0, sizeof st);
	st.fi = fi;
	slots_grow(fi);
	for (i = 0; i < fi->count; i++) {
		st.doc = (uint32_t)i;
		seq_start[i] = st.seq_len;
		for_each_gram(fi->texts[i], build_gram, &st);
		if (fi->lens[i] <= SHORT_LIST_MAX) {
			size_t l = fi->lens[i];

			xgrow((void **)&fi->short_ids[l], &fi->short_alloc[l],
			      fi->short_count[l] + 1, sizeof(size_t));
			fi->short_ids[l][fi->short_count[l]++] = i;
		}
	}
	seq_start[fi->count] = st.seq_len;
	/* Counts to offsets; then the postings, in string order. */
	fi->start = xmalloc((fi->grams + 1) * sizeof *fi->start);
	for (i = 0; i < fi->grams; i++) {
		fi->start[i] = (uint32_t)total;
		total += st.counts[i];
		st.counts[i] = fi->start[i]; /* now: the next free posting */
	}
	fi->start[fi->grams] = (uint32_t)total;
	fi->post = xmalloc((total + 1) * sizeof *fi->post);
	for (i = 0; i < fi->count; i++)
		for (k = seq_start[i]; k < seq_start[i + 1]; k++)
			fi->post[st.counts[st.seq[k]]++] = (uint32_t)i;
	free(seq_start);
	free(st.seq);
	free(st.counts);
	free(st.last_doc);
	fi->hits = xcalloc(fi->count + 1, sizeof *fi->hits);
	fi->touched = xmalloc((fi->count + 1) * sizeof *fi->touched);
	fi->built = 1;
}

/* The grams of a query: index ids with their multiplicity in the query. */
struct query_gram {
	uint32_t id;
	uint32_t postings;
	uint32_t times;
};

struct query_state {
	struct fuzzy_index *fi;
	struct query_gram *grams;
	size_t count, alloc;
};

static void query_gram(uint64_t key, void *data)
{
	struct query_state *qs = data;
	size_t i = slot_find(qs->fi, key);
	uint32_t id;

	if (!qs->fi->slots[i].key)
		return;
	id = qs->fi->slots[i].id;
	xgrow((void **)&qs->grams, &qs->alloc, qs->count + 1, sizeof *qs->grams);
	qs->grams[qs->count].id = id;
	qs->grams[qs->count].postings = qs->fi->start[id + 1] - qs->fi->start[id];
	qs->grams[qs->count].times = 1;
	qs->count++;
}

static int by_gram(const void *a, const void *b)
{
	const struct query_gram *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Folds repeated grams into one with their multiplicity. */
static void fold_repeats(struct query_state *qs)
{
	size_t i, n = 0;

	if (qs->count > 1)
		qsort(qs->grams, qs->count, sizeof *qs->grams, by_gram);
	for (i = 0; i < qs->count; i++) {
		if (n && qs->grams[n - 1].id == qs->grams[i].id)
			qs->grams[n - 1].times++;
		else
			qs->grams[n++] = qs->grams[i];
	}
	qs->count = n;
}

static int by_rarity(const void *a, const void *b)
{
	const struct query_gram *x = a, *y = b;

	if (x->postings != y->postings)
		return x->postings < y->postings ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static size_t select_best(struct fuzzy_index *fi, size_t touched, size_t *ids, size_t max);

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
	struct query_state qs;
	size_t len = strlen(query), touched = 0, read = 0, i, n, lo, hi;

	if (!fi->built)
		index_build(fi);
	if (fi->count == 0 || max == 0)
		return 0;
	if (char_count(query) < GRAM)
		return len <= SHORT_MAX_BYTES ? short_candidates(fi, len, ids, max) : 0;

	length_window(len, &lo, &hi);
	memset(&qs, 0, sizeof qs);
	qs.fi = fi;
	for_each_gram(query, query_gram, &qs);
	fold_repeats(&qs);
	if (qs.count > 1)
		qsort(qs.grams, qs.count, sizeof *qs.grams, by_rarity);
	for (i = 0; i < qs.count; i++) {
		const struct query_gram *g = &qs.grams[i];
		const uint32_t *p = fi->post + fi->start[g->id];
		size_t k;

		if (i > 0 && read + g->postings > budget)
			break;
		read += g->postings;
		for (k = 0; k < g->postings; k++) {
			if (!fi->hits[p[k]]) {
				if (fi->lens[p[k]] < lo || fi->lens[p[k]] > hi)
					continue;
				fi->touched[touched++] = p[k];
			}
			fi->hits[p[k]] += g->times;
		}
	}
	free(qs.grams);

	n = select_best(fi, touched, ids, max);
	for (i = 0; i < touched; i++)
		fi->hits[fi->touched[i]] = 0;
	return n;
}

static int by_id(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Writes to IDS the MAX best of the TOUCHED strings, by hits, then id,
 * without sorting them all: a histogram of the hit counts finds the
 * lowest count that makes the cut.
 */
static size_t select_best(struct fuzzy_index *fi, size_t touched, size_t *ids, size_t max)
{
	size_t *hist, top = 0, i, n = 0, cut, above = 0;

	for (i = 0; i < touched; i++)
		if (fi->hits[fi->touched[i]] > top)
			top = fi->hits[fi->touched[i]];
	hist = xcalloc(top + 2, sizeof *hist);
	for (i = 0; i < touched; i++)
		hist[fi->hits[fi->touched[i]]]++;
	for (cut = top; cut > 0 && above + hist[cut] < max; cut--)
		above += hist[cut];
	if (cut == 0)
		cut = 1;
	free(hist);
	/* Everything above the cut, and the cut's class by lowest id. */
	for (i = 0; i < touched; i++)
		if (fi->hits[fi->touched[i]] > cut)
			ids[n++] = fi->touched[i];
	{
		size_t *tie = xmalloc((touched + 1) * sizeof *tie), k = 0;

		for (i = 0; i < touched; i++)
			if (fi->hits[fi->touched[i]] == cut)
				tie[k++] = fi->touched[i];
		if (k > 1)
			qsort(tie, k, sizeof *tie, by_id);
		for (i = 0; i < k && n < max; i++)
			ids[n++] = tie[i];
		free(tie);
	}
	sort_hits = fi->hits;
	if (n > 1)
		qsort(ids, n, sizeof *ids, by_hits);
	return n;
}

void fuzzy_index_free(struct fuzzy_index *fi)
{
	size_t l;

	if (!fi)
		return;
	for (l = 0; l <= SHORT_LIST_MAX; l++)
		free(fi->short_ids[l]);
	free(fi->texts);
	free(fi->lens);
	free(fi->slots);
	free(fi->start);
	free(fi->post);
	free(fi->hits);
	free(fi->touched);
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

/* How many bits of ROW (the query's length) are 0: the LCS so far. */
static size_t row_zeros(const struct fuzzy_query *q)
{
	size_t w, zeros = 0;

	for (w = 0; w < q->words; w++) {
		unsigned long long v = ~q->row[w];

		if (w == q->words - 1 && q->len % 64)
			v &= (1ULL << (q->len % 64)) - 1;
		zeros += (size_t)__builtin_popcountll(v);
	}
	return zeros;
}

/*
 * The length of the longest common subsequence of Q's text and TEXT, by
 * the bit-vector recurrence of Allison and Dix (as refined by Hyyrö): bit i
 * of ROW is 0 when the prefix of the query up to i gains a match.  One pass
 * over TEXT, WORDS machine words per byte.  Every 64 bytes, stops early
 * (returning what it has) when even matching every byte left could not
 * bring the LCS to NEED.
 */
static size_t lcs(struct fuzzy_query *q, const unsigned char *text, size_t len, size_t need)
{
	unsigned long long *row = q->row;
	size_t i, w;

	for (w = 0; w < q->words; w++)
		row[w] = ~0ULL;
	for (i = 0; i < len; i++) {
		const unsigned long long *m = q->masks + (size_t)text[i] * q->words;
		unsigned long long carry = 0;

		for (w = 0; w < q->words; w++) {
			unsigned long long v = row[w], u = v & m[w];
			unsigned long long x = v + u, y = x + carry;

			carry = (x < v) | (y < x);
			row[w] = y | (v & ~m[w]);
		}
		if ((i & 63) == 63) {
			size_t have = row_zeros(q), left = len - i - 1;

			if (left > q->len - have)
				left = q->len - have;
			if (have + left < need)
				return have;
		}
	}
	return row_zeros(q);
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

double fuzzy_similarity(const char *a, const char *b)
{
	struct fuzzy_query q;
	double s;

	fuzzy_query_init(&q, a);
	s = fuzzy_query_similarity(&q, b, strlen(b), -1.0);
	fuzzy_query_release(&q);
	return s;
}
