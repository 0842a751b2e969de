/*
 * report: the review pages, one per source file and language, for the
 * translators.  See report.h; the building blocks are in report-html.c.
 */
#include <config.h>

#include "report-html.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "atomic.h"
#include "buf.h"
#include "digest.h"
#include "file.h"
#include "mem.h"
#include "msgindex.h"
#include "uni.h"

/* A message of a source file, where the file has it. */
struct unit {
	const struct catalog_msg *msg;
	long line; /* of the reference: the order of the source */
	size_t order; /* in the catalog: ties keep it */
};

struct unit_list {
	struct unit *units;
	size_t count, alloc;
};

static int compare_units(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* --- How the source changed: a word diff ---------------------------------------------- */

/* The pieces of TEXT: every tag whole, the text between by ICU's word boundaries. */
static size_t tokenize(const char *text, const char *lang, size_t **starts)
{
	size_t *s = NULL, n = 0, alloc = 0, pos = 0, len = strlen(text);

	while (pos < len) {
		const char *lt = strchr(text + pos, '<'), *gt = lt ? strchr(lt, '>') : NULL;
		size_t end = lt && gt ? (size_t)(lt - text) : len, *bounds, k, nb;

		if (end > pos) {
			nb = uni_word_bounds(text + pos, end - pos, lang, &bounds);
			for (k = 0; k < nb; k++) {
				xgrow((void **)&s, &alloc, n + 1, sizeof *s);
				s[n++] = pos + bounds[k];
			}
			free(bounds);
		}
		if (end == len)
			break;
		xgrow((void **)&s, &alloc, n + 1, sizeof *s);
		s[n++] = end;
		pos = (size_t)(gt + 1 - text);
	}
	xgrow((void **)&s, &alloc, n + 1, sizeof *s);
	s[n] = len;
	*starts = s;
	return n;
}

/* Piece I of TEXT cut at STARTS, compared with piece J of OTHER. */
static int same_piece(const char *a, const size_t *sa, size_t i, const char *b, const size_t *sb,
                      size_t j)
{
	size_t la = sa[i + 1] - sa[i], lb = sb[j + 1] - sb[j];

	return la == lb && memcmp(a + sa[i], b + sb[j], la) == 0;
}

/* Beyond this many pieces times pieces, the texts are shown whole, old then new. */
#define DIFF_MAX_CELLS 4000000

enum piece_kind { SAME, DELETED, INSERTED };

/* Appends the run of KIND (TEXT, LEN bytes) to PARENT. */
static void diff_run(xmlNodePtr parent, enum piece_kind kind, const char *text, size_t len)
{
	struct buf run = BUF_INIT;

	if (!len)
		return;
	buf_add(&run, text, len);
	if (kind == SAME)
		report_message(parent, buf_str(&run));
	else
		report_message(report_el(parent, kind == DELETED ? "del" : "ins", NULL),
		               buf_str(&run));
	buf_release(&run);
}

/* The table of word_diff, kept from one message to the next: a page
 * compares many, and a large allocation for each made malloc gather its
 * small free blocks every time. */
struct diff_table {
	uint32_t *cells;
	size_t alloc;
};

/*
 * OLD against NEW, piece by piece (the longest common subsequence), into
 * PARENT: what is gone in <del>, what is new in <ins>.  The pieces both
 * start with are taken as they are, and the table is made for the rest
 * only: the walk below would take them the same way.
 */
static void word_diff(xmlNodePtr parent, const char *old, const char *new, const char *lang,
                      struct diff_table *t)
{
	size_t *so, *sn, no = tokenize(old, lang, &so), nn = tokenize(new, lang, &sn), i, j;
	size_t first = 0, w;
	uint32_t *lcs;
	enum piece_kind kind = SAME;
	size_t run_start = 0, run_end = 0;
	const char *run_text = new;

	if ((no + 1) * (nn + 1) > DIFF_MAX_CELLS) {
		diff_run(parent, DELETED, old, strlen(old));
		diff_run(parent, INSERTED, new, strlen(new));
		free(so);
		free(sn);
		return;
	}
	while (first < no && first < nn && same_piece(old, so, first, new, sn, first))
		first++;
	/* lcs[i][j]: the common pieces of OLD from FIRST + i and NEW from
	 * FIRST + j; the last row and column are 0. */
	w = nn - first + 1;
	xgrow((void **)&t->cells, &t->alloc, (no - first + 1) * w, sizeof *t->cells);
	lcs = t->cells;
	for (j = 0; j < w; j++)
		lcs[(no - first) * w + j] = 0;
	for (i = no - first; i-- > 0;) {
		lcs[i * w + w - 1] = 0;
		for (j = w - 1; j-- > 0;)
			lcs[i * w + j] = same_piece(old, so, first + i, new, sn, first + j)
			                     ? lcs[(i + 1) * w + j + 1] + 1
			                 : lcs[(i + 1) * w + j] > lcs[i * w + j + 1]
			                     ? lcs[(i + 1) * w + j]
			                     : lcs[i * w + j + 1];
	}
	/* Walk it, gathering runs of one kind (in OLD for DELETED, else in NEW). */
	i = j = first;
	if (first) {
		run_start = sn[0];
		run_end = sn[first];
	}
	while (i < no || j < nn) {
		enum piece_kind k;
		const char *text;
		size_t start, end;

		/* What is gone before what replaces it. */
		if (i < no && j < nn && same_piece(old, so, i, new, sn, j)) {
			k = SAME;
			text = new;
			start = sn[j];
			end = sn[j + 1];
			i++;
			j++;
		} else if (i < no && (j == nn || lcs[(i + 1 - first) * w + j - first] >=
		                                     lcs[(i - first) * w + j + 1 - first])) {
			k = DELETED;
			text = old;
			start = so[i];
			end = so[++i];
		} else {
			k = INSERTED;
			text = new;
			start = sn[j];
			end = sn[++j];
		}
		if (k != kind || text != run_text || start != run_end) {
			diff_run(parent, kind, run_text + run_start, run_end - run_start);
			kind = k;
			run_text = text;
			run_start = start;
		}
		run_end = end;
	}
	diff_run(parent, kind, run_text + run_start, run_end - run_start);
	free(so);
	free(sn);
}

/* --- One page ---------------------------------------------------------------------- */

struct page {
	const struct check_report *r;
	size_t li; /* the language */
	const struct check_lang *l;
	const struct report_options *o;
	char **dirs; /* every language's folder */
	char ***names; /* every language's page names */
	struct msgindex *paths; /* every language's files, by path */
	struct buf lang_name, source_name;
	struct diff_table *diff; /* word_diff's */
};

/* The first of L's problems at LINE, by bisection (they are sorted by line). */
static size_t first_problem(const struct check_lang *l, long line)
{
	size_t lo = 0, hi = l->problem_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->problems[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const char *state_text(enum check_state state)
{
	switch (state) {
	case CHECK_TRANSLATED:
		return "translated";
	case CHECK_FUZZY:
		return "fuzzy";
	case CHECK_SAME:
		return "same as source";
	case CHECK_REJECTED:
		return "rejected";
	default:
		return "untranslated";
	}
}

/* The "#." comments of M, one line. */
static void extracted_note(xmlNodePtr parent, const struct catalog_msg *m)
{
	const char *note = catalog_msg_extracted(m);
	struct buf text = BUF_INIT;
	size_t k;

	if (!note || !*note)
		return;
	buf_adds(&text, note);
	while (text.len && text.data[text.len - 1] == '\n')
		buf_truncate(&text, text.len - 1);
	for (k = 0; k < text.len; k++)
		if (text.data[k] == '\n')
			text.data[k] = ' ';
	report_attr(report_el(parent, "span", buf_str(&text)), "class", "note");
	buf_release(&text);
}

/* A column of a unit: its LABEL, then TEXT in LANG (NULL: EMPTY, in English). */
static void unit_column(xmlNodePtr columns, const char *label, const char *text, const char *plural,
                        const char *lang, const char *empty)
{
	xmlNodePtr col = report_el(columns, "div", NULL), p;

	report_attr(report_el(col, "p", label), "class", "col");
	if (!text || !*text) {
		report_attr(report_el(col, "p", empty), "class", "missing");
		return;
	}
	p = report_el(col, "p", NULL);
	report_attr(p, "lang", lang);
	report_message(p, text);
	if (plural) {
		p = report_el(col, "p", NULL);
		report_attr(p, "lang", lang);
		report_message(p, plural);
	}
}

/*
 * Unit U of the page of file F.  It is named by its message's key, not by
 * a line of the catalog, which any edit above it moves: a page stays the
 * same bytes until its own messages change (see page_digest).
 */
static void write_unit(xmlNodePtr list, const struct page *pg, const struct catalog *cat,
                       const struct check_file *f, const struct unit *u)
{
	const struct check_lang *l = pg->l;
	const struct catalog_msg *m = catalog_at(cat, u->order);
	long line = catalog_msg_line(m);
	const char *why;
	enum check_state state = check_lang_state(l, u->order, &why);
	xmlNodePtr item = report_el(list, "li", NULL), head, a, columns, p, problems = NULL;
	struct buf text = BUF_INIT, translation = BUF_INIT;
	char id[32];
	size_t k;
	int form;

	report_msg_anchor(catalog_msg_key(m), id, sizeof id);
	report_attr(item, "id", id);
	buf_addf(&text, "unit %s", check_state_name(state));
	report_attr(item, "class", buf_str(&text));
	head = report_el(item, "div", NULL);
	report_attr(head, "class", "head");
	buf_truncate(&text, 0);
	buf_adds(&text, f->path);
	if (u->line)
		buf_addf(&text, ":%ld", u->line);
	a = report_el(head, "a", buf_str(&text));
	buf_truncate(&text, 0);
	buf_addf(&text, "#%s", id);
	report_attr(a, "href", buf_str(&text));
	buf_truncate(&text, 0);
	buf_addf(&text, "label %s", check_state_name(state));
	report_attr(report_el(head, "span", state_text(state)), "class", buf_str(&text));
	extracted_note(head, m);

	columns = report_el(item, "div", NULL);
	report_attr(columns, "class", "columns");
	buf_truncate(&text, 0);
	buf_addf(&text, "Source (%s)", buf_str(&pg->source_name));
	unit_column(columns, buf_str(&text), catalog_msg_id(m), catalog_msg_id_plural(m),
	            l->source_lang, "");
	for (form = 0;; form++) {
		const char *s = catalog_msg_id_plural(m) ? catalog_msg_str_plural(m, form)
		                                         : (form ? NULL : catalog_msg_str(m));

		if (!s)
			break;
		if (form)
			buf_adds(&translation, " | ");
		buf_adds(&translation, s);
	}
	buf_truncate(&text, 0);
	buf_addf(&text, "Translation (%s)", buf_str(&pg->lang_name));
	unit_column(columns, buf_str(&text),
	            state == CHECK_UNTRANSLATED ? "" : buf_str(&translation), NULL, l->lang,
	            "Not translated yet: the page shows the source text.");

	if (state == CHECK_FUZZY) {
		const char *prev = catalog_msg_prev_id(m);

		if (prev) {
			p = report_el(item, "p",
			              "How the source changed since this was translated (");
			report_attr(p, "class", "col");
			report_el(p, "del", "removed");
			report_text(p, ", ");
			report_el(p, "ins", "added");
			report_text(p, "):");
			p = report_el(item, "p", NULL);
			report_attr(p, "lang", l->source_lang);
			word_diff(p, prev, catalog_msg_id(m), l->source_lang, pg->diff);
		}
		report_el(item, "p",
		          "Fuzzy: the page shows the source text until the translation is updated "
		          "and its fuzzy flag removed.");
	} else if (state == CHECK_REJECTED) {
		p = report_el(item, "p", NULL);
		report_el(p, "strong", "Rejected: ");
		report_text(p, why ? why : "the markup does not fit the source");
		report_text(p, ".  The page shows the source text in its place.");
	} else if (state == CHECK_SAME) {
		report_el(item, "p",
		          "A copy of the source, counted as untranslated; a translator comment "
		          "\"traduki: same-as-source\" says it is meant.");
	}

	for (k = first_problem(l, line); k < l->problem_count && l->problems[k].line == line; k++) {
		const struct check_problem *pr = &l->problems[k];
		xmlNodePtr li;

		/* Only the problems of this catalog's messages; a rejection is
		 * said above. */
		if (strcmp(pr->file, catalog_name(cat)) != 0 || pr->rejected)
			continue;
		if (!problems) {
			problems = report_el(item, "ul", NULL);
			report_attr(problems, "class", "problems");
			/* It needs work, whatever its state. */
			buf_truncate(&text, 0);
			buf_addf(&text, "unit %s problem", check_state_name(state));
			xmlSetProp(item, BAD_CAST "class", BAD_CAST buf_str(&text));
		}
		li = report_el(problems, "li", NULL);
		report_attr(li, "class", diag_severity_name(pr->severity));
		report_attr(report_el(li, "span", diag_severity_name(pr->severity)), "class",
		            pr->severity == DIAG_ERROR ? "label error" : "label warning");
		report_text(li, " ");
		report_el(li, "code", pr->id);
		buf_truncate(&text, 0);
		buf_addf(&text, " %s", pr->text);
		report_text(li, buf_str(&text));
	}
	buf_release(&text);
	buf_release(&translation);
}

/* --- Pages made again only when what they show changed ------------------------------ */

/*
 * A check after one edit finds most review pages as they were: it makes
 * only those whose digest changed.  The digest of a page covers what
 * write_page and write_unit show, taken from where they take it: the
 * program (digest_program: its wording, style and script), the languages
 * and their folders, the file's record and state, and each unit's
 * message, state and problems.  Units are named by their message's key
 * and placed by their "#:" reference, so an edit elsewhere in the catalog
 * changes no other page.  Whatever those two functions come to read must
 * be added here; tests/check/review-cache.t and the comparison of
 * incremental and clean runs (tests/workflow/random-edits.t) catch a
 * page left stale.
 *
 * The digests are kept in the language's folder, in REVIEW_LIST, a line
 * "NAME<TAB>DIGEST" per page.  A page is skipped when the list has its
 * digest and the file is still there.  The list is written once before
 * the pages, without the pages about to be made, so that a run stopped
 * halfway leaves none of them marked current, and once after them.
 */
#define REVIEW_LIST ".traduki-reviews"

struct review_list {
	struct msgindex names; /* the page names, by name */
	char **name; /* owned, as the index keys them */
	char (*hex)[33];
	size_t count, alloc;
};

static void review_list_add(struct review_list *rl, const char *name, size_t len, const char *hex)
{
	char *copy = xstrndup(name, len);

	if (msgindex_find(&rl->names, NULL, copy) != MSGINDEX_NONE) {
		free(copy);
		return;
	}
	xgrow((void **)&rl->name, &rl->alloc, rl->count + 1, sizeof *rl->name);
	rl->hex = xrealloc(rl->hex, rl->alloc * sizeof *rl->hex);
	rl->name[rl->count] = copy;
	memcpy(rl->hex[rl->count], hex, 33);
	msgindex_add(&rl->names, NULL, copy);
	rl->count++;
}

/* The list at PATH, as the last check wrote it; empty when it cannot be read. */
static void review_list_read(struct review_list *rl, const char *path)
{
	struct buf text = BUF_INIT;
	struct diag quiet;
	const char *p, *end;

	memset(rl, 0, sizeof *rl);
	msgindex_init(&rl->names);
	diag_init(&quiet, NULL, NULL);
	if (file_read(path, FILE_MAX_CATALOG, &text, &quiet) != 0) {
		buf_release(&text);
		return;
	}
	for (p = buf_str(&text), end = p + text.len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *tab;

		if (!nl)
			break;
		tab = memchr(p, '\t', (size_t)(nl - p));
		/* A line that is not NAME, a tab and 32 digits is ignored. */
		if (tab && tab > p && nl - tab == 33) {
			char hex[33];

			memcpy(hex, tab + 1, 32);
			hex[32] = '\0';
			review_list_add(rl, p, (size_t)(tab - p), hex);
		}
		p = nl + 1;
	}
	buf_release(&text);
}

static const char *review_list_find(const struct review_list *rl, const char *name)
{
	size_t i = msgindex_find(&rl->names, NULL, name);

	return i == MSGINDEX_NONE ? NULL : rl->hex[i];
}

static void review_list_release(struct review_list *rl)
{
	size_t i;

	for (i = 0; i < rl->count; i++)
		free(rl->name[i]);
	free(rl->name);
	free(rl->hex);
	msgindex_release(&rl->names);
	memset(rl, 0, sizeof *rl);
}

/* The pages of NAMES (COUNT, NULL for none) whose DIGESTS are not "" to PATH. */
static int review_list_write(const char *path, char **names, char (*digests)[33], size_t count,
                             struct diag *d)
{
	struct buf text = BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < count; i++)
		if (names[i] && digests[i][0])
			buf_addf(&text, "%s\t%s\n", names[i], digests[i]);
	rc = atomic_write(path, buf_str(&text), text.len, ATOMIC_KEEP_SAME | ATOMIC_NO_SYNC, d) < 0
	         ? -1
	         : 0;
	buf_release(&text);
	return rc;
}

static void add_counts(struct digest_state *s, const struct check_counts *c)
{
	digest_add_u64(s, c->messages);
	digest_add_u64(s, c->translated);
	digest_add_u64(s, c->fuzzy);
	digest_add_u64(s, c->untranslated);
	digest_add_u64(s, c->rejected);
	digest_add_u64(s, c->obsolete);
	digest_add_u64(s, c->identical);
	digest_add_u64(s, c->words);
	digest_add_u64(s, c->words_translated);
	digest_add_u64(s, c->words_fuzzy);
	digest_add_u64(s, c->words_untranslated);
	digest_add_u64(s, c->words_rejected);
}

static void add_double(struct digest_state *s, double v)
{
	uint64_t bits;

	memcpy(&bits, &v, sizeof bits);
	digest_add_u64(s, bits);
}

/* The digest of the page of file FI with UNITS (sorted), in hex into HEX. */
static void page_digest(const struct page *pg, const struct catalog *cat, size_t fi,
                        const struct unit_list *units, char hex[33])
{
	const struct check_lang *l = pg->l;
	const struct check_file *f = &l->files[fi];
	struct digest_state s;
	struct digest dg;
	struct buf href = BUF_INIT;
	size_t i, k;

	digest_init(&s);
	digest_add_digest(&s, digest_program());
	digest_add_str(&s, l->lang);
	digest_add_str(&s, l->source_lang);
	digest_add_str(&s, buf_str(&pg->lang_name));
	digest_add_str(&s, buf_str(&pg->source_name));
	add_double(&s, l->threshold);
	digest_add_str(&s, catalog_name(cat));
	/* The file's record. */
	digest_add_str(&s, f->path);
	digest_add_str(&s, f->title);
	digest_add_str(&s, f->id);
	digest_add_str(&s, f->date);
	add_counts(&s, &f->counts);
	digest_add_u64(&s, (uint64_t)(int64_t)check_file_published(l, f));
	digest_add_u64(&s, (uint64_t)report_page_address(pg->o, l, f, "../", &href));
	digest_add_str(&s, buf_str(&href));
	/* Every language's folder, and the page of the file there. */
	for (i = 0; i < pg->r->lang_count; i++) {
		size_t other = msgindex_find(&pg->paths[i], NULL, f->path);

		digest_add_str(&s, pg->dirs[i]);
		digest_add_str(&s, pg->r->langs[i].lang);
		digest_add_str(&s, other == MSGINDEX_NONE ? NULL : pg->names[i][other]);
	}
	/* The units, in their order. */
	digest_add_u64(&s, units->count);
	for (i = 0; i < units->count; i++) {
		const struct unit *u = &units->units[i];
		const struct catalog_msg *m = catalog_at(cat, u->order);
		long line = catalog_msg_line(m);
		const char *why = NULL, *t;
		enum check_state state = check_lang_state(l, u->order, &why);
		int form;

		digest_add_u64(&s, catalog_msg_key(m));
		digest_add_u64(&s, (uint64_t)u->line);
		digest_add_str(&s, catalog_msg_extracted(m));
		digest_add_str(&s, catalog_msg_id(m));
		digest_add_str(&s, catalog_msg_id_plural(m));
		for (form = 0;; form++) {
			t = catalog_msg_id_plural(m) ? catalog_msg_str_plural(m, form)
			                             : (form ? NULL : catalog_msg_str(m));
			digest_add_str(&s, t);
			if (!t)
				break;
		}
		digest_add_u64(&s, (uint64_t)state);
		digest_add_str(&s, why);
		digest_add_str(&s, catalog_msg_prev_id(m));
		for (k = first_problem(l, line);
		     k < l->problem_count && l->problems[k].line == line; k++) {
			const struct check_problem *pr = &l->problems[k];

			if (strcmp(pr->file, catalog_name(cat)) != 0 || pr->rejected)
				continue;
			digest_add_u64(&s, (uint64_t)pr->severity);
			digest_add_str(&s, pr->id);
			digest_add_str(&s, pr->text);
		}
		digest_add_u64(&s, UINT64_MAX); /* the end of the unit's problems */
	}
	dg = digest_final(&s);
	digest_hex(&dg, hex);
	buf_release(&href);
}

/* The page of file F of the language, with UNITS, to PATH. */
static int write_page(const struct page *pg, const struct catalog *cat, size_t fi,
                      struct unit_list *units, const char *path, struct diag *d)
{
	const struct check_lang *l = pg->l;
	const struct check_file *f = &l->files[fi];
	xmlNodePtr body, main, nav, a, h1, p, input, label, list;
	struct buf text = BUF_INIT, href = BUF_INIT;
	xmlDocPtr doc;
	size_t i, shown = 0;
	char pct[32];
	int published = check_file_published(l, f);

	buf_addf(&text, "Review: %s, %s", f->title ? f->title : f->path, buf_str(&pg->lang_name));
	doc = report_page_new(buf_str(&text), &body);
	nav = report_el(body, "nav", NULL);
	report_attr(nav, "aria-label", "Where this page is");
	p = report_el(nav, "p", NULL);
	a = report_el(p, "a", "Translation status");
	buf_truncate(&href, 0);
	buf_addf(&href, "../index.html#lang-%s", pg->dirs[pg->li]);
	report_attr(a, "href", buf_str(&href));
	buf_truncate(&text, 0);
	buf_addf(&text, " \xe2\x80\xba %s", buf_str(&pg->lang_name));
	report_text(p, buf_str(&text));

	main = report_el(body, "main", NULL);
	h1 = report_el(main, "h1", NULL);
	if (f->title)
		report_attr(report_el(h1, "span", f->title), "lang", l->source_lang);
	else
		report_text(h1, f->path);
	buf_truncate(&text, 0);
	buf_addf(&text, "%s%s%s", f->path, f->date ? " \xc2\xb7 " : "", f->date ? f->date : "");
	report_attr(report_el(main, "p", buf_str(&text)), "class", "file");

	report_percent(check_percent(&f->counts), pct, sizeof pct);
	buf_truncate(&text, 0);
	buf_addf(&text, "The %s translation: %s%% of its %lu words translated.  ",
	         buf_str(&pg->lang_name), pct, f->counts.words);
	p = report_el(main, "p", buf_str(&text));
	if (published == 1 && f->id) {
		report_text(p, "On the site");
		if (report_page_address(pg->o, l, f, "../", &href) == 0) {
			report_text(p, ": ");
			a = report_el(p, "a", "read it");
			report_attr(a, "href", buf_str(&href));
			report_attr(a, "hreflang", l->lang);
		}
		report_text(p, f->counts.fuzzy ? ", with its outdated passages in the source "
		                                 "language."
		                               : ".");
	} else if (published == 0 && f->id) {
		buf_truncate(&text, 0);
		buf_addf(
		    &text,
		    "Not on the site: %lu more words to translate to reach the %g%% "
		    "threshold.",
		    check_words_missing(f->counts.words, f->counts.words_translated, l->threshold),
		    l->threshold);
		report_text(p, buf_str(&text));
	}
	report_bar(main, &f->counts);
	buf_truncate(&text, 0);
	buf_addf(&text, "Messages: %lu translated, %lu fuzzy, %lu untranslated, %lu rejected.",
	         f->counts.translated, f->counts.fuzzy, f->counts.untranslated, f->counts.rejected);
	p = report_el(main, "p", buf_str(&text));
	for (i = 0; i < pg->r->lang_count; i++) {
		size_t other;

		if (i == pg->li || !pg->dirs[i] ||
		    (other = msgindex_find(&pg->paths[i], NULL, f->path)) == MSGINDEX_NONE ||
		    !pg->names[i][other])
			continue;
		report_text(p, shown++ ? ", " : "  Other languages: ");
		buf_truncate(&href, 0);
		buf_addf(&href, "../%s/%s", pg->dirs[i], pg->names[i][other]);
		a = report_el(p, "a", pg->r->langs[i].lang);
		report_attr(a, "href", buf_str(&href));
	}
	if (shown)
		report_text(p, ".");

	input = report_el(main, "input", NULL);
	report_attr(input, "type", "checkbox");
	report_attr(input, "id", "only-work");
	label = report_el(main, "label", " Show only the messages that need work");
	report_attr(label, "for", "only-work");
	list = report_el(main, "ol", NULL);
	report_attr(list, "class", "units");
	for (i = 0; i < units->count; i++)
		write_unit(list, pg, cat, f, &units->units[i]);
	buf_release(&text);
	buf_release(&href);
	return report_page_write(doc, path, 1, d);
}

/* "Dutch (nl)", or the code alone. */
static void language_name(const char *code, struct buf *out)
{
	char *name = uni_language_name(code, "en");

	if (name && strcmp(name, code) != 0)
		buf_addf(out, "%s", name);
	else
		buf_adds(out, code);
	free(name);
}

int report_review(const struct check_report *r, size_t li, const struct catalog *cat,
                  const struct report_options *o, const char *dir, struct diag *d)
{
	const struct check_lang *l = &r->langs[li];
	struct page pg;
	struct diff_table diff = { NULL, 0 };
	struct unit_list *lists;
	struct buf path = BUF_INIT;
	struct review_list before;
	char(*digests)[33], *make, *list_path;
	size_t i, j, made = 0;
	int rc = 0, failed = 0;

	memset(&pg, 0, sizeof pg);
	pg.diff = &diff;
	pg.r = r;
	pg.li = li;
	pg.l = l;
	pg.o = o;
	pg.dirs = xcalloc(r->lang_count, sizeof *pg.dirs);
	pg.names = xcalloc(r->lang_count, sizeof *pg.names);
	pg.paths = xcalloc(r->lang_count, sizeof *pg.paths);
	for (i = 0; i < r->lang_count; i++) {
		pg.dirs[i] = report_review_dir(r, i);
		pg.names[i] = report_review_names(&r->langs[i]);
		msgindex_init(&pg.paths[i]);
		for (j = 0; j < r->langs[i].file_count; j++)
			msgindex_add(&pg.paths[i], NULL, r->langs[i].files[j].path);
	}
	language_name(l->lang, &pg.lang_name);
	language_name(l->source_lang, &pg.source_name);
	if (!pg.dirs[li]) {
		diag_report(d, DIAG_ERROR, l->po, 0, 0,
		            "no review pages for the language '%s': not a language code", l->lang);
		rc = -1;
		goto done;
	}
	buf_addf(&path, "%s/%s", dir, pg.dirs[li]);
	/* The language's folder is the report's own: never a link. */
	if (file_make_folders_below(dir, pg.dirs[li], FILE_FOLDER_ITSELF, d) != 0) {
		rc = -1;
		goto done;
	}

	/* Every message, in each source file it comes from (once per file). */
	lists = xcalloc(l->file_count + 1, sizeof *lists);
	for (i = 0; i < catalog_count(cat); i++) {
		const struct catalog_msg *m = catalog_at(cat, i);
		int n = catalog_msg_ref_count(m), k, e;

		if (catalog_msg_obsolete(m))
			continue;
		for (k = 0; k < n; k++) {
			long line = 0;
			const char *file = catalog_msg_ref(m, k, &line);
			size_t fi = msgindex_find(&pg.paths[li], NULL, file);
			struct unit_list *ul;

			for (e = 0; e < k; e++)
				if (strcmp(catalog_msg_ref(m, e, NULL), file) == 0)
					break;
			if (e < k || fi == MSGINDEX_NONE)
				continue;
			ul = &lists[fi];
			xgrow((void **)&ul->units, &ul->alloc, ul->count + 1, sizeof *ul->units);
			ul->units[ul->count].msg = m;
			ul->units[ul->count].line = line;
			ul->units[ul->count++].order = i;
		}
	}
	/* Which pages to make: those whose digest changed, or which are gone. */
	buf_truncate(&path, 0);
	buf_addf(&path, "%s/%s/%s", dir, pg.dirs[li], REVIEW_LIST);
	list_path = xstrdup(buf_str(&path));
	review_list_read(&before, list_path);
	digests = xcalloc(l->file_count + 1, sizeof *digests);
	make = xcalloc(l->file_count + 1, 1);
	for (i = 0; i < l->file_count; i++) {
		const char *was;
		struct stat st;

		if (!pg.names[li][i])
			continue;
		qsort(lists[i].units, lists[i].count, sizeof *lists[i].units, compare_units);
		page_digest(&pg, cat, i, &lists[i], digests[i]);
		buf_truncate(&path, 0);
		buf_addf(&path, "%s/%s/%s", dir, pg.dirs[li], pg.names[li][i]);
		was = review_list_find(&before, pg.names[li][i]);
		make[i] = !was || strcmp(was, digests[i]) != 0 || lstat(buf_str(&path), &st) != 0 ||
		          !S_ISREG(st.st_mode);
		if (make[i])
			made++;
	}
	/* The list without the pages about to be made, then those pages. */
	if (made) {
		char(*current)[33] = xcalloc(l->file_count + 1, sizeof *current);

		for (i = 0; i < l->file_count; i++)
			if (!make[i])
				memcpy(current[i], digests[i], 33);
		if (review_list_write(list_path, pg.names[li], current, l->file_count, d) != 0)
			rc = -1;
		free(current);
	}
	for (i = 0; i < l->file_count && rc == 0; i++) {
		if (!make[i])
			continue;
		buf_truncate(&path, 0);
		buf_addf(&path, "%s/%s/%s", dir, pg.dirs[li], pg.names[li][i]);
		if (write_page(&pg, cat, i, &lists[i], buf_str(&path), d) != 0) {
			/* Not current: the next check makes it again. */
			digests[i][0] = '\0';
			failed = 1;
		}
	}
	if (rc == 0 && review_list_write(list_path, pg.names[li], digests, l->file_count, d) != 0)
		rc = -1;
	if (failed)
		rc = -1;
	for (i = 0; i < l->file_count; i++)
		free(lists[i].units);
	free(lists);
	free(digests);
	free(make);
	free(list_path);
	review_list_release(&before);
done:
	for (i = 0; i < r->lang_count; i++) {
		free(pg.dirs[i]);
		report_review_names_free(pg.names[i], r->langs[i].file_count);
		msgindex_release(&pg.paths[i]);
	}
	free(pg.dirs);
	free(pg.names);
	free(pg.paths);
	buf_release(&pg.lang_name);
	buf_release(&pg.source_name);
	free(diff.cells);
	buf_release(&path);
	return rc;
}
