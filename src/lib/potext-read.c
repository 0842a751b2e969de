/*
 * potext: reading the files potext_render writes.  See potext.h.
 *
 * The grammar accepted is gettext's output and nothing else: comment
 * lines in gettext's order ("#", "#.", "#:", one "#,", "#|"), keywords at
 * the start of their line followed by one space, strings on their own
 * lines with only the escapes gettext writes (\n, \t, \\, \"), one blank
 * line between entries, obsolete entries ("#~") after the others, the
 * header first.  Each entry is then rendered again and compared with its
 * bytes, so a file that reads here is one that gettext (and traduki)
 * would write byte for byte; its strings are what libgettextpo's lexer
 * makes of them, since no construct whose reading needs care (other
 * escapes, line continuations, carriage returns, Solaris references,
 * several flag lines) is accepted.
 */
#include <config.h>

#include "potext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "digest.h"
#include "mem.h"

/* --- Flags -------------------------------------------------------------------------- */

static int is_flag_space(char c)
{
	return c == '\n' || c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
	       c == ',';
}

/* Parses "MIN..MAX" at T (before END) as gettext does; 1 when valid. */
static int parse_range(const char *t, const char *end, int *min, int *max)
{
	unsigned long a = 0, b = 0;

	if (t >= end || *t < '0' || *t > '9')
		return 0;
	for (; t < end && *t >= '0' && *t <= '9'; t++)
		a = a * 10 + (unsigned long)(*t - '0') > 0x7fffffffUL
		        ? 0x7fffffffUL
		        : a * 10 + (unsigned long)(*t - '0');
	if (t + 2 >= end || t[0] != '.' || t[1] != '.' || t[2] < '0' || t[2] > '9')
		return 0;
	for (t += 2; t < end && *t >= '0' && *t <= '9'; t++)
		b = b * 10 + (unsigned long)(*t - '0') > 0x7fffffffUL
		        ? 0x7fffffffUL
		        : b * 10 + (unsigned long)(*t - '0');
	if (a > b)
		return 0;
	*min = (int)a;
	*max = (int)b;
	return 1;
}

int potext_parse_flags(const char *s, size_t len, struct potext_msg *m)
{
	const char *end = s + len, *prev_end = NULL;
	int canonical = 1, last_format = -1, stage = 0;

	m->fuzzy = 0;
	m->fmt_yes = m->fmt_no = 0;
	m->range_min = m->range_max = -1;
	m->no_wrap = 0;
	while (s < end) {
		const char *t, *start = s;
		size_t n;
		int index, kind;

		while (s < end && is_flag_space(*s))
			s++;
		if (s >= end)
			break;
		t = s;
		while (s < end && !is_flag_space(*s))
			s++;
		n = (size_t)(s - t);
		/* As gettext writes them: " fuzzy, c-format, no-wrap". */
		if (!prev_end ? t != start + 1 || *start != ' '
		              : t != prev_end + 2 || prev_end[0] != ',' || prev_end[1] != ' ')
			canonical = 0;
		prev_end = s;
		if (n == 5 && memcmp(t, "fuzzy", 5) == 0) {
			m->fuzzy = 1;
			canonical &= stage == 0;
			stage = 1;
			continue;
		}
		if (n >= 7 && memcmp(t + n - 7, "-format", 7) == 0) {
			const char *p = t;
			size_t k = n - 7;

			kind = 1; /* yes */
			if (k >= 3 && memcmp(p, "no-", 3) == 0) {
				p += 3;
				k -= 3;
				kind = 0;
			} else if (k >= 9 && memcmp(p, "possible-", 9) == 0) {
				p += 9;
				k -= 9;
				canonical = 0; /* written as "c-format" */
			} else if (k >= 11 && memcmp(p, "impossible-", 11) == 0) {
				p += 11;
				k -= 11;
				kind = -1; /* never written */
				canonical = 0;
			}
			index = potext_format_index(p, k);
			if (index >= 0) {
				uint64_t bit = (uint64_t)1 << index;

				m->fmt_yes &= ~bit;
				m->fmt_no &= ~bit;
				if (kind == 1)
					m->fmt_yes |= bit;
				else if (kind == 0)
					m->fmt_no |= bit;
				canonical &= stage <= 2 && index > last_format;
				last_format = index;
				stage = 2;
				continue;
			}
		}
		if (n == 6 && memcmp(t, "range:", 6) == 0) {
			const char *r;
			int lo, hi;

			while (s < end && is_flag_space(*s))
				s++;
			r = s;
			while (s < end && !is_flag_space(*s))
				s++;
			prev_end = s;
			if (parse_range(r, s, &lo, &hi)) {
				m->range_min = lo;
				m->range_max = hi;
				canonical &= stage <= 2 && r == t + 7 && t[6] == ' ';
				stage = 3;
				continue;
			}
			/* gettext goes on with the token after "range:", whose
			 * length it takes for that of "range:". */
			t = r;
			canonical = 0;
		}
		if (n == 4 && memcmp(t, "wrap", 4) == 0) {
			m->no_wrap = 0; /* "wrap" is gettext's default */
			canonical = 0;
			continue;
		}
		if (n == 7 && memcmp(t, "no-wrap", 7) == 0) {
			m->no_wrap = 1;
			canonical &= stage <= 3;
			stage = 4;
			continue;
		}
		/* Syntax checks, and flags gettext does not know, are written by
		 * no writer of gettext's: not a file it wrote. */
		canonical = 0;
	}
	/* At least one flag, and nothing after the last one. */
	return canonical && prev_end && prev_end == end;
}

/* --- Entries ------------------------------------------------------------------------ */

struct parser {
	const char *text, *end;
	const char *line, *eol; /* the current line, without its '\n' */
	long lineno;
	int lean;
	char *w; /* where the next decoded string goes in the block */
	struct buf render; /* an entry written again */
	struct potext_ref *refs; /* every reference, in order */
	size_t nrefs, refs_alloc;
	/* every entry, with the index of its first reference */
	struct potext_msg **msgs;
	size_t *first_ref;
	size_t count, msgs_alloc, first_alloc;
	/* (msgctxt, msgid) of every entry, for duplicates */
	size_t *slots, slot_mask;
	struct potext_parsed *out;
	size_t unchecked_alloc;
	const struct potext_memo *memo; /* or NULL */
};

/* Moves to the next line; 0 at the end of the text. */
static int next_line(struct parser *ps)
{
	if (ps->eol && ps->eol >= ps->end)
		return 0;
	ps->line = ps->eol ? ps->eol + 1 : ps->text;
	if (ps->line >= ps->end)
		return 0;
	ps->eol = memchr(ps->line, '\n', (size_t)(ps->end - ps->line));
	if (!ps->eol)
		return 0; /* the text ends with a newline: checked before */
	ps->lineno++;
	return 1;
}

static size_t line_len(const struct parser *ps)
{
	return (size_t)(ps->eol - ps->line);
}

static int starts(const struct parser *ps, const char *prefix)
{
	size_t n = strlen(prefix);

	return line_len(ps) >= n && memcmp(ps->line, prefix, n) == 0;
}

/* Bytes a string holds as they are: not a quote, a backslash, a control
 * character or DEL (bytes above 127 are UTF-8, checked as a whole). */
static unsigned char plain_byte[256];

static void make_plain_bytes(void)
{
	int c;

	for (c = 0; c < 256; c++)
		plain_byte[c] = !(c == '"' || c == '\\' || c < 0x20 || c == 0x7F);
}

/*
 * Decodes the quoted string from S to the end of the line into *W,
 * without its NUL.  Returns 0, or -1 for anything gettext's writer would
 * not write: other escapes, raw control characters, text after the
 * closing quote.
 */
static int decode(const char *s, const char *eol, char **w)
{
	char *o = *w;

	if (s >= eol || *s != '"' || eol - s < 2 || eol[-1] != '"')
		return -1;
	for (s++, eol--; s < eol;) {
		unsigned char c = (unsigned char)*s;
		const char *run = s;

		/* Plain bytes go as they are, as many as there are. */
		while (s < eol && plain_byte[(unsigned char)*s])
			s++;
		if (s > run) {
			memcpy(o, run, (size_t)(s - run));
			o += s - run;
			continue;
		}
		if (c != '\\' || ++s >= eol)
			return -1; /* a quote, a control character, DEL */
		switch (*s++) {
		case 'n':
			*o++ = '\n';
			break;
		case 't':
			*o++ = '\t';
			break;
		case '\\':
		case '"':
			*o++ = s[-1];
			break;
		default:
			return -1;
		}
	}
	*w = o;
	return 0;
}

/*
 * Reads the string of a keyword line whose keyword ended at S, and its
 * continuation lines (after PREFIX), into a new string at *W (NUL
 * included).  Leaves the parser on the last line read.  Returns the
 * string, or NULL.
 */
static const char *read_string(struct parser *ps, const char *s, const char *prefix, char **w)
{
	char *start = *w;
	size_t plen = strlen(prefix);

	if (decode(s, ps->eol, w) != 0)
		return NULL;
	while (ps->eol + 1 < ps->end) {
		const char *next = ps->eol + 1;
		const char *next_eol = memchr(next, '\n', (size_t)(ps->end - next));

		if (!next_eol || (size_t)(next_eol - next) < plen + 1 ||
		    memcmp(next, prefix, plen) != 0 || next[plen] != '"')
			break;
		next_line(ps);
		if (decode(ps->line + plen, ps->eol, w) != 0)
			return NULL;
	}
	*(*w)++ = '\0';
	return start;
}

/*
 * A keyword line: PREFIX, KEYWORD, one space, a string.  Returns the
 * string (continuation lines included), or NULL when the line is not
 * that or the string is not as gettext writes it (*BAD set).
 */
static const char *keyword(struct parser *ps, const char *prefix, const char *kw, char **w,
                           int *bad)
{
	size_t plen = strlen(prefix), klen = strlen(kw);
	const char *s;

	if (line_len(ps) < plen + klen + 1 || memcmp(ps->line, prefix, plen) != 0 ||
	    memcmp(ps->line + plen, kw, klen) != 0 || ps->line[plen + klen] != ' ')
		return NULL;
	s = read_string(ps, ps->line + plen + klen + 1, prefix, w);
	if (!s)
		*bad = 1;
	return s;
}

/* Appends one "#:" reference to the list. */
static void add_ref(struct parser *ps, const char *file, size_t line)
{
	xgrow((void **)&ps->refs, &ps->refs_alloc, ps->nrefs + 1, sizeof *ps->refs);
	ps->refs[ps->nrefs].file = file;
	ps->refs[ps->nrefs++].line = line;
}

/*
 * A "#:" line: " FILE:LINE" or " FILE" tokens.  Only tokens that gettext
 * reads one way are taken: no ':' at either end, no "./" at the start
 * (gettext leaves it out when writing), a line number of at most 9 digits
 * without a leading zero.
 */
static int parse_refs(struct parser *ps, const char *line, char **w)
{
	const char *s = line + 2, *eol = memchr(line, '\n', (size_t)(ps->end - line));

	if (s >= eol)
		return -1;
	while (s < eol) {
		const char *t, *colon;
		size_t n, number = POTEXT_NO_LINE;

		if (*s != ' ' || s + 1 >= eol || s[1] == ' ')
			return -1;
		t = ++s;
		while (s < eol && *s != ' ')
			s++;
		n = (size_t)(s - t);
		if (t[0] == ':' || t[n - 1] == ':' || (n >= 2 && t[0] == '.' && t[1] == '/') ||
		    memchr(t, '\t', n) || memchr(t, '\\', n))
			return -1;
		colon = t + n;
		while (colon > t && colon[-1] >= '0' && colon[-1] <= '9')
			colon--;
		if (colon < t + n && colon > t + 1 && colon[-1] == ':') {
			const char *d;

			if (t + n - colon > 9 || (*colon == '0' && t + n - colon > 1))
				return -1;
			number = 0;
			for (d = colon; d < t + n; d++)
				number = number * 10 + (size_t)(*d - '0');
			n = (size_t)(colon - 1 - t);
		}
		memcpy(*w, t, n);
		(*w)[n] = '\0';
		add_ref(ps, *w, number);
		*w += n + 1;
	}
	return 0;
}

/* A hash of the string S into H, eight bytes at a time. */
static uint64_t hash_bytes(uint64_t h, const char *s)
{
	size_t n = strlen(s);
	uint64_t word;

	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&word, s, 8);
		h = (h ^ word) * 0x9E3779B97F4A7C15ULL;
		h ^= h >> 29;
	}
	word = 0;
	memcpy(&word, s, n);
	h = (h ^ word ^ n) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 32);
}

static uint64_t key_hash(const struct potext_msg *m)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	if (m->ctxt) {
		h = hash_bytes(h, m->ctxt);
		h = (h ^ 4) * 0x100000001b3ULL;
	}
	return hash_bytes(h, m->id);
}

static int same_key(const struct potext_msg *a, const struct potext_msg *b)
{
	if (!a->ctxt != !b->ctxt)
		return 0;
	return (!a->ctxt || strcmp(a->ctxt, b->ctxt) == 0) && strcmp(a->id, b->id) == 0;
}

/* Records M's key; 0 when it is new, -1 for a duplicate. */
static int add_key(struct parser *ps, size_t index)
{
	const struct potext_msg *m = ps->msgs[index];
	size_t s;

	if ((ps->count + 1) * 2 > ps->slot_mask + 1) {
		size_t size = ps->slot_mask ? (ps->slot_mask + 1) * 2 : 1024, i;
		size_t *old = ps->slots, old_size = ps->slot_mask ? ps->slot_mask + 1 : 0;

		ps->slots = xcalloc(size, sizeof *ps->slots);
		ps->slot_mask = size - 1;
		for (i = 0; i < old_size; i++) {
			if (!old[i])
				continue;
			s = (size_t)key_hash(ps->msgs[old[i] - 1]) & ps->slot_mask;
			while (ps->slots[s])
				s = (s + 1) & ps->slot_mask;
			ps->slots[s] = old[i];
		}
		free(old);
	}
	for (s = (size_t)key_hash(m) & ps->slot_mask; ps->slots[s]; s = (s + 1) & ps->slot_mask)
		if (same_key(ps->msgs[ps->slots[s] - 1], m))
			return -1;
	ps->slots[s] = index + 1;
	return 0;
}

/* 1 when the header HEADER names UTF-8 where libgettextpo looks for it. */
static int header_utf8(const char *header)
{
	const char *cs = strstr(header, "charset=");

	if (!cs)
		return 0;
	cs += strlen("charset=");
	return strncasecmp(cs, "UTF-8", 5) == 0 && (cs[5] == '\0' || strchr(" \t\n", cs[5]));
}

/*
 * The comment lines of one kind at the start of an entry: from the
 * current line on, the lines for which IS_KIND holds.  Leaves the parser
 * on the first line of another kind; sets *FIRST and *COUNT.
 */
static int is_translator(const struct parser *ps)
{
	return ps->line[0] == '#' && (line_len(ps) == 1 || ps->line[1] == ' ');
}

static int is_extracted(const struct parser *ps)
{
	return starts(ps, "#.");
}

static int is_refs(const struct parser *ps)
{
	return starts(ps, "#:");
}

/* Counts the lines of one kind from the current one on, moving past them.
 * Returns -1 when the text ends among them (an entry without msgid). */
static int group(struct parser *ps, int (*is_kind)(const struct parser *), const char **first,
                 size_t *count)
{
	*first = ps->line;
	*count = 0;
	while (line_len(ps) > 0 && is_kind(ps)) {
		(*count)++;
		if (!next_line(ps))
			return -1;
	}
	return 0;
}

/* The comment lines from FIRST (COUNT lines, MARK_LEN bytes of mark), as
 * "text\n" each, at *W; returns the string, or NULL when one is not as
 * gettext writes it. */
static const char *join_comments(struct parser *ps, const char *first, size_t count,
                                 size_t mark_len, char **w)
{
	char *start = *w;
	const char *line = first;
	size_t i;

	for (i = 0; i < count; i++) {
		const char *eol = memchr(line, '\n', (size_t)(ps->end - line));
		const char *s;
		size_t n = (size_t)(eol - line);

		if (n > mark_len) {
			if (line[mark_len] != ' ' || n == mark_len + 1)
				return NULL; /* "#.x", or a "# " gettext would write "#" */
			s = line + mark_len + 1;
			n -= mark_len + 1;
			/* A backslash at the end joins the next line, for gettext. */
			if (s[n - 1] == '\\')
				return NULL;
			/* "# File: x, line: 3" is a reference to gettext. */
			if (mark_len == 1 && n >= 5 && (s[0] == 'F' || s[0] == 'f') &&
			    memcmp(s + 1, "ile:", 4) == 0)
				return NULL;
			memcpy(*w, s, n);
			*w += n;
		}
		*(*w)++ = '\n';
		line = eol + 1;
	}
	*(*w)++ = '\0';
	(void)ps;
	return start;
}

/* The previous msgctxt, msgid and msgid_plural ("#| " lines). */
static int parse_prev(struct parser *ps, struct potext_msg *m, const char *prefix, char **w)
{
	int bad = 0;

	if ((m->prev_ctxt = keyword(ps, prefix, "msgctxt", w, &bad)) != NULL) {
		if (!next_line(ps))
			return -1;
	} else if (bad) {
		return -1;
	}
	if ((m->prev_id = keyword(ps, prefix, "msgid", w, &bad)) == NULL)
		return m->prev_ctxt || bad ? -1 : 0;
	if (!next_line(ps))
		return -1;
	if ((m->prev_id_plural = keyword(ps, prefix, "msgid_plural", w, &bad)) != NULL) {
		if (!next_line(ps))
			return -1;
	} else if (bad) {
		return -1;
	}
	return 0;
}

/* The msgstr, or msgstr[0], msgstr[1]... of a plural entry.  Leaves the
 * parser on the entry's last line. */
static int parse_msgstr(struct parser *ps, struct potext_msg *m, const char *prefix, char **w)
{
	int bad = 0, k;
	char *start = *w;

	m->str_line = (int)ps->lineno;
	if (!m->id_plural) {
		if ((m->str = keyword(ps, prefix, "msgstr", w, &bad)) == NULL)
			return -1;
		m->str_len = (size_t)(*w - start);
		return 0;
	}
	for (k = 0;; k++) {
		char name[24];

		snprintf(name, sizeof name, "msgstr[%d]", k);
		if (!keyword(ps, prefix, name, w, &bad))
			return -1;
		/* The entry ends at a blank line or at the end of the text. */
		if (ps->eol + 1 >= ps->end || ps->eol[1] == '\n')
			break;
		next_line(ps);
	}
	m->str = start;
	m->str_len = (size_t)(*w - start);
	return 0;
}

/*
 * Parses one entry, whose first line is the current one, into M.  Leaves
 * the parser on the entry's last line, and in *DROP and *KEEP where the
 * strings a lean read drops (extracted comments, references, previous
 * msgids) start and end in the block.  Returns 0, or -1.
 */
static int parse_entry(struct parser *ps, struct potext_msg *m, char **drop, char **keep)
{
	const char *tfirst, *efirst, *rfirst, *prefix, *prev, *line;
	size_t tcount, ecount, rcount, i;
	int bad = 0;

	m->range_min = m->range_max = -1;
	/* Comments: translator, extracted, references, one flag line. */
	if (group(ps, is_translator, &tfirst, &tcount) != 0 ||
	    group(ps, is_extracted, &efirst, &ecount) != 0 ||
	    group(ps, is_refs, &rfirst, &rcount) != 0)
		return -1;
	if (starts(ps, "#,")) {
		if (!potext_parse_flags(ps->line + 2, line_len(ps) - 2, m) || !next_line(ps))
			return -1;
	}
	m->comments = tcount ? join_comments(ps, tfirst, tcount, 1, &ps->w) : "";
	if (!m->comments)
		return -1;
	*drop = ps->w;
	m->extracted = ecount ? join_comments(ps, efirst, ecount, 2, &ps->w) : "";
	if (!m->extracted)
		return -1;
	for (i = 0, line = rfirst; i < rcount; i++) {
		if (parse_refs(ps, line, &ps->w) != 0)
			return -1;
		line = (const char *)memchr(line, '\n', (size_t)(ps->end - line)) + 1;
	}

	/* The keywords, after "#~ " on every line of an obsolete entry. */
	m->obsolete = starts(ps, "#~");
	prefix = m->obsolete ? "#~ " : "";
	prev = m->obsolete ? "#~| " : "#| ";
	if (parse_prev(ps, m, prev, &ps->w) != 0)
		return -1;
	*keep = ps->w;
	if ((m->ctxt = keyword(ps, prefix, "msgctxt", &ps->w, &bad)) != NULL) {
		if (!next_line(ps))
			return -1;
	} else if (bad) {
		return -1;
	}
	m->line = (int)ps->lineno;
	if ((m->id = keyword(ps, prefix, "msgid", &ps->w, &bad)) == NULL || !next_line(ps))
		return -1;
	if ((m->id_plural = keyword(ps, prefix, "msgid_plural", &ps->w, &bad)) != NULL) {
		if (!next_line(ps))
			return -1;
	} else if (bad) {
		return -1;
	}
	return parse_msgstr(ps, m, prefix, &ps->w);
}

/* Leaves out of M what a lean read does not keep, and its strings. */
static void drop_lean(struct parser *ps, struct potext_msg *m, char *drop, char *keep,
                      size_t first_ref)
{
	size_t shift = (size_t)(keep - drop);

	memmove(drop, keep, (size_t)(ps->w - keep));
	ps->w -= shift;
	if (m->ctxt)
		m->ctxt -= shift;
	m->id -= shift;
	if (m->id_plural)
		m->id_plural -= shift;
	m->str -= shift;
	m->extracted = "";
	m->prev_ctxt = m->prev_id = m->prev_id_plural = NULL;
	m->nrefs = 0;
	ps->nrefs = first_ref;
}

static void add_unchecked(struct parser *ps, struct potext_msg *m, size_t start, size_t end)
{
	struct potext_parsed *out = ps->out;

	xgrow((void **)&out->unchecked, &ps->unchecked_alloc, out->nunchecked + 1,
	      sizeof *out->unchecked);
	out->unchecked[out->nunchecked].msg = m;
	out->unchecked[out->nunchecked].start = start;
	out->unchecked[out->nunchecked++].end = end;
}

/* The digest of the entry at [START, END), the header or not, in memcmp order. */
static void entry_digest(const struct parser *ps, size_t start, size_t end,
                         unsigned char out[POTEXT_ENTRY_DIGEST])
{
	struct digest_state s;
	struct digest dg;
	int i;

	digest_init(&s);
	digest_add_u64(&s, ps->count == 1);
	digest_add_bytes(&s, ps->text + start, end - start);
	dg = digest_final(&s);
	for (i = 0; i < 8; i++) {
		out[i] = (unsigned char)(dg.hi >> (56 - 8 * i));
		out[8 + i] = (unsigned char)(dg.lo >> (56 - 8 * i));
	}
}

/* 1 when the memo knows DG. */
static int memo_knows(const struct potext_memo *memo, const unsigned char *dg)
{
	size_t lo = 0, hi = memo->nknown;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = memcmp(memo->known + mid * POTEXT_ENTRY_DIGEST, dg, POTEXT_ENTRY_DIGEST);

		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int parse_all(struct parser *ps, const struct potext_sink *sink)
{
	int seen_obsolete = 0;

	ps->eol = NULL;
	ps->lineno = 0;
	while (next_line(ps)) {
		size_t start = ps->count ? (size_t)(ps->line - 1 - ps->text) : 0, end;
		size_t first_ref = ps->nrefs;
		struct potext_msg *m = sink->new_msg(sink->ctx);
		unsigned char dg[POTEXT_ENTRY_DIGEST];
		char *drop, *keep;
		int rendered;

		xgrow((void **)&ps->msgs, &ps->msgs_alloc, ps->count + 1, sizeof *ps->msgs);
		xgrow((void **)&ps->first_ref, &ps->first_alloc, ps->count + 1,
		      sizeof *ps->first_ref);
		ps->msgs[ps->count] = m;
		ps->first_ref[ps->count] = first_ref;
		if (parse_entry(ps, m, &drop, &keep) != 0)
			return -1;
		/* No reference yet: no array either (NULL + 0 is undefined). */
		m->refs = ps->refs ? ps->refs + first_ref : NULL;
		m->nrefs = ps->nrefs - first_ref;
		end = (size_t)(ps->eol + 1 - ps->text);
		/* The header first, saying UTF-8; obsolete entries last, each
		 * with a translation (gettext drops those without). */
		if (ps->count == 0 && (m->obsolete || m->ctxt || m->id[0] || !header_utf8(m->str)))
			return -1;
		if ((seen_obsolete && !m->obsolete) || (m->obsolete && m->str[0] == '\0'))
			return -1;
		seen_obsolete = m->obsolete;
		if (add_key(ps, ps->count) != 0)
			return -1;
		ps->count++;
		/* Written again, the entry must give back its own bytes, unless
		 * an earlier parse found that these bytes do. */
		if (ps->memo)
			entry_digest(ps, start, end, dg);
		if (ps->memo && memo_knows(ps->memo, dg)) {
			rendered = 0;
		} else {
			buf_truncate(&ps->render, 0);
			rendered = potext_render(m, ps->count == 1, 1, &ps->render);
			if (rendered == 0 &&
			    (ps->render.len != end - start ||
			     memcmp(ps->render.data, ps->text + start, end - start) != 0))
				return -1;
		}
		if (rendered != 0)
			add_unchecked(ps, m, start, end);
		else if (ps->memo && ps->memo->verified)
			buf_add(ps->memo->verified, (const char *)dg, POTEXT_ENTRY_DIGEST);
		if (ps->lean)
			drop_lean(ps, m, drop, keep, first_ref);
		/* One blank line between entries, none at the end. */
		if (ps->eol + 1 < ps->end) {
			if (ps->eol[1] != '\n' || ps->eol + 2 >= ps->end || ps->eol[2] == '\n')
				return -1;
			next_line(ps);
		}
	}
	return 0;
}

int potext_parse(const char *text, size_t len, int lean, const struct potext_memo *memo,
                 const struct potext_sink *sink, struct potext_parsed *out)
{
	struct parser ps;
	size_t i;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (!potext_enabled() || (len > 0 && text[len - 1] != '\n') || memchr(text, '\r', len))
		return -1;
	if (!plain_byte['a'])
		make_plain_bytes();
	memset(&ps, 0, sizeof ps);
	ps.text = text;
	ps.end = text + len;
	ps.lean = lean;
	ps.memo = memo;
	ps.out = out;
	/* Decoded strings never take more room than their source. */
	out->block = xmalloc(len + 1);
	ps.w = out->block;
	if (parse_all(&ps, sink) == 0) {
		/* The references were moved as their list grew. */
		for (i = 0; i < ps.count; i++)
			ps.msgs[i]->refs = ps.nrefs ? ps.refs + ps.first_ref[i] : NULL;
		out->refs = ps.refs;
		out->count = ps.count;
		ps.refs = NULL;
		rc = 0;
	}
	free(ps.refs);
	free(ps.msgs);
	free(ps.first_ref);
	free(ps.slots);
	buf_release(&ps.render);
	if (rc != 0)
		potext_parsed_release(out);
	return rc;
}

void potext_parsed_release(struct potext_parsed *p)
{
	free(p->block);
	free(p->refs);
	free(p->unchecked);
	memset(p, 0, sizeof *p);
}
