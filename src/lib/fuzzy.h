/*
 * fuzzy: finding the old message most similar to a new one, in time that
 * grows linearly with the catalog.
 *
 * The similarity of two strings is msgmerge's: 2 * LCS / (len1 + len2),
 * where LCS is the length of their longest common subsequence of bytes
 * (what gettext's fstrcmp computes from the shortest insert/delete
 * script).  It is computed exactly, with a bit-parallel LCS, so that a
 * decision against msgmerge's threshold of 0.6 comes out the same.
 *
 * Only the candidates are compared.  An index maps every 4-gram of
 * characters (code points) of the indexed strings to the strings that
 * contain it; a query looks up its own 4-grams, rarest first, up to a
 * budget of index entries, and ranks the strings found by the
 * number of 4-grams shared.  The budget makes the cost of a query
 * independent of the size of the index: common 4-grams (" de ", "les ")
 * are the ones left out, and they say least about which string is close.
 * Strings of fewer than 4 characters are compared with every indexed
 * string of a length that could reach the threshold, as msgmerge does.
 *
 * Indexed strings are not copied: they must outlive the index.
 */
#ifndef TRADUKI_FUZZY_H
#define TRADUKI_FUZZY_H

#include <stddef.h>

/* msgmerge's threshold: a candidate must be strictly more similar. */
#define FUZZY_THRESHOLD 0.6

struct fuzzy_index;

/* A new, empty index. */
struct fuzzy_index *fuzzy_index_new(void);

/*
 * Adds TEXT (NUL-terminated UTF-8) as the next string; its id is the number
 * of strings added before it.  TEXT must stay valid while the index lives.
 * All strings are added before the first query.
 */
size_t fuzzy_index_add(struct fuzzy_index *fi, const char *text);

/*
 * Says that the queries to come are the N strings QUERIES (after the last
 * fuzzy_index_add): the index is then made of their 4-grams alone, one
 * reading of the strings where a whole index is a table of all their
 * grams.  The answers are the same as a whole index's; a query it was not
 * told of makes the whole index, once.  Worth it when the queries are few
 * beside the strings (a catalog after a small change).
 */
void fuzzy_index_expect(struct fuzzy_index *fi, const char *const *queries, size_t n);

/*
 * Fills IDS with up to MAX ids of indexed strings that may reach the
 * threshold against QUERY, most promising first (most shared 4-grams, then
 * lowest id); strings whose length alone rules them out are left out.
 * QUERY's grams are read rarest first, until BUDGET index entries were
 * read (at least one gram is always read): the cost of a query is bounded
 * whatever the size of the index.  Returns how many ids were written.
 */
size_t fuzzy_index_candidates(struct fuzzy_index *fi, const char *query, size_t budget, size_t *ids,
                              size_t max);

/* The I-th string added. */
const char *fuzzy_index_text(const struct fuzzy_index *fi, size_t id);

void fuzzy_index_free(struct fuzzy_index *fi);

/*
 * A query prepared for comparison with many strings: the bit masks of the
 * bit-parallel LCS are computed once.  Release with fuzzy_query_release.
 */
/*
 * A string's bytes counted by kind (each letter in either case, space,
 * digits, the bytes of other UTF-8 characters, punctuation, markup): the
 * bytes two strings have in common are at most, kind by kind, the
 * smaller count.  33 bytes, made once per string.
 */
#define FUZZY_KINDS 32
struct fuzzy_profile {
	unsigned char counts[FUZZY_KINDS];
	unsigned char valid; /* 1: made; 0: not made; 2: a count would not fit */
};

void fuzzy_profile_init(struct fuzzy_profile *p, const char *text, size_t len);

struct fuzzy_query {
	const unsigned char *text;
	size_t len;
	size_t words; /* 64-bit words per mask */
	unsigned long long *masks; /* 256 masks of WORDS words each */
	unsigned long long *row; /* work area of WORDS words */
	size_t hist[256]; /* byte histogram of TEXT */
	struct fuzzy_profile profile;
};

void fuzzy_query_init(struct fuzzy_query *q, const char *text);
void fuzzy_query_release(struct fuzzy_query *q);

/*
 * The similarity of Q's text and TEXT (LEN bytes), in [0, 1]: 1 when
 * equal, 0 when nothing is in common.  When bounds show on the way that it
 * cannot exceed LOWER_BOUND, returns a value <= LOWER_BOUND without
 * finishing.
 */
double fuzzy_query_similarity(struct fuzzy_query *q, const char *text, size_t len,
                              double lower_bound);

/*
 * The most the similarity of Q's text and a string of LEN bytes whose
 * profile is P can be, from their lengths and the bytes they have in
 * common by kind: what fuzzy_query_similarity returns is never more.
 * Cheap, so that candidates that cannot win are not compared.
 */
double fuzzy_query_bound(const struct fuzzy_query *q, const struct fuzzy_profile *p, size_t len);

/* The similarity of A and B (a convenience over fuzzy_query_*). */
double fuzzy_similarity(const char *a, const char *b);

#endif
