/*
 * merge: msgmerge's semantics over catalog.h, with fuzzy.h for the
 * similarity search and uni.h for sentence breaks.  See merge.h and
 * doc/merge.md.
 */
#include <config.h>

#include "merge.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "digest.h"
#include "fuzzy.h"
#include "lang.h"
#include "mem.h"
#include "msgindex.h"
#include "uni.h"

/* How many index candidates a fuzzy search compares exactly, among those
 * found by reading how many index entries (see fuzzy.h)... */
#define CANDIDATES 64
#define QUERY_BUDGET 2048
/* ...and, when none of them is closer than WIDEN_BELOW, how many more. */
#define WIDEN_BELOW 0.8
#define WIDE_CANDIDATES 512
#define WIDE_BUDGET 131072
/* How many of them are searched for unchanged sentences. */
#define SENTENCE_CANDIDATES 8
/* msgmerge prefers, by this much, a candidate with the same msgctxt. */
#define SAME_CONTEXT_BONUS 0.00001
/* A candidate that would look near-exact but whose numbers or negations
 * differ ranks this much lower. */
#define NEAR_EXACT 0.85
#define CHANGE_PENALTY 0.05
/* Extracted comments that merge writes start with this; they stay while
 * the entry stays fuzzy. */
#define NOTE_PREFIX "traduki: "

/* --- Old messages ------------------------------------------------------------ */

struct old_msg {
	const struct catalog_msg *msg;
	const char *ctxt, *id; /* the message's, looked up once */
	size_t id_len;
	int used;
	/* numbers and negations of the msgid, computed on first use */
	int traits_known;
	int negations;
	uint64_t numbers;
	struct fuzzy_profile profile; /* of the msgid, made on first use */
	/* sentences, split on first use: bounds into msgid and msgstr */
	int split; /* 0: not yet; 1: aligned 1:1; -1: not usable */
	size_t nsent;
	size_t *src_bounds, *dst_bounds;
};

/*
 * The old messages by (msgctxt, msgid), for exact matches: an index of
 * the first message of each key (the first of duplicates wins, as in
 * msgmerge), and the old message each index entry stands for.
 */
struct exact_table {
	struct msgindex index;
	size_t *old; /* entry number -> index into the old messages */
};

static void exact_init(struct exact_table *t, const struct old_msg *old, size_t n)
{
	size_t i;

	msgindex_init(&t->index);
	t->old = xcalloc(n + 1, sizeof *t->old);
	for (i = 0; i < n; i++)
		if (msgindex_find(&t->index, old[i].ctxt, old[i].id) == MSGINDEX_NONE)
			t->old[msgindex_add(&t->index, old[i].ctxt, old[i].id)] = i;
}

static void exact_release(struct exact_table *t)
{
	msgindex_release(&t->index);
	free(t->old);
}

static struct old_msg *exact_find(const struct exact_table *t, struct old_msg *old,
                                  const char *ctxt, const char *id)
{
	size_t k = msgindex_find(&t->index, ctxt, id);

	return k == MSGINDEX_NONE ? NULL : &old[t->old[k]];
}

/* --- The header ---------------------------------------------------------------- */

/* The header fields msgmerge puts first, in its order. */
static const char *const known_fields[] = {
	"Project-Id-Version:", "Report-Msgid-Bugs-To:",
	"POT-Creation-Date:",  "PO-Revision-Date:",
	"Last-Translator:",    "Language-Team:",
	"Language:",           "MIME-Version:",
	"Content-Type:",       "Content-Transfer-Encoding:",
};
enum { F_REPORT = 1, F_POT_DATE = 2, F_LANGUAGE = 6, F_KNOWN = 10 };

/*
 * The value of FIELD (with its colon) in HEADER as msgmerge takes it: the
 * text after the name up to and including the newline, anywhere in the
 * header.  Returns a new string, or NULL.
 */
static char *raw_field(const char *header, const char *field)
{
	const char *p = header ? strstr(header, field) : NULL, *end;
	char *v;

	if (!p)
		return NULL;
	p += strlen(field);
	end = strchr(p, '\n');
	if (!end)
		end = p + strlen(p);
	v = xmalloc((size_t)(end - p) + 2);
	memcpy(v, p, (size_t)(end - p));
	v[end - p] = '\n';
	v[end - p + 1] = '\0';
	return v;
}

/* The merged header text, as msgmerge builds it. */
static char *merge_header(const char *def, const char *ref, const char *lang)
{
	char *value[F_KNOWN] = { NULL };
	struct buf unknown = BUF_INIT, out = BUF_INIT;
	const char *p = def;
	size_t k;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);

		for (k = 0; k < F_KNOWN; k++) {
			size_t n = strlen(known_fields[k]);

			if (len >= n && strncasecmp(p, known_fields[k], n) == 0) {
				free(value[k]);
				value[k] = xmalloc(len - n + 2);
				memcpy(value[k], p + n, len - n);
				strcpy(value[k] + len - n, "\n");
				break;
			}
		}
		if (k == F_KNOWN) {
			buf_add(&unknown, p, len);
			buf_addc(&unknown, '\n');
		}
		p += len + (eol ? 1 : 0);
	}
	if (lang) {
		free(value[F_LANGUAGE]);
		value[F_LANGUAGE] = xmalloc(strlen(lang) + 3);
		sprintf(value[F_LANGUAGE], " %s\n", lang);
	} else if (!value[F_LANGUAGE]) {
		/* gettext 0.21 adds an empty Language field where there is none. */
		value[F_LANGUAGE] = xstrdup(" \n");
	}
	for (k = F_REPORT; k <= F_POT_DATE; k++) {
		char *v = raw_field(ref, known_fields[k]);

		if (v) {
			free(value[k]);
			value[k] = v;
		}
	}
	for (k = 0; k < F_KNOWN; k++) {
		if (value[k]) {
			buf_adds(&out, known_fields[k]);
			buf_adds(&out, value[k]);
			free(value[k]);
		}
	}
	buf_adds(&out, buf_str(&unknown));
	buf_release(&unknown);
	return buf_detach(&out);
}

/* --- Writing entries ----------------------------------------------------------- */

static int str_forms(const struct catalog_msg *m)
{
	int n = 0;

	if (!catalog_msg_id_plural(m))
		return 1;
	while (catalog_msg_str_plural(m, n))
		n++;
	return n;
}

/* Gives M exactly N plural forms, each FILL (or kept, when FILL is NULL). */
static void set_forms(struct catalog_msg *m, int n, const char *fill)
{
	int have = str_forms(m), i;

	for (i = 0; i < n; i++)
		if (fill || i >= have)
			catalog_msg_set_str_plural(m, i, fill ? fill : "");
	for (i = have - 1; i >= n; i--)
		catalog_msg_set_str_plural(m, i, NULL);
}

/* Copies the msgstr (each plural form) of SRC into DST, same shape. */
static void copy_strs(struct catalog_msg *dst, const struct catalog_msg *src)
{
	int i, n = str_forms(src);

	if (!catalog_msg_id_plural(src) || !catalog_msg_id_plural(dst)) {
		catalog_msg_set_str(dst, catalog_msg_str(src));
		return;
	}
	for (i = 0; i < n; i++)
		catalog_msg_set_str_plural(dst, i, catalog_msg_str_plural(src, i));
	set_forms(dst, n, NULL);
}

/* The lines of OLD's extracted comments that merge wrote itself. */
static void add_own_notes(struct buf *out, const char *old)
{
	while (old && *old) {
		const char *eol = strchr(old, '\n');
		size_t len = eol ? (size_t)(eol - old) + 1 : strlen(old);

		if (strncmp(old, NOTE_PREFIX, strlen(NOTE_PREFIX)) == 0) {
			buf_add(out, old, len);
			if (!eol)
				buf_addc(out, '\n');
		}
		old += len;
	}
}

static int msgstr_empty(const struct catalog_msg *m)
{
	return catalog_msg_str(m)[0] == '\0';
}

/*
 * Adds to OUT the merge of the old message DEF with the template message
 * REF: msgmerge's message_merge, with its later fix-ups of plural forms and
 * previous msgids.  MSGSTR, when not NULL, replaces DEF's translation (it
 * was assembled from sentences).  NOTES are extracted comment lines to add.
 */
static void merge_entry(struct catalog *out, const struct catalog_msg *def,
                        const struct catalog_msg *ref, int force_fuzzy, const char *msgstr,
                        const char *notes, int nplurals, const struct merge_options *opt)
{
	struct catalog_msg *m = catalog_append(out, catalog_msg_ctxt(ref), catalog_msg_id(ref),
	                                       catalog_msg_id_plural(ref));
	const char *ref_plural = catalog_msg_id_plural(ref);
	const char *def_plural = catalog_msg_id_plural(def);
	int fuzzy = catalog_msg_fuzzy(def) || force_fuzzy;
	struct buf extracted = BUF_INIT;

	if (ref_plural && !def_plural) {
		/* One translation for every plural form; a translator must look. */
		set_forms(m, nplurals, msgstr ? msgstr : catalog_msg_str(def));
		fuzzy = 1;
	} else if (!ref_plural && def_plural) {
		/* The first form only; msgmerge marks the plural change fuzzy. */
		catalog_msg_set_str(m, catalog_msg_str(def));
		fuzzy = 1;
	} else if (msgstr) {
		catalog_msg_set_str(m, msgstr);
	} else {
		copy_strs(m, def);
	}
	if (!fuzzy && ref_plural && strcmp(ref_plural, def_plural) != 0)
		fuzzy = 1;

	catalog_msg_set_comments(m, catalog_msg_comments(def));
	buf_adds(&extracted, catalog_msg_extracted(ref));
	if (notes)
		buf_adds(&extracted, notes);
	else if (fuzzy)
		add_own_notes(&extracted, catalog_msg_extracted(def));
	if (extracted.len)
		catalog_msg_set_extracted(m, buf_str(&extracted));
	buf_release(&extracted);
	catalog_msg_copy_refs(m, ref);
	catalog_msg_copy_flags(m, ref);
	catalog_msg_set_fuzzy(m, fuzzy);
	/* The previous msgid is the one the translation was made for. */
	if (opt->previous && fuzzy && !msgstr_empty(m)) {
		if (catalog_msg_fuzzy(def))
			catalog_msg_set_prev(m, catalog_msg_prev_ctxt(def),
			                     catalog_msg_prev_id(def),
			                     catalog_msg_prev_id_plural(def));
		else
			catalog_msg_set_prev(m, catalog_msg_ctxt(def), catalog_msg_id(def),
			                     def_plural);
	}
	if (catalog_msg_obsolete(ref))
		catalog_msg_set_obsolete(m, 1);
}

/* A template message no old message matches: copied, plural forms sized. */
static void new_entry(struct catalog *out, const struct catalog_msg *ref, int nplurals)
{
	struct catalog_msg *m = catalog_append(out, catalog_msg_ctxt(ref), catalog_msg_id(ref),
	                                       catalog_msg_id_plural(ref));
	int i, untranslated = 1;

	copy_strs(m, ref);
	for (i = 0; i < str_forms(ref); i++)
		if (catalog_msg_id_plural(ref) ? catalog_msg_str_plural(ref, i)[0] != '\0'
		                               : !msgstr_empty(ref))
			untranslated = 0;
	if (catalog_msg_id_plural(ref) && untranslated)
		set_forms(m, nplurals, "");
	catalog_msg_set_comments(m, catalog_msg_comments(ref));
	catalog_msg_set_extracted(m, catalog_msg_extracted(ref));
	catalog_msg_copy_refs(m, ref);
	catalog_msg_copy_flags(m, ref);
	catalog_msg_set_fuzzy(m, catalog_msg_fuzzy(ref));
	if (catalog_msg_obsolete(ref))
		catalog_msg_set_obsolete(m, 1);
}

/* An old message nothing used, kept as an obsolete entry. */
static void obsolete_entry(struct catalog *out, const struct catalog_msg *def)
{
	struct catalog_msg *m = catalog_append(out, catalog_msg_ctxt(def), catalog_msg_id(def),
	                                       catalog_msg_id_plural(def));

	copy_strs(m, def);
	catalog_msg_set_comments(m, catalog_msg_comments(def));
	catalog_msg_copy_flags(m, def);
	catalog_msg_set_fuzzy(m, catalog_msg_fuzzy(def));
	catalog_msg_set_prev(m, catalog_msg_prev_ctxt(def), catalog_msg_prev_id(def),
	                     catalog_msg_prev_id_plural(def));
	catalog_msg_set_obsolete(m, 1);
}

/* --- Numbers and negations --------------------------------------------------- */

/* The digit sequences of S, space-separated, into OUT. */
static void numbers_of(const char *s, struct buf *out)
{
	buf_truncate(out, 0);
	while (*s) {
		if (isdigit((unsigned char)*s)) {
			if (out->len)
				buf_addc(out, ' ');
			while (isdigit((unsigned char)*s))
				buf_addc(out, *s++);
		} else {
			s++;
		}
	}
}

/* A hash of the digit sequences of S, in order (equal lists, equal hash). */
static uint64_t numbers_hash(const char *s)
{
	struct buf b = BUF_INIT;
	uint64_t h;

	numbers_of(s, &b);
	h = digest_fnv_str(DIGEST_FNV_START, buf_str(&b));
	buf_release(&b);
	return h;
}

/* 1 when S starts a byte of a word: letters, digits, anything not ASCII
 * but the typographic apostrophe, U+2019, which ends a word as "'" does. */
static int word_byte(const char *s)
{
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0x99)
		return 0;
	return isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80;
}

/*
 * The number of negation words in S: French "ne" and "n'", "pas", "non",
 * "jamais", "aucun(e)", "ni", "rien"; English "not", "no", "never",
 * "none", "nothing" and "n't" (the "t" after "n'", not that of
 * "a-t-il").  ASCII letters are compared in lower case.
 */
static int negations_of(const char *s)
{
	static const char *const words[] = { "ne",    "n",      "pas",  "non",    "jamais",
		                             "aucun", "aucune", "ni",   "rien",   "not",
		                             "no",    "never",  "none", "nothing" };
	int count = 0, after_n_apostrophe = 0;

	while (*s) {
		char word[16];
		size_t len = 0, i;
		const char *gap = s;

		while (*s && !word_byte(s))
			s++;
		/* "don't": a "t" right after "n" and an apostrophe. */
		after_n_apostrophe =
		    after_n_apostrophe && ((s - gap == 1 && *gap == '\'') ||
		                           (s - gap == 3 && memcmp(gap, "\xe2\x80\x99", 3) == 0));
		while (*s && word_byte(s)) {
			if (len < sizeof word - 1)
				word[len++] = (char)tolower((unsigned char)*s);
			s++;
		}
		word[len] = '\0';
		if (after_n_apostrophe && strcmp(word, "t") == 0)
			count++;
		for (i = 0; i < sizeof words / sizeof words[0]; i++)
			if (strcmp(word, words[i]) == 0)
				count++;
		after_n_apostrophe = len > 1 && word[len - 1] == 'n';
	}
	return count;
}

/* --- Sentences ------------------------------------------------------------------ */

struct merge_run {
	const struct merge_options *opt;
	struct old_msg *old;
	size_t nold;
	const char *source_lang, *target_lang;
	int nplurals;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Sentence I of TEXT per BOUNDS, without its trailing white space. */
static size_t sentence(const char *text, const size_t *bounds, size_t i, const char **start)
{
	size_t a = bounds[i], b = bounds[i + 1];

	while (b > a && is_space(text[b - 1]))
		b--;
	*start = text + a;
	return b - a;
}

/* Splits OLD's msgid and msgstr; usable only when the counts agree. */
static int old_split(struct merge_run *run, struct old_msg *o)
{
	const char *id, *str;
	size_t n, k;

	if (o->split)
		return o->split > 0;
	o->split = -1;
	if (catalog_msg_id_plural(o->msg))
		return 0;
	id = catalog_msg_id(o->msg);
	str = catalog_msg_str(o->msg);
	n = uni_sentences(id, strlen(id), run->source_lang, &o->src_bounds);
	k = uni_sentences(str, strlen(str), run->target_lang, &o->dst_bounds);
	o->nsent = n;
	if (n >= 1 && n == k)
		o->split = 1;
	return o->split > 0;
}

/* The index in O's sentences of the sentence S (LEN bytes), or -1. */
static long find_sentence(const struct old_msg *o, const char *s, size_t len)
{
	const char *id = catalog_msg_id(o->msg), *t;
	size_t i;

	for (i = 0; i < o->nsent; i++)
		if (sentence(id, o->src_bounds, i, &t) == len && memcmp(t, s, len) == 0)
			return (long)i;
	return -1;
}

static void add_target(struct buf *out, const struct old_msg *o, size_t i)
{
	const char *t;
	size_t len = sentence(catalog_msg_str(o->msg), o->dst_bounds, i, &t);

	if (!len)
		return;
	if (out->len)
		buf_addc(out, ' ');
	buf_add(out, t, len);
}

/*
 * Sentence reuse: a translation for the new MSGID assembled from the
 * translations of its unchanged sentences, found in the candidates CAND
 * (BEST is the whole-message choice, or NULL).  Sentences that the best
 * candidate had in the same place but changed keep its old translation;
 * sentences that are gone lose theirs.  Returns the msgstr (to free) and
 * sets *REUSED to the number of unchanged sentences, or returns NULL when
 * sentences do not line up or the result would be the best candidate's
 * own msgstr.
 */
static char *assemble(struct merge_run *run, const char *msgid, struct old_msg *best,
                      struct old_msg **cand, size_t ncand, size_t *reused)
{
	size_t *nb = NULL, n, i, k, found = 0, next_old = 0;
	long *from_best;
	struct buf out = BUF_INIT;
	int whole = 1;

	n = uni_sentences(msgid, strlen(msgid), run->source_lang, &nb);
	if (n < 2) {
		free(nb);
		return NULL;
	}
	if (best && !old_split(run, best))
		best = NULL;
	from_best = xmalloc(n * sizeof *from_best);
	/* Unchanged sentences of the best candidate, in order. */
	for (i = 0; i < n; i++) {
		const char *s;
		size_t len = sentence(msgid, nb, i, &s);
		long j = best ? find_sentence(best, s, len) : -1;

		from_best[i] = j >= (long)next_old ? j : -1;
		if (from_best[i] >= 0)
			next_old = (size_t)from_best[i] + 1;
	}
	next_old = 0;
	for (i = 0; i < n; i++) {
		const char *s;
		size_t len = sentence(msgid, nb, i, &s);

		if (from_best[i] >= 0) {
			if ((size_t)from_best[i] != next_old)
				whole = 0; /* old sentences were dropped */
			add_target(&out, best, (size_t)from_best[i]);
			next_old = (size_t)from_best[i] + 1;
			found++;
			continue;
		}
		/* A sentence the best candidate lacks, unchanged in another. */
		for (k = 0; k < ncand; k++) {
			long j;

			if (cand[k] == best || !old_split(run, cand[k]))
				continue;
			j = find_sentence(cand[k], s, len);
			if (j >= 0) {
				add_target(&out, cand[k], (size_t)j);
				found++;
				whole = 0;
				break;
			}
		}
		if (k < ncand)
			continue;
		/* A changed sentence in the same place as an old one: its
		 * translation is still the best start. */
		if (best && next_old < best->nsent &&
		    (i + 1 == n || from_best[i + 1] < 0 || (size_t)from_best[i + 1] > next_old)) {
			add_target(&out, best, next_old++);
			continue;
		}
		whole = 0;
	}
	if (best && next_old != best->nsent)
		whole = 0;
	free(from_best);
	free(nb);
	/* Without a whole-message match, only mostly unchanged paragraphs;
	 * with one, only when the result differs from its translation. */
	if ((best && (whole || strcmp(buf_str(&out), catalog_msg_str(best->msg)) == 0)) ||
	    found == 0 || (!best && found * 2 < n) || !out.len) {
		buf_release(&out);
		return NULL;
	}
	*reused = found;
	return buf_detach(&out);
}

/* --- Fuzzy search --------------------------------------------------------------- */

struct fuzzy_choice {
	struct old_msg *best;
	char *msgstr; /* assembled from sentences, or NULL */
	struct buf notes;
};

/* One fuzzy search: the query and the best candidate so far. */
struct search {
	struct fuzzy_query q;
	const char *ctxt;
	int negations;
	uint64_t numbers;
	struct old_msg *best;
	size_t best_order; /* its place in the order candidates are weighed in */
	double best_weight, best_score;
	int best_numbers, best_negations;
};

static double context_bonus(const struct search *s, const struct old_msg *o)
{
	const char *octxt = o->ctxt;

	return (s->ctxt == NULL) ? (octxt == NULL ? SAME_CONTEXT_BONUS : 0)
	                         : (octxt && strcmp(s->ctxt, octxt) == 0 ? SAME_CONTEXT_BONUS : 0);
}

/*
 * Weighs the candidate O, the ORDER-th in msgmerge's order, as msgmerge
 * does (similarity, plus a tiny bonus for the same msgctxt, strictly
 * above 0.6), then ranks it lower for changed numbers or negations when
 * it would otherwise look near-exact.  The best is the candidate with the
 * highest score, the first in order of those with the same: what weighing
 * them one after the other and keeping a strictly better one gives.
 */
static void consider(struct search *s, struct old_msg *o, size_t order)
{
	double bonus = context_bonus(s, o), weight, score, bound;
	/* A candidate before the best in order wins a tie: weigh it exactly. */
	int tie_wins = s->best && order < s->best_order;
	int same_numbers, same_negations;

	bound = s->best_score > FUZZY_THRESHOLD ? s->best_score : FUZZY_THRESHOLD;
	weight = fuzzy_query_similarity(&s->q, o->id, o->id_len,
	                                tie_wins ? bound - bonus - 1e-9 : bound - bonus) +
	         bonus;
	if (weight < bound || (weight == bound && !tie_wins))
		return;
	if (!o->traits_known) {
		o->numbers = numbers_hash(catalog_msg_id(o->msg));
		o->negations = negations_of(catalog_msg_id(o->msg));
		o->traits_known = 1;
	}
	same_numbers = o->numbers == s->numbers;
	same_negations = o->negations == s->negations;
	score = weight;
	if (weight >= NEAR_EXACT)
		score -=
		    (same_numbers ? 0 : CHANGE_PENALTY) + (same_negations ? 0 : CHANGE_PENALTY);
	if (s->best && (score < s->best_score || (score == s->best_score && !tie_wins)))
		return;
	s->best = o;
	s->best_order = order;
	s->best_weight = weight;
	s->best_score = score;
	s->best_numbers = same_numbers;
	s->best_negations = same_negations;
}

/* A candidate, with the most its score can be. */
struct bounded {
	struct old_msg *o;
	size_t order;
	double most;
};

static int by_most(const void *a, const void *b)
{
	const struct bounded *x = a, *y = b;

	if (x->most != y->most)
		return x->most > y->most ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * Weighs the N candidates C (their ORDER set): most promising first, by
 * the bound of fuzzy_query_bound, and none whose bound shows it could not
 * beat the best.  The result is consider's in order, with fewer
 * similarities computed.
 */
static void consider_all(struct search *s, struct bounded *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct old_msg *o = c[i].o;

		if (!o->profile.valid)
			fuzzy_profile_init(&o->profile, o->id, o->id_len);
		c[i].most = fuzzy_query_bound(&s->q, &o->profile, o->id_len) + context_bonus(s, o);
	}
	qsort(c, n, sizeof *c, by_most);
	for (i = 0; i < n; i++) {
		if (c[i].most <= FUZZY_THRESHOLD)
			break;
		if (s->best && c[i].most < s->best_score)
			break;
		if (s->best && c[i].most == s->best_score && c[i].order > s->best_order)
			continue;
		consider(s, c[i].o, c[i].order);
	}
}

static int by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static void fuzzy_search(struct merge_run *run, struct fuzzy_index *fi, const size_t *index_to_old,
                         const struct catalog_msg *ref, struct fuzzy_choice *ch)
{
	const char *msgid = catalog_msg_id(ref);
	size_t ids[CANDIDATES], more[WIDE_CANDIDATES], n, m, i, k, reused = 0;
	struct old_msg *cand[CANDIDATES];
	struct bounded bounded[WIDE_CANDIDATES];
	struct buf nums = BUF_INIT, cand_nums = BUF_INIT;
	struct search s;

	ch->best = NULL;
	ch->msgstr = NULL;
	n = fuzzy_index_candidates(fi, msgid, QUERY_BUDGET, ids, CANDIDATES);
	if (n == 0)
		return;
	memset(&s, 0, sizeof s);
	s.ctxt = catalog_msg_ctxt(ref);
	s.negations = negations_of(msgid);
	s.numbers = numbers_hash(msgid);
	fuzzy_query_init(&s.q, msgid);
	for (i = 0; i < n; i++) {
		cand[i] = &run->old[index_to_old[ids[i]]];
		bounded[i].o = cand[i];
		bounded[i].order = i;
	}
	consider_all(&s, bounded, n);
	/* No near-duplicate among the strings that share the rarest grams:
	 * the message is new or much changed, and the closest old one may
	 * share only common phrases.  Look wider, still within a bound. */
	if (!s.best || s.best_weight < WIDEN_BELOW) {
		m = fuzzy_index_candidates(fi, msgid, WIDE_BUDGET, more, WIDE_CANDIDATES);
		qsort(ids, n, sizeof *ids, by_size);
		for (i = 0, k = 0; i < m; i++)
			if (!bsearch(&more[i], ids, n, sizeof *ids, by_size)) {
				bounded[k].o = &run->old[index_to_old[more[i]]];
				bounded[k++].order = n + i;
			}
		consider_all(&s, bounded, k);
	}
	fuzzy_query_release(&s.q);
	ch->best = s.best;

	if (!catalog_msg_id_plural(ref) && run->source_lang) {
		size_t nc = n < SENTENCE_CANDIDATES ? n : SENTENCE_CANDIDATES;

		ch->msgstr = assemble(run, msgid, ch->best, cand, nc, &reused);
		if (ch->msgstr && !ch->best) {
			/* The source to name in "#|": the candidate sharing most
			 * 4-grams among those whose sentences line up. */
			for (i = 0; i < nc && !ch->best; i++)
				if (old_split(run, cand[i]))
					ch->best = cand[i];
		}
		if (ch->msgstr)
			buf_addf(&ch->notes,
			         NOTE_PREFIX "assembled from the translations of %zu unchanged "
			                     "sentence%s\n",
			         reused, reused == 1 ? "" : "s");
	}
	if (ch->best && ch->best == s.best && !s.best_numbers) {
		numbers_of(msgid, &nums);
		numbers_of(catalog_msg_id(ch->best->msg), &cand_nums);
		buf_addf(&ch->notes, NOTE_PREFIX "numbers changed: was \"%s\", now \"%s\"\n",
		         buf_str(&cand_nums), buf_str(&nums));
	}
	if (ch->best && ch->best == s.best && !s.best_negations)
		buf_addf(&ch->notes, NOTE_PREFIX "a negation was added or removed\n");
	buf_release(&nums);
	buf_release(&cand_nums);
}

/* --- The merge ------------------------------------------------------------------ */

/* The fuzzy searches are for the messages of REF that have no exact match.
 * When they are few beside the old messages (a small change), the index is
 * made for them alone: the same answers, for a fraction of the work. */
#define FEW_QUERIES 16

static void expect_queries(struct fuzzy_index *fi, const struct exact_table *exact,
                           const struct merge_run *run, const struct catalog *ref)
{
	size_t i, n = 0, nref = catalog_count(ref);
	const char **queries = xmalloc((nref + 1) * sizeof *queries);

	for (i = 0; i < nref && n * FEW_QUERIES <= run->nold; i++) {
		const struct catalog_msg *r = catalog_at(ref, i);

		if (!exact_find(exact, run->old, catalog_msg_ctxt(r), catalog_msg_id(r)))
			queries[n++] = catalog_msg_id(r);
	}
	if (n * FEW_QUERIES <= run->nold)
		fuzzy_index_expect(fi, queries, n);
	free(queries);
}

struct catalog *merge_catalogs(const struct catalog *def, const struct catalog *ref,
                               const struct merge_options *opt, struct merge_stats *stats,
                               struct diag *d)
{
	/* Plural messages get the header's number of forms, 2 without one. */
	int nplurals = catalog_nplurals(def, d);
	struct catalog *out;
	struct merge_stats st;
	struct merge_run run;
	struct exact_table exact;
	struct fuzzy_index *fi = NULL;
	size_t *index_to_old = NULL, i, nref = catalog_count(ref);
	char *source_lang = NULL, *target_lang = NULL;

	if (nplurals < 0)
		return NULL;
	out = catalog_create(catalog_name(def));
	/* The merge is made of the two catalogs' strings: kept, not copied. */
	catalog_share(out, def);
	catalog_share(out, ref);
	memset(&st, 0, sizeof st);
	memset(&run, 0, sizeof run);
	run.opt = opt;
	run.nold = catalog_count(def);
	run.old = xcalloc(run.nold + 1, sizeof *run.old);
	for (i = 0; i < run.nold; i++) {
		run.old[i].msg = catalog_at(def, i);
		run.old[i].ctxt = catalog_msg_ctxt(run.old[i].msg);
		run.old[i].id = catalog_msg_id(run.old[i].msg);
		run.old[i].id_len = strlen(run.old[i].id);
	}
	exact_init(&exact, run.old, run.nold);
	run.nplurals = nplurals ? nplurals : 2;

	/* The languages given win over what the catalogs' headers say. */
	run.source_lang = source_lang =
	    opt->source_lang ? xstrdup(opt->source_lang) : lang_source_of(ref, NULL);
	run.target_lang = target_lang =
	    opt->lang ? xstrdup(opt->lang) : lang_of_catalog(def, "Language", "en");

	/* The header: the old one, brought up to date. */
	if (catalog_header(def)) {
		char *text = merge_header(catalog_header(def), catalog_header(ref), opt->lang);

		/* (Each call to the getter costs libgettextpo an allocation.) */
		const char *comments = catalog_header_comments(def);

		catalog_set_header(out, text);
		free(text);
		if (comments && *comments)
			catalog_set_header_comments(out, comments);
		catalog_set_header_fuzzy(out, catalog_header_fuzzy(def));
	}

	/* Only translated messages can lend their translation. */
	if (opt->fuzzy_matching) {
		fi = fuzzy_index_new();
		index_to_old = xmalloc((run.nold + 1) * sizeof *index_to_old);
		for (i = 0; i < run.nold; i++) {
			if (!msgstr_empty(run.old[i].msg)) {
				index_to_old[fuzzy_index_add(fi, catalog_msg_id(run.old[i].msg))] =
				    i;
			}
		}
		expect_queries(fi, &exact, &run, ref);
	}

	for (i = 0; i < nref; i++) {
		const struct catalog_msg *r = catalog_at(ref, i);
		struct old_msg *o =
		    exact_find(&exact, run.old, catalog_msg_ctxt(r), catalog_msg_id(r));
		struct fuzzy_choice ch;

		if (o) {
			merge_entry(out, o->msg, r, 0, NULL, NULL, run.nplurals, opt);
			o->used = 1;
			st.exact++;
			continue;
		}
		memset(&ch, 0, sizeof ch);
		if (fi)
			fuzzy_search(&run, fi, index_to_old, r, &ch);
		if (ch.best) {
			merge_entry(out, ch.best->msg, r, 1, ch.msgstr,
			            ch.notes.len ? buf_str(&ch.notes) : NULL, run.nplurals, opt);
			/* An assembled translation leaves out some of the old one:
			 * the old one stays, obsolete, unless another match uses it. */
			if (!ch.msgstr)
				ch.best->used = 1;
			st.fuzzy++;
			if (ch.msgstr)
				st.assembled++;
		} else {
			new_entry(out, r, run.nplurals);
			st.untranslated++;
		}
		free(ch.msgstr);
		buf_release(&ch.notes);
	}

	/* What nothing used stays, obsolete, unless it holds no translation. */
	for (i = 0; i < run.nold; i++) {
		if (run.old[i].used || msgstr_empty(run.old[i].msg))
			continue;
		obsolete_entry(out, run.old[i].msg);
		st.obsolete++;
	}

	for (i = 0; i < run.nold; i++) {
		free(run.old[i].src_bounds);
		free(run.old[i].dst_bounds);
	}
	free(run.old);
	exact_release(&exact);
	free(index_to_old);
	fuzzy_index_free(fi);
	free(source_lang);
	free(target_lang);
	if (stats)
		*stats = st;
	return out;
}

struct catalog *merge_new_catalog(const struct catalog *ref, const char *lang, const char *name)
{
	struct catalog *cat = catalog_create(name);
	const char *forms = uni_plural_forms(lang);
	char *date = catalog_header_field(ref, "POT-Creation-Date");
	const char *header = catalog_header(ref), *comments = catalog_header_comments(ref);

	catalog_set_header(cat, header ? header : "");
	if (comments && *comments)
		catalog_set_header_comments(cat, comments);
	if (date)
		catalog_set_header_field(cat, "PO-Revision-Date", date);
	catalog_set_header_field(cat, "Last-Translator", "Automatically generated");
	catalog_set_header_field(cat, "Language-Team", "none");
	catalog_set_header_field(cat, "Language", lang);
	catalog_set_header_field(cat, "MIME-Version", "1.0");
	catalog_set_header_field(cat, "Content-Type", "text/plain; charset=UTF-8");
	catalog_set_header_field(cat, "Content-Transfer-Encoding", "8bit");
	if (forms)
		catalog_set_header_field(cat, "Plural-Forms", forms);
	catalog_set_header_fuzzy(cat, 0);
	free(date);
	return cat;
}
