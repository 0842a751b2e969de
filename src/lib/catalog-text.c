/*
 * catalog: what the PO format needs without a parser: where entries are,
 * charsets and their conversion, and the checks of what was read.  See
 * catalog-impl.h; catalog.c parses.
 */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "catalog-impl.h"
#include "mem.h"
#include "uni.h"

/* --- Where entries are ------------------------------------------------------------ */

/* What gettext's lexer skips between tokens. */
static int is_po_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static void scan_comment(const char *q, const char *end, long line, struct entry_pos **pos,
                         size_t *n, size_t *alloc, struct potext_msg *flags, int *pending);

/*
 * The keywords of one line from Q to END, read as tokens as gettext's
 * lexer reads them: a keyword may follow spaces, a string or another
 * keyword on the same line, and a '#' outside a string is a comment to
 * the end of the line, wherever it starts.
 */
static void scan_tokens(const char *q, const char *end, long line, struct entry_pos **pos,
                        size_t *n, size_t *alloc, struct potext_msg *flags, int *pending)
{
	while (q < end) {
		const char *w = q;

		if (is_po_space(*q)) {
			q++;
		} else if (*q == '"') {
			for (q++; q < end && *q != '"'; q++)
				if (*q == '\\' && q + 1 < end)
					q++;
			q += q < end;
		} else if (*q == '#') {
			scan_comment(q, end, line, pos, n, alloc, flags, pending);
			return;
		} else if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '_') {
			while (q < end &&
			       ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			        (*q >= '0' && *q <= '9') || *q == '_' || *q == '[' || *q == ']'))
				q++;
			if (q - w == 5 && memcmp(w, "msgid", 5) == 0) {
				struct entry_pos *e;

				xgrow((void **)pos, alloc, *n + 1, sizeof **pos);
				e = &(*pos)[(*n)++];
				e->line = line;
				e->has_flags = *pending;
				e->no_wrap = *pending && flags->no_wrap;
				e->fmt_no = *pending ? flags->fmt_no : 0;
				e->str_line = 0;
				*pending = 0;
			} else if (q - w >= 6 && memcmp(w, "msgstr", 6) == 0 && *n &&
			           !(*pos)[*n - 1].str_line) {
				(*pos)[*n - 1].str_line = line;
			}
		} else {
			q++;
		}
	}
}

/*
 * The comment at Q, to END: flags ("#," or "#!") for the next entry, or
 * an obsolete entry's tokens ("#~"); gettext reads them so after a string
 * on the same line too ("...\n"#, no-wrap).
 */
static void scan_comment(const char *q, const char *end, long line, struct entry_pos **pos,
                         size_t *n, size_t *alloc, struct potext_msg *flags, int *pending)
{
	if (end - q >= 2 && (q[1] == ',' || q[1] == '!')) {
		potext_parse_flags(q + 2, (size_t)(end - q - 2), flags);
		*pending = 1;
	} else if (end - q >= 2 && q[1] == '~' && (end - q == 2 || q[2] != '|')) {
		scan_tokens(q + 2, end, line, pos, n, alloc, flags, pending);
	}
}

/*
 * The positions and flags of catalog-impl.h.  A keyword the scan missed
 * (one after a tab, say) would shift every later entry's flags onto the
 * wrong message; the counts would then differ from libgettextpo's and
 * the flags be lost, so the scan reads tokens, not line beginnings.
 */
struct entry_pos *catalog_scan_entries(const char *text, size_t len, size_t *count)
{
	struct entry_pos *pos = NULL;
	struct potext_msg flags;
	size_t n = 0, alloc = 0;
	const char *p = text, *end = text + len;
	long line = 1;
	int pending = 0;

	memset(&flags, 0, sizeof flags);
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t l = eol ? (size_t)(eol - p) : (size_t)(end - p);
		const char *q = p, *e = p + l;

		while (q < e && is_po_space(*q))
			q++;
		if (q < e && q[0] == '#')
			scan_comment(q, e, line, &pos, &n, &alloc, &flags, &pending);
		else if (l == 0 || (l == 1 && p[0] == '\r'))
			pending = 0;
		else if (q < e)
			scan_tokens(q, e, line, &pos, &n, &alloc, &flags, &pending);
		line++;
		p = eol ? eol + 1 : end;
	}
	*count = n;
	return pos;
}

/* --- The text ---------------------------------------------------------------------- */

/*
 * 1 when TEXT may be read byte by byte: valid UTF-8 (in which no
 * character holds a byte that PO syntax gives a meaning to) and declared
 * so, or plain ASCII.
 */
int catalog_reads_as_bytes(const char *text, size_t len)
{
	const char *charset;
	size_t pos = 0, n;
	int ascii = 1;

	while (pos < len) {
		uint64_t word;

		/* Eight ASCII bytes at a time. */
		if (len - pos >= 8 &&
		    (memcpy(&word, text + pos, 8), !(word & 0x8080808080808080ULL))) {
			pos += 8;
			continue;
		}
		if ((unsigned char)text[pos] < 0x80) {
			pos++;
			continue;
		}
		ascii = 0;
		if (uni_next(text, len, &pos) < 0)
			return 0;
	}
	return ascii || (catalog_find_charset(text, len, &charset, &n) && n == 5 &&
	                 strncasecmp(charset, "UTF-8", 5) == 0);
}

/*
 * The lines of TEXT (LEN bytes) but the "#:" references, "#." extracted
 * comments and "#|" previous msgids, into OUT: what a reader of
 * translations needs, and a sixth less for libgettextpo to read.
 */
void catalog_strip_comments(const char *text, size_t len, struct buf *out)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;

		if (!(next - p >= 2 && p[0] == '#' && (p[1] == ':' || p[1] == '.' || p[1] == '|')))
			buf_add(out, p, (size_t)(next - p));
		p = next;
	}
}

/* --- Charsets ------------------------------------------------------------------ */

/*
 * libgettextpo hands out strings in the file's charset; the checks, ICU
 * and the XML of messages need UTF-8.  A catalog in another charset
 * (ISO-8859-1, say) is converted to UTF-8 as a whole text before it is
 * parsed, its header then saying UTF-8, and converted back when written,
 * so that the file keeps its charset as msgmerge keeps it.
 */

/* Charsets that need no conversion: UTF-8, ASCII, and POT's placeholder. */
int catalog_is_utf8_name(const char *cs)
{
	static const char *const names[] = { "UTF-8",          "UTF8",    "ASCII", "US-ASCII",
		                             "ANSI_X3.4-1968", "CHARSET", NULL };
	int i;

	for (i = 0; names[i]; i++)
		if (strcasecmp(cs, names[i]) == 0)
			return 1;
	return 0;
}

/*
 * Finds the charset named in the header entry of the PO text (the
 * msgstr of the first empty msgid): sets *AT and *LEN to the name in TEXT
 * and returns 1, or returns 0.  A scan of the lines, not a parse:
 * libgettextpo parses the file afterwards.
 */
/* P past the spaces gettext's lexer skips, up to END. */
static const char *skip_po_space(const char *p, const char *end)
{
	while (p < end && is_po_space(*p))
		p++;
	return p;
}

/* 1 when the line P..END, past its spaces, starts with the keyword WORD. */
static int line_starts_with(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	p = skip_po_space(p, end);
	return (size_t)(end - p) >= n && memcmp(p, word, n) == 0 &&
	       ((size_t)(end - p) == n || is_po_space(p[n]) || p[n] == '"');
}

int catalog_find_charset(const char *text, size_t len, const char **at, size_t *n)
{
	static const char key[] = "charset=";
	const char *p = text, *end = text + len;
	int in_header = 0;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t l = eol ? (size_t)(eol - p) : (size_t)(end - p);
		const char *lend = p + l;

		if (!in_header) {
			/* msgid "" then msgstr: a msgid that only starts with ""
			 * goes on in the next line.  Keywords may follow spaces,
			 * as gettext's lexer reads them. */
			const char *next = eol ? eol + 1 : end;
			const char *nend = memchr(next, '\n', (size_t)(end - next));
			const char *q = skip_po_space(p, lend);

			if (!nend)
				nend = end;
			if (eol && line_starts_with(q, lend, "msgid")) {
				q = skip_po_space(q + 5, lend);
				if (lend - q >= 2 && q[0] == '"' && q[1] == '"' &&
				    skip_po_space(q + 2, lend) == lend &&
				    line_starts_with(next, nend, "msgstr"))
					in_header = 1;
			}
		} else if (l == 0 || line_starts_with(p, lend, "msgid")) {
			return 0; /* the header entry ended without a charset */
		} else {
			const char *q = p;

			for (; q + sizeof key - 1 <= lend; q++)
				if (strncasecmp(q, key, sizeof key - 1) == 0) {
					q += sizeof key - 1;
					*at = q;
					while (q < lend &&
					       (((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') ||
					        (*q >= '0' && *q <= '9') || *q == '-' ||
					        *q == '_' || *q == '.' || *q == ':'))
						q++;
					*n = (size_t)(q - *at);
					return *n > 0;
				}
		}
		p = eol ? eol + 1 : end;
	}
	return 0;
}

/* The line (1-based) of byte OFFSET in TEXT. */
long catalog_line_at(const char *text, size_t offset)
{
	long line = 1;
	size_t i;

	for (i = 0; i < offset; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

/*
 * Converts LEN bytes at TEXT from charset FROM to TO into OUT.  Returns
 * 0, or -1 after reporting (as NAME) what could not be converted.
 */
int catalog_convert(const char *text, size_t len, const char *from, const char *to, struct buf *out,
                    const char *name, struct diag *d)
{
	iconv_t cd = iconv_open(to, from);
	char *in = (char *)text;
	size_t left = len;

	buf_truncate(out, 0);
	if (cd == (iconv_t)-1)
		return diag_errno(d, name, "cannot catalog_convert between %s and %s", from, to);
	while (left > 0) {
		char chunk[4096], *o = chunk;
		size_t room = sizeof chunk;
		size_t rc = iconv(cd, &in, &left, &o, &room);

		buf_add(out, chunk, sizeof chunk - room);
		if (rc == (size_t)-1 && errno != E2BIG) {
			diag_report(d, DIAG_ERROR, name, catalog_line_at(text, (size_t)(in - text)),
			            0, "%s in %s: cannot catalog_convert to %s",
			            errno == EILSEQ ? "a character that does not exist"
			                            : "an incomplete character",
			            errno == EILSEQ && strcasecmp(from, "UTF-8") == 0 ? to : from,
			            to);
			iconv_close(cd);
			return -1;
		}
	}
	iconv_close(cd);
	return 0;
}

/* In TEXT, the header's charset becomes CHARSET.  0, or -1 if none found. */
int catalog_set_charset(struct buf *text, const char *charset)
{
	const char *at;
	size_t n, offset;
	struct buf out = BUF_INIT;

	if (!catalog_find_charset(buf_str(text), text->len, &at, &n))
		return -1;
	offset = (size_t)(at - buf_str(text));
	buf_add(&out, buf_str(text), offset);
	buf_adds(&out, charset);
	buf_add(&out, buf_str(text) + offset + n, text->len - offset - n);
	buf_release(text);
	*text = out;
	return 0;
}

/* 1 when S is absent or valid UTF-8 (with ASCII, only ASCII). */
static int valid(const char *s, int ascii)
{
	const char *p;

	if (!s)
		return 1;
	if (!ascii)
		return uni_valid_utf8(s, strlen(s));
	for (p = s; *p; p++)
		if ((unsigned char)*p >= 0x80)
			return 0;
	return 1;
}

/*
 * The first field of M that is not valid (see valid), by its keyword,
 * or "#: reference" for a file name gettext cannot write back; NULL.
 */
static const char *bad_field(const struct potext_msg *m, int ascii)
{
	const char *s;
	size_t j;

	if (!valid(m->ctxt, ascii))
		return "msgctxt";
	if (!valid(m->id, ascii))
		return "msgid";
	if (!valid(m->id_plural, ascii))
		return "msgid_plural";
	for (s = m->str; s < m->str + m->str_len; s += strlen(s) + 1)
		if (!valid(s, ascii))
			return m->id_plural ? "msgstr[]" : "msgstr";
	if (!valid(m->prev_ctxt, ascii) || !valid(m->prev_id, ascii) ||
	    !valid(m->prev_id_plural, ascii))
		return "#| previous string";
	/* gettext writes "#: dir\" and reads the backslash back as a line
	 * continuation (msgcat cannot read what it wrote either). */
	for (j = 0; j < m->nrefs; j++) {
		size_t len = strlen(m->refs[j].file);

		if (len > 0 && m->refs[j].file[len - 1] == '\\')
			return "#: reference";
	}
	return NULL;
}

/*
 * Escapes (\303, \x41) can put bytes into a string that the lexer never
 * saw as characters: a msgid that is not UTF-8 would be written out as
 * bytes that no reader, libgettextpo included, accepts.  Such a catalog
 * is refused when read.  Returns 0, or -1 after reporting.
 */
int catalog_check_strings(const struct catalog *cat, int ascii, struct diag *d)
{
	const char *bad = NULL;
	long line = 0;
	size_t i;

	if (cat->header && (bad = bad_field(&cat->header->pm, ascii)) != NULL)
		line = cat->header_line;
	for (i = 0; !bad && i < cat->count; i++)
		if ((bad = bad_field(&cat->msgs[i]->pm, ascii)) != NULL)
			line = cat->msgs[i]->pm.line;
	if (!bad)
		return 0;
	if (bad[0] == '#' && bad[1] == ':')
		diag_report(d, DIAG_ERROR, cat->name, line, 0,
		            "a '#:' reference ends with a backslash, which gettext reads as the "
		            "continuation of the line");
	else if (ascii)
		diag_report(d, DIAG_ERROR, cat->name, line, 0,
		            "%s holds a character that is not ASCII, but the header names no "
		            "charset",
		            bad);
	else
		diag_report(d, DIAG_ERROR, cat->name, line, 0,
		            "%s is not valid UTF-8 (an escape sequence such as \\303 made bytes "
		            "that are no character)",
		            bad);
	return -1;
}

/*
 * The charset of CAT's header as libgettextpo read it (escapes decoded)
 * must be UTF-8 now: otherwise the scan of the text (catalog_find_charset) saw
 * another name than libgettextpo, and what it would write could not be
 * read back.  Without a charset (or with POT's placeholder "CHARSET"),
 * libgettextpo takes the text for ASCII and drops any other character
 * when it writes: such a catalog must be ASCII, as msgcat requires.
 * Returns 0, 1 when the catalog must be ASCII, or -1 after reporting.
 */
int catalog_check_charset(const struct catalog *cat, struct diag *d)
{
	/* Found as libgettextpo finds it: anywhere in the header. */
	const char *cs = cat->header ? strstr(cat->header->pm.str, "charset=") : NULL;
	char *name;
	int rc = 0;

	if (!cs)
		return 1;
	name = xstrndup(cs + 8, strcspn(cs + 8, " \t\n"));
	if (strcasecmp(name, "CHARSET") == 0) {
		rc = 1;
	} else if (!catalog_is_utf8_name(name)) {
		diag_report(d, DIAG_ERROR, cat->name, cat->header_line, 0,
		            "the header's charset '%s' is unknown: cannot read the catalog", name);
		rc = -1;
	}
	free(name);
	return rc;
}

/* 0, or -1 after reporting the first byte of TEXT that is not ASCII. */
int catalog_check_ascii(const char *text, size_t len, const char *name, struct diag *d)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)text[i] >= 0x80)
			return diag_error(
			    d, name, catalog_line_at(text, i), 0,
			    "a character that is not ASCII, but the header names no charset "
			    "(Content-Type: text/plain; charset=UTF-8)");
	return 0;
}

/* --- Errors a translator reads ------------------------------------------------- */

/* The 1-based column of byte OFF of LINE, in characters. */
static long column_of(const char *line, size_t off)
{
	long col = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (((unsigned char)line[i] & 0xc0) != 0x80)
			col++;
	return col;
}

/*
 * The byte offset in LINE (N bytes) of a quotation mark that closes the
 * line's string while more of it follows: a '"' the translator meant as
 * text ("De "campagne" gaat").  -1 when the line is not like that.
 */
static long stray_quote(const char *line, size_t n)
{
	static const char *const keywords[] = { "msgctxt", "msgid_plural", "msgid", "msgstr" };
	size_t i = 0, k, rest;

	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i + 1 < n && line[i] == '#' && line[i + 1] == '~')
		for (i += 2; i < n && (line[i] == ' ' || line[i] == '\t');)
			i++;
	for (k = 0; k < sizeof keywords / sizeof *keywords; k++) {
		size_t len = strlen(keywords[k]);

		if (n - i >= len && strncmp(line + i, keywords[k], len) == 0) {
			i += len;
			if (i < n && line[i] == '[')
				while (i < n && line[i] != ']')
					i++;
			if (i < n && line[i] == ']')
				i++;
			break;
		}
	}
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i >= n || line[i] != '"')
		return -1;
	for (i++; i < n && line[i] != '"'; i++)
		if (line[i] == '\\')
			i++;
	if (i >= n)
		return -1;
	/* More text and another quotation mark after the closing one. */
	for (rest = i + 1; rest < n && (line[rest] == ' ' || line[rest] == '\t'); rest++)
		;
	if (rest < n && memchr(line + rest, '"', n - rest))
		return (long)i;
	return -1;
}

/* Line AT of TEXT (LEN bytes), without its line break, in *LINE and *N. */
static int find_line(const char *text, size_t len, long at, const char **line, size_t *n)
{
	const char *p = text, *end = text + len, *eol;
	long l = 1;

	for (; p < end && l < at; p++)
		if (*p == '\n')
			l++;
	if (at < 1 || l != at || p > end)
		return 0;
	eol = memchr(p, '\n', (size_t)(end - p));
	*line = p;
	*n = (size_t)((eol ? eol : end) - p);
	if (*n && p[*n - 1] == '\r')
		(*n)--;
	return 1;
}

/* 1 when LINE (N bytes) opens a quoted text that it does not close. */
static int unclosed(const char *line, size_t n)
{
	size_t i = 0;
	int open = 0;

	/* A '#' outside a quoted text starts a comment; inside, it is text. */
	while (i < n && (open || line[i] != '#')) {
		if (line[i] == '"')
			open = !open;
		else if (line[i] == '\\' && open)
			i++;
		i++;
	}
	return open;
}

/*
 * Reports E, the first error libgettextpo found in TEXT (LEN bytes), in
 * the words of a translator who edits the file by hand, with the fix
 * where one is plain.  libgettextpo's own words are kept for the rest.
 */
void catalog_explain_error(const char *text, size_t len, const struct first_error *e,
                           struct diag *d)
{
	const char *line = NULL;
	size_t n = 0;
	long at = e->line, col = e->col;
	const char *msg = e->text, *say = NULL;

	find_line(text, len, at, &line, &n);
	/* Its lexer has read the line break when it sees a string unclosed. */
	if (strcmp(msg, "end-of-line within string") == 0 && at > 1 &&
	    (!line || !unclosed(line, n))) {
		const char *prev;
		size_t pn;

		if (find_line(text, len, at - 1, &prev, &pn) && unclosed(prev, pn)) {
			at--;
			line = prev;
			n = pn;
		}
	}
	if (line && (strncmp(msg, "keyword \"", 9) == 0 || strcmp(msg, "syntax error") == 0) &&
	    stray_quote(line, n) >= 0) {
		col = column_of(line, (size_t)stray_quote(line, n));
		say = "this '\"' ends the text too early: a quotation mark inside a text is "
		      "written \\\"";
	} else if (strcmp(msg, "end-of-line within string") == 0) {
		if (line)
			col = column_of(line, n) + 1;
		say = "the text is not closed: each line of a text ends with '\"' (a line break "
		      "inside a text is written \\n)";
	} else if (strcmp(msg, "invalid control sequence") == 0) {
		say = "an unknown escape sequence: a backslash inside a text is written \\\\ "
		      "(\\n is a line break, \\t a tab, \\\" a quotation mark)";
	} else if (strncmp(msg, "keyword \"", 9) == 0 || strcmp(msg, "syntax error") == 0) {
		say = "this line is not PO syntax: a line is a comment (#), a keyword (msgid, "
		      "msgstr...) followed by a quoted text, or a quoted text that continues the "
		      "one above";
	} else if (strcmp(msg, "missing 'msgstr' section") == 0) {
		say = "this message has no msgstr: every msgid is followed by its translation, "
		      "msgstr \"\" when there is none yet";
	} else if (strcmp(msg, "duplicate message definition") == 0) {
		say = "this message (its msgctxt and msgid) is in the catalog twice: keep one of "
		      "the two";
	}
	diag_report(d, DIAG_ERROR, e->file, at, col, "%s", say ? say : msg);
}

/*
 * 1 when TEXT (LEN bytes) has a line that ends in CR LF, and then its
 * copy with those CRs removed in OUT; 0 when it has none.
 */
int catalog_to_lf(const char *text, size_t len, struct buf *out)
{
	size_t i, from = 0;
	int found = 0;

	/* Most files have no CR at all. */
	if (!memchr(text, '\r', len))
		return 0;
	for (i = 1; i < len; i++)
		if (text[i] == '\n' && text[i - 1] == '\r') {
			if (!found)
				buf_grow(out, len);
			buf_add(out, text + from, i - 1 - from);
			from = i;
			found = 1;
		}
	if (found)
		buf_add(out, text + from, len - from);
	return found;
}
