/*
 * check: completeness counts and the driver of the quality checks.  See
 * check.h for the contract, check-rules.c for the checks themselves.
 */
#include <config.h>

#include "check.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cache.h"
#include "check-rules.h"
#include "digest.h"
#include "file.h"
#include "glossary.h"
#include "lang.h"
#include "mem.h"
#include "msgindex.h"
#include "segment.h"
#include "siteconf.h"
#include "uni.h"
#include "xmldoc.h"

/* --- The report ---------------------------------------------------------------- */

void check_report_init(struct check_report *r)
{
	memset(r, 0, sizeof *r);
}

static void lang_release(struct check_lang *l)
{
	size_t i;

	for (i = 0; i < l->file_count; i++) {
		free(l->files[i].path);
		free(l->files[i].title);
		free(l->files[i].id);
		free(l->files[i].date);
	}
	free(l->files);
	free(l->file_slots);
	for (i = 0; i < l->problem_count; i++) {
		free(l->problems[i].file);
		free(l->problems[i].text);
		free(l->problems[i].source);
		free(l->problems[i].translation);
		free(l->problems[i].source_file);
	}
	free(l->problems);
	for (i = 0; i < l->state_count; i++)
		free(l->rejections[i]);
	free(l->states);
	free(l->rejections);
	free(l->lang);
	free(l->po);
	free(l->source_lang);
}

void check_report_release(struct check_report *r)
{
	size_t i;

	for (i = 0; i < r->lang_count; i++)
		lang_release(&r->langs[i]);
	free(r->langs);
	check_report_init(r);
}

/* TEXT, with any byte that is not part of valid UTF-8 made a '?'. */
static char *valid_utf8_copy(const char *text)
{
	char *copy = xstrdup(text);
	size_t len = strlen(copy), pos = 0;

	while (pos < len) {
		size_t at = pos;

		if (uni_next(copy, len, &pos) < 0) {
			copy[at] = '?';
			pos = at + 1;
		}
	}
	return copy;
}

struct check_problem *check_lang_add_problem(struct check_lang *l, const char *id,
                                             enum diag_severity severity, const char *file,
                                             long line, const char *text)
{
	struct check_problem *p;

	xgrow((void **)&l->problems, &l->problem_alloc, l->problem_count + 1, sizeof *l->problems);
	p = &l->problems[l->problem_count++];
	memset(p, 0, sizeof *p);
	p->id = id;
	p->severity = severity;
	p->file = xstrdup(file ? file : l->po);
	p->line = line;
	p->text = valid_utf8_copy(text);
	return p;
}

struct check_problem *check_unit_report(struct check_unit *u, long line, const char *fmt, ...)
{
	struct buf text = BUF_INIT;
	struct check_problem *p;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&text, fmt, ap);
	va_end(ap);
	p = check_lang_add_problem(u->lang, u->rule->id, u->rule->severity, u->lang->po,
	                           line ? line : u->line, buf_str(&text));
	buf_release(&text);
	if (u->msg && u->source_raw) {
		p->source = valid_utf8_copy(u->source_raw);
		p->translation = u->target_raw ? valid_utf8_copy(u->target_raw) : NULL;
		if (catalog_msg_ref_count(u->msg) > 0)
			p->source_file = xstrdup(catalog_msg_ref(u->msg, 0, NULL));
		p->msg_key = catalog_msg_key(u->msg);
	}
	return p;
}

/*
 * Sorts L's problems by line, stably: problems of one line stay in the
 * order they were found.  They arrive nearly sorted (catalog checks first,
 * then message by message), so insertion sort is the fast one here.
 */
static void sort_problems(struct check_lang *l)
{
	size_t i, j;

	for (i = 1; i < l->problem_count; i++) {
		struct check_problem p = l->problems[i];

		for (j = i; j > 0 && l->problems[j - 1].line > p.line; j--)
			l->problems[j] = l->problems[j - 1];
		l->problems[j] = p;
	}
}

/* A new language at the end of R, with no threshold yet. */
static struct check_lang *add_lang(struct check_report *r)
{
	struct check_lang *l;

	xgrow((void **)&r->langs, &r->lang_alloc, r->lang_count + 1, sizeof *r->langs);
	l = &r->langs[r->lang_count++];
	memset(l, 0, sizeof *l);
	l->threshold = -1;
	l->keep_margin = SITECONF_KEEP_MARGIN;
	return l;
}

/* --- The text of a message ----------------------------------------------------- */

/* A namespace for the "_" prefix of placeholders, only to parse them. */
#define PLACEHOLDER_NS "urn:x-traduki:placeholder"

static void collect_text(xmlNodePtr node, struct buf *out)
{
	for (; node; node = node->next) {
		if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
			buf_adds(out, (const char *)node->content);
		else if (node->type == XML_ELEMENT_NODE)
			collect_text(node->children, out);
	}
}

/*
 * check_msg_text, through CTXT when not NULL: the checks reuse one parser
 * context for a whole catalog, which halves the cost of parsing.
 */
static int msg_text(xmlParserCtxtPtr ctxt, const char *msg, struct buf *out)
{
	static const char open[] = "<r xmlns:_=\"" PLACEHOLDER_NS "\">";
	static const char close[] = "</r>";
	/* No network, no DTD, no entities beyond XML's five: a translation is
	 * untrusted input.  Errors are expected here and not reported. */
	const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
	struct buf wrapped = BUF_INIT;
	xmlDocPtr doc;

	/* Most messages have no markup: nothing to parse.  Those that come
	 * from extraction are read without a parser too. */
	if (!strpbrk(msg, "<&")) {
		buf_adds(out, msg);
		return 0;
	}
	if (segment_text(msg, out) == 0)
		return 0;
	buf_adds(&wrapped, open);
	buf_adds(&wrapped, msg);
	buf_adds(&wrapped, close);
	if (ctxt)
		doc = xmlCtxtReadMemory(ctxt, buf_str(&wrapped), (int)wrapped.len, NULL, "UTF-8",
		                        options);
	else
		doc = xmlReadMemory(buf_str(&wrapped), (int)wrapped.len, NULL, "UTF-8", options);
	buf_release(&wrapped);
	if (!doc) {
		buf_adds(out, msg);
		return -1;
	}
	collect_text(xmlDocGetRootElement(doc)->children, out);
	xmlFreeDoc(doc);
	return 0;
}

int check_msg_text(const char *msg, struct buf *out)
{
	return msg_text(NULL, msg, out);
}

/* --- Counting -------------------------------------------------------------------- */

static void count(struct check_counts *c, enum check_state state, unsigned long words)
{
	if (state == CHECK_OBSOLETE) {
		c->obsolete++;
		return;
	}
	c->messages++;
	c->words += words;
	switch (state) {
	case CHECK_TRANSLATED:
		c->translated++;
		c->words_translated += words;
		break;
	case CHECK_FUZZY:
		c->fuzzy++;
		c->words_fuzzy += words;
		break;
	case CHECK_REJECTED:
		c->rejected++;
		c->words_rejected += words;
		break;
	default:
		c->untranslated++;
		c->identical += state == CHECK_SAME ? 1 : 0;
		c->words_untranslated += words;
		break;
	}
}

static size_t path_hash(const char *s)
{
	uint64_t h = digest_fnv_str(DIGEST_FNV_START, s);

	return (size_t)(h ^ (h >> 32));
}

/* Puts file I of L into L's index (grown when half full). */
static void index_file(struct check_lang *l, size_t i)
{
	size_t s;

	if ((l->file_count + 1) * 2 > l->file_mask + 1) {
		size_t size = l->file_mask ? (l->file_mask + 1) * 2 : 64, k;

		free(l->file_slots);
		l->file_slots = xcalloc(size, sizeof *l->file_slots);
		l->file_mask = size - 1;
		for (k = 0; k < l->file_count; k++)
			if (k != i)
				index_file(l, k);
	}
	for (s = path_hash(l->files[i].path) & l->file_mask; l->file_slots[s];
	     s = (s + 1) & l->file_mask)
		;
	l->file_slots[s] = i + 1;
}

/* The index in L of source file PATH, or -1 if L has none. */
static ptrdiff_t find_file(const struct check_lang *l, const char *path)
{
	size_t s;

	if (!l->file_mask)
		return -1;
	for (s = path_hash(path) & l->file_mask; l->file_slots[s]; s = (s + 1) & l->file_mask)
		if (strcmp(l->files[l->file_slots[s] - 1].path, path) == 0)
			return (ptrdiff_t)l->file_slots[s] - 1;
	return -1;
}

/* The entry for source file PATH in L, added if new.  *HINT speeds up runs. */
static struct check_file *file_entry(struct check_lang *l, const char *path, size_t *hint)
{
	ptrdiff_t found;
	struct check_file *f;

	if (*hint < l->file_count && strcmp(l->files[*hint].path, path) == 0)
		return &l->files[*hint];
	found = find_file(l, path);
	if (found >= 0) {
		*hint = (size_t)found;
		return &l->files[*hint];
	}
	xgrow((void **)&l->files, &l->file_alloc, l->file_count + 1, sizeof *l->files);
	f = &l->files[l->file_count];
	memset(f, 0, sizeof *f);
	f->path = xstrdup(path);
	*hint = l->file_count++;
	index_file(l, *hint);
	return &l->files[*hint];
}

/* Counts M, the SERIAL-th message, once in each distinct file it is
 * referenced from. */
static void count_in_files(struct check_lang *l, const struct catalog_msg *m, size_t serial,
                           enum check_state state, unsigned long words, size_t *hint)
{
	int n = catalog_msg_ref_count(m), i;

	for (i = 0; i < n; i++) {
		struct check_file *f = file_entry(l, catalog_msg_ref(m, i, NULL), hint);

		if (f->counted == serial + 1)
			continue;
		f->counted = serial + 1;
		count(&f->counts, state, words);
	}
}

static int is_space_at(const char *s, size_t *len)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
		*len = 1;
		return 1;
	}
	if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0) {
		*len = 2;
		return 1;
	}
	if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0xaf) {
		*len = 3;
		return 1;
	}
	return 0;
}

/* 1 when A and B are equal once runs of white space are made one space. */
static int same_text(const char *a, const char *b)
{
	size_t la, lb;

	while (is_space_at(a, &la))
		a += la;
	while (is_space_at(b, &lb))
		b += lb;
	while (*a && *b) {
		int sa = is_space_at(a, &la), sb = is_space_at(b, &lb);

		if (sa != sb)
			return 0;
		if (sa) {
			while (is_space_at(a, &la))
				a += la;
			while (is_space_at(b, &lb))
				b += lb;
			/* Trailing space is no difference. */
			continue;
		}
		if (*a++ != *b++)
			return 0;
	}
	while (is_space_at(a, &la))
		a += la;
	while (is_space_at(b, &lb))
		b += lb;
	return *a == '\0' && *b == '\0';
}

/* 1 when a translator comment line says the copy of the source is intended. */
static int marked_same(const struct catalog_msg *m)
{
	const char *c = catalog_msg_comments(m);
	size_t n = strlen(CHECK_SAME_MARKER);

	while (c && *c) {
		c += strspn(c, " \t");
		if (strncmp(c, CHECK_SAME_MARKER, n) == 0 && !isalnum((unsigned char)c[n]) &&
		    c[n] != '-')
			return 1;
		c = strchr(c, '\n');
		if (c)
			c++;
	}
	return 0;
}

/*
 * 1 when TARGET, the text of M's translation, copies SOURCE, the text of
 * its msgid, and counts as untranslated (see check.h).
 */
static int copies_source(const struct catalog_msg *m, const struct buf *source,
                         const struct buf *target, const char *source_lang)
{
	return same_text(buf_str(source), buf_str(target)) &&
	       uni_count_lowercase_words(buf_str(source), source->len, source_lang) >
	           CHECK_SAME_WORDS &&
	       !marked_same(m);
}

/* The words of MSG's text, which goes into TEXT (through CTXT if not NULL). */
static unsigned long msg_words(xmlParserCtxtPtr ctxt, const char *msg, const char *source_lang,
                               struct buf *text)
{
	msg_text(ctxt, msg, text);
	return uni_count_words(buf_str(text), text->len, source_lang);
}

unsigned long check_msg_words(const char *msg, const char *source_lang)
{
	struct buf text = BUF_INIT;
	unsigned long words = msg_words(NULL, msg, source_lang, &text);

	buf_release(&text);
	return words;
}

/*
 * The state of M, whose msgid's text SOURCE holds; the text of its first
 * msgstr goes into TARGET when it is looked at (a translation, not fuzzy).
 * *WHY: as check_msg_state.
 */
static enum check_state msg_state(xmlParserCtxtPtr ctxt, const struct catalog_msg *m,
                                  const char *source_lang, const struct buf *source,
                                  struct buf *target, char **why)
{
	const char *msgstr = catalog_msg_str(m);

	*why = NULL;
	if (catalog_msg_obsolete(m))
		return CHECK_OBSOLETE;
	/* msgfmt --statistics looks at the first msgstr only. */
	if (!*msgstr)
		return CHECK_UNTRANSLATED;
	if (catalog_msg_fuzzy(m))
		return CHECK_FUZZY;
	buf_truncate(target, 0);
	msg_text(ctxt, msgstr, target);
	if (copies_source(m, source, target, source_lang))
		return CHECK_SAME;
	/* The build's own test of a translation (inject.c), so that a
	 * translation it refuses is not counted as one. */
	if (segment_check(catalog_msg_id(m), msgstr, why) != 0) {
		if (!*why)
			*why = xstrdup("the markup does not fit the source");
		return CHECK_REJECTED;
	}
	return CHECK_TRANSLATED;
}

enum check_state check_msg_state(const struct catalog_msg *m, const char *source_lang, char **why)
{
	struct buf source = BUF_INIT, target = BUF_INIT;
	enum check_state state;
	char *reason;

	msg_text(NULL, catalog_msg_id(m), &source);
	state = msg_state(NULL, m, source_lang, &source, &target, &reason);
	buf_release(&source);
	buf_release(&target);
	if (why)
		*why = reason;
	else
		free(reason);
	return state;
}

static const char *const state_names[CHECK_STATE_COUNT] = {
	[CHECK_TRANSLATED] = "translated",     [CHECK_FUZZY] = "fuzzy",
	[CHECK_UNTRANSLATED] = "untranslated", [CHECK_SAME] = "same-as-source",
	[CHECK_REJECTED] = "rejected",         [CHECK_OBSOLETE] = "obsolete",
};

const char *check_state_name(enum check_state state)
{
	return state < CHECK_STATE_COUNT ? state_names[state] : "";
}

int check_state_find(const char *name)
{
	int i;

	for (i = 0; i < CHECK_STATE_COUNT; i++)
		if (strcmp(state_names[i], name) == 0)
			return i;
	return -1;
}

int check_msg_copies_source(const struct catalog_msg *m, const char *source_lang)
{
	struct buf source = BUF_INIT, target = BUF_INIT;
	int copies;

	msg_text(NULL, catalog_msg_id(m), &source);
	msg_text(NULL, catalog_msg_str(m), &target);
	copies = copies_source(m, &source, &target, source_lang);
	buf_release(&source);
	buf_release(&target);
	return copies;
}

/* --- The driver -------------------------------------------------------------------- */

static void run_message_checks(struct check_unit *u, unsigned long skip)
{
	size_t i;

	for (i = 0; i < check_rule_count; i++) {
		if (!check_rules[i].run_message || (skip & (1UL << i)))
			continue;
		u->rule = &check_rules[i];
		if (check_rules[i].run_message(u))
			break;
	}
}

/*
 * Checks each non-empty translation of M against its source text.  The
 * texts of the msgid and of the first msgstr are already known.
 */
static void check_message(struct check_unit *u, xmlParserCtxtPtr ctxt, const struct catalog_msg *m,
                          const struct buf *source_text, const struct buf *first_text,
                          unsigned long skip)
{
	const char *plural = catalog_msg_id_plural(m);
	struct buf plural_text = BUF_INIT, target = BUF_INIT;
	const char *msgstr;
	int form;

	u->msg = m;
	u->line = catalog_msg_line(m);
	if (plural)
		msg_text(ctxt, plural, &plural_text);
	for (form = 0;; form++) {
		msgstr = plural ? catalog_msg_str_plural(m, form)
		                : (form == 0 ? catalog_msg_str(m) : NULL);
		if (!msgstr)
			break;
		if (!*msgstr)
			continue;
		u->source_raw = form == 0 ? catalog_msg_id(m) : plural;
		u->source = buf_str(form == 0 ? source_text : &plural_text);
		u->source_len = strlen(u->source);
		if (form > 0) {
			buf_truncate(&target, 0);
			msg_text(ctxt, msgstr, &target);
			first_text = &target;
		}
		u->target_raw = msgstr;
		u->target = buf_str(first_text);
		u->target_len = first_text->len;
		run_message_checks(u, skip);
	}
	buf_release(&plural_text);
	buf_release(&target);
}

/* The first translation of each source text, for the consistency check. */
struct first_translations {
	struct msgindex index; /* by msgid alone: the context makes no difference */
	const struct catalog_msg **msgs; /* entry N's message */
	size_t alloc;
};

/*
 * The consistency check for M, a translated message of CAT: a source text
 * translated otherwise than where it was first translated is reported.
 */
static void check_consistency(struct check_unit *u, struct first_translations *firsts,
                              const struct catalog *cat, const struct catalog_msg *m,
                              const struct check_rule *rule)
{
	size_t n = msgindex_find(&firsts->index, NULL, catalog_msg_id(m));
	const struct catalog_msg *first;

	if (n == MSGINDEX_NONE) {
		n = msgindex_add(&firsts->index, NULL, catalog_msg_id(m));
		xgrow((void **)&firsts->msgs, &firsts->alloc, n + 1, sizeof *firsts->msgs);
		firsts->msgs[n] = m;
		return;
	}
	first = firsts->msgs[n];
	if (strcmp(catalog_msg_str(first), catalog_msg_str(m)) == 0)
		return;
	u->rule = rule;
	u->msg = m;
	u->line = catalog_msg_line(m);
	u->source_raw = catalog_msg_id(m);
	u->target_raw = catalog_msg_str(m);
	check_unit_report(u, 0,
	                  "the same source text is translated otherwise at %s:%ld: "
	                  "\xe2\x80\x9c%s\xe2\x80\x9d",
	                  catalog_name(cat), catalog_msg_line(first), catalog_msg_str(first));
}

/* --- What earlier runs found of each message (check_options.cache) ------------------ */

/*
 * The start of every message's key in the catalog U checks: what the
 * message checks depend on besides the message itself.  The program, and
 * with it ICU's word breaks and CLDR's data, is in cache_key.
 */
static struct digest catalog_context(const struct check_unit *u, const struct check_options *opt)
{
	struct digest_state s;
	size_t i, j;

	cache_key(&s, "check-message");
	digest_add_str(&s, u->source_lang);
	digest_add_str(&s, u->target_lang);
	for (i = 0; i < 4; i++)
		digest_add_str(&s, u->quotes[i]);
	digest_add_u64(&s, (uint64_t)u->has_quotes);
	digest_add_u64(&s, (uint64_t)u->team_quotes);
	digest_add_u64(&s, (uint64_t)opt->skip);
	digest_add_u64(&s, opt->glossary != NULL);
	if (opt->glossary) {
		const struct glossary *g = opt->glossary;

		/* Its path and lines are in what the glossary check says. */
		digest_add_str(&s, g->path);
		digest_add_u64(&s, g->entry_count);
		for (i = 0; i < g->entry_count; i++) {
			const struct glossary_entry *e = &g->entries[i];

			digest_add_str(&s, e->id);
			digest_add_u64(&s, (uint64_t)e->line);
			digest_add_u64(&s, e->term_count);
			for (j = 0; j < e->term_count; j++) {
				digest_add_str(&s, e->terms[j].lang);
				digest_add_str(&s, e->terms[j].text);
				digest_add_u64(&s, (uint64_t)e->terms[j].deprecated);
				digest_add_str(&s, e->terms[j].match);
				digest_add_u64(&s, (uint64_t)e->terms[j].any_case);
			}
		}
	}
	return digest_final(&s);
}

/*
 * The key of M's record: CONTEXT and every part of M the counting and the
 * message checks read.  Its place (line, references) is not in it: the
 * record says nothing of where the message is, which the replay takes
 * from M itself.
 */
static struct digest message_key(const struct digest *context, const struct catalog_msg *m)
{
	const char *plural = catalog_msg_id_plural(m);
	struct digest_state s;
	int form;

	digest_init(&s);
	digest_add_digest(&s, context);
	digest_add_str(&s, catalog_msg_ctxt(m));
	digest_add_str(&s, catalog_msg_id(m));
	digest_add_str(&s, plural);
	for (form = 0;; form++) {
		const char *msgstr = plural ? catalog_msg_str_plural(m, form)
		                            : (form == 0 ? catalog_msg_str(m) : NULL);

		if (!msgstr)
			break;
		digest_add_str(&s, msgstr);
	}
	digest_add_u64(&s, (uint64_t)form);
	digest_add_u64(&s, (uint64_t)catalog_msg_fuzzy(m));
	digest_add_str(&s, catalog_msg_comments(m));
	digest_add_str(&s, catalog_msg_extracted(m));
	return digest_final(&s);
}

/* A message's record, read and checked whole before any of it is used. */
struct message_record {
	enum check_state state;
	unsigned long words;
	const char *rejected; /* why the build refuses it, or NULL */
	struct cache_reader problems; /* at the first of COUNT problems */
	size_t count;
};

/* One problem of a record: the check, whether it is a refusal, the text. */
static int read_record_problem(struct cache_reader *r, size_t *rule, int *rejected,
                               const char **text)
{
	*rule = (size_t)cache_read_u64(r);
	*rejected = cache_read_u64(r) != 0;
	*text = cache_read_str(r);
	return !r->bad && *text && *rule < check_rule_count && check_rules[*rule].run_message ? 0
	                                                                                      : -1;
}

/* Reads the record at DATA into REC; -1 when it is not one. */
static int read_record(const char *data, size_t len, struct message_record *rec)
{
	struct cache_reader r, walk;
	uint64_t state;
	size_t i, rule;
	int rejected;
	const char *text;

	cache_reader_init(&r, data, len);
	state = cache_read_u64(&r);
	rec->words = (unsigned long)cache_read_u64(&r);
	rec->rejected = cache_read_str(&r);
	rec->count = (size_t)cache_read_u64(&r);
	if (r.bad || state >= CHECK_STATE_COUNT || state == CHECK_OBSOLETE)
		return -1;
	rec->state = (enum check_state)state;
	rec->problems = r;
	walk = r;
	for (i = 0; i < rec->count; i++)
		if (read_record_problem(&walk, &rule, &rejected, &text) != 0)
			return -1;
	return cache_reader_done(&walk) ? 0 : -1;
}

/* Adds the problems of REC to U's language, as M's. */
static void replay_problems(struct check_unit *u, const struct catalog_msg *m,
                            struct message_record *rec)
{
	size_t i, rule;
	int rejected;
	const char *text;

	u->msg = m;
	u->line = catalog_msg_line(m);
	for (i = 0; i < rec->count; i++) {
		read_record_problem(&rec->problems, &rule, &rejected, &text);
		u->rule = &check_rules[rule];
		/* The form at fault is not kept: the first is the one shown. */
		u->source_raw = catalog_msg_id(m);
		u->target_raw = catalog_msg_str(m);
		check_unit_report(u, 0, "%s", text)->rejected = rejected;
	}
}

/*
 * Puts under KEY what was found of M: its STATE and WORDS, why it is
 * rejected, and L's problems from FIRST on, which are M's message checks'.
 * Not kept when one of them is not on M's line, or is about another form
 * than the first (or text that is not UTF-8): the record says neither.
 */
static void record_message(struct cache *cache, const struct digest *key, struct check_lang *l,
                           const struct catalog_msg *m, enum check_state state, unsigned long words,
                           const char *rejected, size_t first)
{
	struct buf rec = BUF_INIT;
	size_t i;

	cache_rec_u64(&rec, (uint64_t)state);
	cache_rec_u64(&rec, words);
	cache_rec_str(&rec, rejected);
	cache_rec_u64(&rec, l->problem_count - first);
	for (i = first; i < l->problem_count; i++) {
		const struct check_problem *p = &l->problems[i];
		int rule = check_rule_find(p->id);

		if (p->line != catalog_msg_line(m) || rule < 0 || !p->source || !p->translation ||
		    strcmp(p->source, catalog_msg_id(m)) != 0 ||
		    strcmp(p->translation, catalog_msg_str(m)) != 0)
			goto out;
		cache_rec_u64(&rec, (uint64_t)rule);
		cache_rec_u64(&rec, (uint64_t)p->rejected);
		cache_rec_str(&rec, p->text);
	}
	cache_put(cache, key, rec.data, rec.len);
out:
	buf_release(&rec);
}

struct check_lang *check_catalog(struct check_report *r, struct catalog *cat,
                                 const struct check_options *opt, struct diag *d)
{
	struct check_lang *l;
	struct check_unit u;
	struct buf source = BUF_INIT, target = BUF_INIT;
	char *quotes;
	int same_rule = check_rule_find("same-as-source");
	int consistency_rule = check_rule_find("consistency");
	struct first_translations firsts;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	struct digest context = { 0, 0 }, key = { 0, 0 };
	struct message_record rec, *found;
	size_t i, hint = 0, first;

	(void)d;
	l = add_lang(r);
	l->lang = lang_target_of(cat);
	l->po = xstrdup(catalog_name(cat));
	l->source_lang = lang_source_of(cat, opt->source_lang);

	memset(&u, 0, sizeof u);
	u.lang = l;
	u.cat = cat;
	u.source_lang = l->source_lang;
	u.target_lang = l->lang;
	u.glossary = opt->glossary;
	memset(&firsts, 0, sizeof firsts);
	msgindex_init(&firsts.index);
	/* Looked up once: opening CLDR's locale data per message is slow. */
	u.has_quotes = uni_quotes(l->lang, u.quotes) == 0;
	quotes = catalog_header_field(cat, CHECK_QUOTES_HEADER);
	if (quotes && check_parse_quotes(quotes, u.quotes) == 0)
		u.has_quotes = u.team_quotes = 1;
	free(quotes);
	l->state_count = catalog_count(cat);
	l->states = xmalloc(l->state_count + 1);
	l->rejections = xcalloc(l->state_count + 1, sizeof *l->rejections);
	for (i = 0; i < check_rule_count; i++) {
		if (!check_rules[i].run_catalog || (opt->skip & (1UL << i)))
			continue;
		u.rule = &check_rules[i];
		check_rules[i].run_catalog(&u);
	}
	if (opt->cache)
		context = catalog_context(&u, opt);

	for (i = 0; i < catalog_count(cat); i++) {
		const struct catalog_msg *m = catalog_at(cat, i);
		enum check_state state;
		unsigned long words;

		if (catalog_msg_obsolete(m)) {
			l->states[i] = CHECK_OBSOLETE;
			count(&l->counts, CHECK_OBSOLETE, 0);
			count_in_files(l, m, i, CHECK_OBSOLETE, 0, &hint);
			continue;
		}
		free(u.rejected);
		u.rejected = NULL;
		found = NULL;
		if (opt->cache) {
			const char *data;
			size_t len;

			key = message_key(&context, m);
			data = cache_get(opt->cache, &key, &len);
			if (data && read_record(data, len, &rec) == 0)
				found = &rec;
			else if (data)
				cache_reject(opt->cache, &key);
		}
		if (found) {
			words = found->words;
			state = found->state;
			if (found->rejected)
				u.rejected = xstrdup(found->rejected);
		} else {
			buf_truncate(&source, 0);
			words = msg_words(ctxt, catalog_msg_id(m), l->source_lang, &source);
			if (catalog_msg_id_plural(m)) {
				buf_truncate(&target, 0);
				msg_text(ctxt, catalog_msg_id_plural(m), &target);
				words +=
				    uni_count_words(buf_str(&target), target.len, l->source_lang);
			}
			state = msg_state(ctxt, m, l->source_lang, &source, &target, &u.rejected);
		}
		l->states[i] = (unsigned char)state;
		if (u.rejected)
			l->rejections[i] = xstrdup(u.rejected);
		if (state == CHECK_SAME && !(opt->skip & (1UL << same_rule))) {
			u.rule = &check_rules[same_rule];
			u.msg = m;
			u.line = catalog_msg_line(m);
			u.source_raw = catalog_msg_id(m);
			u.target_raw = catalog_msg_str(m);
			check_unit_report(
			    &u, 0,
			    "the translation is a copy of the source, counted as "
			    "untranslated (a translator comment \"# " CHECK_SAME_MARKER
			    "\" says it is intended)");
		}
		if (state == CHECK_TRANSLATED && !(opt->skip & (1UL << consistency_rule)))
			check_consistency(&u, &firsts, cat, m, &check_rules[consistency_rule]);
		count(&l->counts, state, words);
		count_in_files(l, m, i, state, words, &hint);
		if (found) {
			replay_problems(&u, m, found);
			continue;
		}
		first = l->problem_count;
		if (state == CHECK_TRANSLATED || state == CHECK_REJECTED)
			check_message(&u, ctxt, m, &source, &target, opt->skip);
		if (opt->cache)
			record_message(opt->cache, &key, l, m, state, words, u.rejected, first);
	}
	free(u.rejected);
	msgindex_release(&firsts.index);
	free(firsts.msgs);
	xmlFreeParserCtxt(ctxt);
	buf_release(&source);
	buf_release(&target);
	sort_problems(l);
	return l;
}

/* --- Catalogs that are not what they should be ---------------------------------- */

struct check_lang *check_unreadable(struct check_report *r, const char *po, const char *file,
                                    long line, const char *why)
{
	struct check_lang *l = add_lang(r);

	l->lang = lang_of_file_name(po);
	l->po = xstrdup(po);
	l->source_lang = xstrdup("");
	l->unreadable = 1;
	check_lang_add_problem(l, "catalog", DIAG_ERROR, file ? file : po, line, why);
	return l;
}

/* 1 when INDEX has a message with M's msgctxt and msgid. */
static int has_message(const struct msgindex *index, const struct catalog_msg *m)
{
	return msgindex_find(index, catalog_msg_ctxt(m), catalog_msg_id(m)) != MSGINDEX_NONE;
}

/* An index of CAT's messages that are not obsolete (the header left out). */
static void index_live(const struct catalog *cat, struct msgindex *index)
{
	size_t i;

	msgindex_init(index);
	for (i = 0; i < catalog_count(cat); i++) {
		const struct catalog_msg *m = catalog_at(cat, i);

		/* A key twice is a broken catalog, which reading has refused. */
		if (!catalog_msg_obsolete(m) &&
		    msgindex_find(index, catalog_msg_ctxt(m), catalog_msg_id(m)) == MSGINDEX_NONE)
			msgindex_add(index, catalog_msg_ctxt(m), catalog_msg_id(m));
	}
}

/* Reports, for the messages of A missing from B, how many and the first. */
static void report_missing(struct check_lang *l, const struct catalog *a, const struct catalog *b,
                           const struct msgindex *b_index, int a_is_template)
{
	const struct catalog_msg *first = NULL;
	unsigned long missing = 0;
	struct buf text = BUF_INIT;
	size_t i;

	for (i = 0; i < catalog_count(a); i++) {
		const struct catalog_msg *m = catalog_at(a, i);

		if (catalog_msg_obsolete(m) || has_message(b_index, m))
			continue;
		if (!missing++)
			first = m;
	}
	if (!missing)
		return;
	if (a_is_template)
		buf_addf(
		    &text,
		    "%lu message%s of the template %s %s missing from this catalog, the first at "
		    "%s:%ld: the catalog is not in step with the sources (traduki merge, or "
		    "make update-po, brings it in step)",
		    missing, missing == 1 ? "" : "s", catalog_name(a), missing == 1 ? "is" : "are",
		    catalog_name(a), catalog_msg_line(first));
	else
		buf_addf(
		    &text,
		    "%lu message%s of this catalog %s not in the template %s (the first is this "
		    "one): the catalog is not in step with the sources (traduki merge, or make "
		    "update-po, makes them obsolete)",
		    missing, missing == 1 ? "" : "s", missing == 1 ? "is" : "are", catalog_name(b));
	check_lang_add_problem(l, "template", DIAG_ERROR, l->po,
	                       a_is_template ? catalog_header_line(b) : catalog_msg_line(first),
	                       buf_str(&text));
	buf_release(&text);
}

void check_against_template(struct check_lang *l, const struct catalog *cat,
                            const struct catalog *pot)
{
	struct msgindex cat_index, pot_index;

	index_live(cat, &cat_index);
	index_live(pot, &pot_index);
	report_missing(l, pot, cat, &cat_index, 1);
	report_missing(l, cat, pot, &pot_index, 0);
	msgindex_release(&cat_index);
	msgindex_release(&pot_index);
	sort_problems(l);
}

/* --- Titles ---------------------------------------------------------------------- */

/* The attribute NAME of ROOT, freshly allocated, or NULL. */
static char *root_attribute(xmlNodePtr root, const char *name)
{
	xmlChar *value = root ? xmlGetNoNsProp(root, BAD_CAST name) : NULL;
	char *copy = value ? valid_utf8_copy((const char *)value) : NULL;

	xmlFree(value);
	return copy;
}

/* The text of the first <title> child of DOC's root, spaces collapsed. */
static char *document_title(xmlDocPtr doc)
{
	xmlNodePtr n, root = xmlDocGetRootElement(doc);

	for (n = root ? root->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "title"))
			return xmldoc_collapsed_text(n);
	return NULL;
}

static char *copy_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* What FROM, the same source file, knows of it, into TO. */
static void copy_source_facts(struct check_file *to, const struct check_file *from)
{
	to->title = copy_or_null(from->title);
	to->id = copy_or_null(from->id);
	to->date = copy_or_null(from->date);
}

/*
 * The title, id and date of the document PATH into F: from CACHE's
 * record of its bytes when it has one, else by parsing it.  Returns 0, or
 * -1 when it cannot be parsed.
 */
static int read_source_facts(struct check_file *f, const char *path, struct cache *cache)
{
	struct diag quiet;
	struct digest dg, key = { 0, 0 };
	struct digest_state s;
	xmlDocPtr doc;
	const char *data;
	size_t len;

	if (cache && cache_file(cache, path, &dg) == 0) {
		cache_key(&s, "check-title");
		digest_add_digest(&s, &dg);
		key = digest_final(&s);
		if ((data = cache_get(cache, &key, &len)) != NULL) {
			struct cache_reader r;
			const char *title, *id, *date;

			cache_reader_init(&r, data, len);
			title = cache_read_str(&r);
			id = cache_read_str(&r);
			date = cache_read_str(&r);
			if (cache_reader_done(&r)) {
				f->title = copy_or_null(title);
				f->id = copy_or_null(id);
				f->date = copy_or_null(date);
				return 0;
			}
			cache_reject(cache, &key);
		}
	} else {
		cache = NULL;
	}
	diag_init(&quiet, NULL, NULL);
	doc = xmldoc_read_file(path, &quiet);
	if (!doc)
		return -1;
	f->title = document_title(doc);
	f->id = root_attribute(xmlDocGetRootElement(doc), "id");
	f->date = root_attribute(xmlDocGetRootElement(doc), "date");
	xmlFreeDoc(doc);
	if (cache) {
		struct buf rec = BUF_INIT;

		cache_rec_str(&rec, f->title);
		cache_rec_str(&rec, f->id);
		cache_rec_str(&rec, f->date);
		cache_put(cache, &key, rec.data, rec.len);
		buf_release(&rec);
	}
	return 0;
}

void check_load_titles(struct check_report *r, const char *dir, struct cache *cache, struct diag *d)
{
	size_t i, j, k;

	for (i = 0; i < r->lang_count; i++) {
		struct check_lang *l = &r->langs[i];

		for (j = 0; j < l->file_count; j++) {
			struct check_file *f = &l->files[j];
			struct buf path = BUF_INIT;
			struct stat st;
			int known = 0;

			/* An earlier language may have read the same file (a
			 * language names each file once: file_entry). */
			for (k = 0; k < i && !known; k++) {
				ptrdiff_t m = find_file(&r->langs[k], f->path);

				if (m >= 0) {
					copy_source_facts(f, &r->langs[k].files[m]);
					known = 1;
				}
			}
			if (known)
				continue;
			if (dir && f->path[0] != '/')
				buf_addf(&path, "%s/", dir);
			buf_adds(&path, f->path);
			/* A reference may name anything: only a regular file is read. */
			if (stat(buf_str(&path), &st) == 0 && !S_ISREG(st.st_mode)) {
				diag_report(d, DIAG_ERROR, buf_str(&path), 0, 0,
				            "named by a '#:' reference, but %s, not a regular "
				            "file: not read",
				            file_kind(&st));
				buf_release(&path);
				continue;
			}
			if (read_source_facts(f, buf_str(&path), cache) != 0)
				diag_report(d, DIAG_NOTE, buf_str(&path), 0, 0,
				            "cannot read this source file for its title");
			buf_release(&path);
		}
	}
}

/* --- Questions about the report ---------------------------------------------------- */

double check_percent(const struct check_counts *c)
{
	return c->words ? 100.0 * (double)c->words_translated / (double)c->words : 100.0;
}

int check_published(unsigned long words, unsigned long translated, unsigned long fuzzy_words,
                    double threshold, double keep_margin)
{
	double keep = threshold > keep_margin ? threshold - keep_margin : 0.0;

	if ((double)translated * 100.0 >= threshold * (double)words)
		return 1;
	return (double)(translated + fuzzy_words) * 100.0 >= threshold * (double)words &&
	       (double)translated * 100.0 >= keep * (double)words;
}

unsigned long check_words_missing(unsigned long words, unsigned long translated, double threshold)
{
	double needed = threshold * (double)words / 100.0;
	unsigned long missing;

	if (check_published(words, translated, 0, threshold, 0))
		return 0;
	missing = (unsigned long)(needed > (double)translated ? needed - (double)translated : 0);
	/* The division may be a word off either way; check_published says. */
	while (missing > 0 && check_published(words, translated + missing - 1, 0, threshold, 0))
		missing--;
	while (translated + missing < words &&
	       !check_published(words, translated + missing, 0, threshold, 0))
		missing++;
	return missing;
}

int check_file_published(const struct check_lang *l, const struct check_file *f)
{
	if (l->threshold < 0 || l->preparing || l->unreadable)
		return -1;
	return check_published(f->counts.words, f->counts.words_translated, f->counts.words_fuzzy,
	                       l->threshold, l->keep_margin);
}

enum check_state check_lang_state(const struct check_lang *l, size_t i, const char **why)
{
	if (why)
		*why = l->rejections[i];
	return (enum check_state)l->states[i];
}

const struct check_file *check_file_find(const struct check_lang *l, const char *path)
{
	ptrdiff_t i = path ? find_file(l, path) : -1;

	return i < 0 ? NULL : &l->files[i];
}

int check_below(const struct check_lang *l)
{
	/* Compared without dividing: 4 of 5 words is 80%, not 79.999... */
	return l->threshold >= 0 &&
	       (double)l->counts.words_translated * 100.0 < l->threshold * (double)l->counts.words;
}

int check_failed(const struct check_lang *l, int strict)
{
	if (l->unreadable)
		return 1;
	if (l->preparing)
		return 0;
	return check_below(l) || check_problems(l, NULL, strict ? DIAG_WARNING : DIAG_ERROR) > 0;
}

size_t check_rejections(const struct check_lang *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->problem_count; i++)
		n += l->problems[i].rejected ? 1 : 0;
	return n;
}

/* ", " between the parts of a reason, nothing before the first. */
static void reason_part(struct buf *out, size_t *parts, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void reason_part(struct buf *out, size_t *parts, const char *fmt, ...)
{
	va_list ap;

	if ((*parts)++)
		buf_adds(out, ", ");
	va_start(ap, fmt);
	buf_vaddf(out, fmt, ap);
	va_end(ap);
}

void check_verdict(const struct check_lang *l, int strict, struct buf *out)
{
	size_t rejected = check_rejections(l);
	size_t errors = check_problems(l, NULL, DIAG_ERROR) - rejected;
	size_t warnings = strict ? check_problems(l, NULL, DIAG_WARNING) - errors - rejected : 0;
	size_t parts = 0;

	buf_truncate(out, 0);
	if (l->unreadable) {
		buf_adds(out, "the catalog cannot be read");
		return;
	}
	if (l->preparing) {
		buf_adds(out, "in preparation: not on the site, not gated");
		return;
	}
	if (!check_failed(l, strict)) {
		if (l->threshold >= 0)
			buf_addf(out, "at or above the %g%% gate", l->threshold);
		return;
	}
	if (check_below(l)) {
		buf_addf(out, "below the %g%% gate", l->threshold);
		if (!rejected && !errors && !warnings)
			return;
		buf_adds(out, "; also ");
	} else if (l->threshold >= 0) {
		buf_addf(out, "fails the %g%% gate: ", l->threshold);
	} else {
		buf_adds(out, "fails: ");
	}
	if (rejected)
		reason_part(out, &parts, "%zu rejected translation%s", rejected,
		            rejected == 1 ? "" : "s");
	if (errors)
		reason_part(out, &parts, "%zu error%s", errors, errors == 1 ? "" : "s");
	if (warnings)
		reason_part(out, &parts, "%zu warning%s (strict)", warnings,
		            warnings == 1 ? "" : "s");
}

size_t check_problems(const struct check_lang *l, const char *id, enum diag_severity severity)
{
	size_t i, n = 0;

	for (i = 0; i < l->problem_count; i++)
		if ((!id || strcmp(l->problems[i].id, id) == 0) &&
		    l->problems[i].severity >= severity)
			n++;
	return n;
}

const char *check_rule_id(size_t i)
{
	return i < check_rule_count ? check_rules[i].id : NULL;
}

enum diag_severity check_rule_severity(size_t i)
{
	return i < check_rule_count ? check_rules[i].severity : DIAG_NOTE;
}

const char *check_rule_summary(size_t i)
{
	return i < check_rule_count ? check_rules[i].summary : NULL;
}

int check_rule_find(const char *id)
{
	size_t i;

	for (i = 0; i < check_rule_count; i++)
		if (strcmp(check_rules[i].id, id) == 0)
			return (int)i;
	return -1;
}
