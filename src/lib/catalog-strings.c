/*
 * catalog: the strings of a PO text, read as gettext's lexer reads them
 * but without building them, before a parser sees the text: what gettext
 * would cut (an escaped NUL byte), what no document could hold, and what
 * its lexer would read in time that grows with the square of the length.
 * See catalog-impl.h; catalog.c reads the text that is left.
 */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog-impl.h"

/*
 * The longest translation a localized document may hold: libxml2's limit
 * on one text (XML_MAX_TEXT_LENGTH without XML_PARSE_HUGE).
 */
#define MAX_TRANSLATION 10000000

/*
 * gettext's lexer grows a string 100 bytes at a time, and a reallocation
 * may copy it whole: a translation of megabytes takes it minutes (hours
 * under a memory checker).  One longer than this reaches libgettextpo
 * empty, and is given back to its message once read (see catalog_give_back).
 */
#define LONG_TRANSLATION 65536

/* One keyword's string (msgctxt, msgid, msgstr[1]...) with its continuation lines. */
struct po_string {
	const char *keyword; /* in the text; NULL when no string is open */
	size_t keyword_len;
	long line; /* of the keyword */
	long nul_line; /* of an escape that makes a NUL byte, or 0 */
	int odd_escape; /* an escape gettext's lexer does not take (it reports it) */
	size_t length; /* bytes once escapes are decoded */
	size_t end; /* where its last line ends in the text */
	long entry_line; /* the line of its entry's msgid keyword (for msgstr) */
};

/* A long translation taken out of the text for libgettextpo (catalog_give_back). */
struct long_string {
	long entry_line;
	int form; /* N of msgstr[N], or -1 for msgstr */
	size_t from, to; /* the string's lines in the text, from after its keyword */
};

/* The value of the escape at P (after its backslash), its last byte in *LAST; -1 if odd. */
static long escape_value(const char *p, const char *end, const char **last)
{
	static const char simple[] = "ntbrfva\\\"";
	static const char value[] = "\n\t\b\r\f\v\a\\\"";
	const char *at = strchr(simple, *p);
	long v = 0;
	int k;

	*last = p;
	if (*p && at)
		return (unsigned char)value[at - simple];
	if (*p >= '0' && *p <= '7') {
		for (k = 0; k < 3 && p < end && *p >= '0' && *p <= '7'; k++, p++)
			v = v * 8 + (*p - '0');
		*last = p - 1;
		return v % 256;
	}
	if (*p == 'x' && p + 1 < end && isxdigit((unsigned char)p[1])) {
		for (p++; p < end && isxdigit((unsigned char)*p); p++)
			v = (v * 16 + (isdigit((unsigned char)*p)
			                   ? *p - '0'
			                   : tolower((unsigned char)*p) - 'a' + 10)) %
			    256;
		*last = p - 1;
		return v;
	}
	return -1;
}

/*
 * Reads the quoted string that starts at P (a '"' on a line ending at
 * END) into S, as gettext's lexer reads it: its length, any NUL byte an
 * escape makes (\0, \400 and \x100 are all the byte 0, where every string
 * then stops) and any escape the lexer does not take; and its bytes into
 * OUT, when given.
 */
static void add_quoted(struct po_string *s, const char *p, const char *end, long line,
                       struct buf *out)
{
	for (p++; p < end && *p != '"'; p++) {
		long value = (unsigned char)*p;

		if (*p == '\\' && p + 1 < end) {
			value = escape_value(p + 1, end, &p);
			if (value < 0) {
				s->odd_escape = 1;
				value = (unsigned char)*p;
			}
		}
		if (value == 0 && !s->nul_line)
			s->nul_line = line;
		if (out)
			buf_addc(out, (char)value);
		s->length++;
	}
}

/* The keyword a PO line starts with ("msgstr[2]"), its length in *LEN; NULL. */
static const char *line_keyword(const char *p, const char *end, size_t *len)
{
	static const char *const keywords[] = { "msgctxt", "msgid_plural", "msgid", "msgstr" };
	size_t i, n;

	for (i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
		n = strlen(keywords[i]);
		if ((size_t)(end - p) > n && memcmp(p, keywords[i], n) == 0)
			break;
	}
	if (i == sizeof keywords / sizeof keywords[0])
		return NULL;
	if (i == 3) {
		/* msgstr[N], or msgstr [N]: the lexer takes '[' as a token of its own. */
		size_t k = n;

		while (p + k < end && (p[k] == ' ' || p[k] == '\t'))
			k++;
		if (p + k < end && p[k] == '[') {
			n = k;
			while (p + n < end && p[n] != ']')
				n++;
			n++;
		}
	}
	if (p + n >= end || (p[n] != ' ' && p[n] != '\t' && p[n] != '"'))
		return NULL;
	*len = n;
	return p;
}

/*
 * The quoted strings of the lines [FROM, TO) of TEXT, one on each line
 * (the first after its keyword), read into S and their bytes into OUT.
 */
static void each_quoted(const char *text, size_t from, size_t to, struct po_string *s,
                        struct buf *out)
{
	long line = s->line;

	while (from < to) {
		const char *eol = memchr(text + from, '\n', to - from);
		size_t stop = eol ? (size_t)(eol - text) : to;
		const char *quote = memchr(text + from, '"', stop - from);

		if (quote)
			add_quoted(s, quote, text + stop, line, out);
		from = stop + 1;
		line++;
	}
}

/*
 * Copies into FOUND->clean the text up to the string on the lines [FROM,
 * TO) of TEXT (FROM just after its keyword), and that string made empty:
 * "" on each of its lines, which keep their place.
 */
static void empty_string(struct po_strings *found, const char *text, size_t from, size_t to)
{
	buf_add(&found->clean, text + found->copied, from - found->copied);
	while (from < to) {
		const char *eol = memchr(text + from, '\n', to - from);
		size_t stop = eol ? (size_t)(eol - text) : to;
		const char *quote = memchr(text + from, '"', stop - from);

		if (quote) {
			buf_add(&found->clean, text + from, (size_t)(quote - text) - from);
			buf_adds(&found->clean, "\"\"");
		}
		if (eol && stop < to)
			buf_addc(&found->clean, '\n');
		from = stop + 1;
	}
	found->copied = to;
	found->emptied = 1;
}

/*
 * Judges the string S of TEXT, the catalog NAME, once it is complete.  An
 * escape that makes a NUL byte is an error, and the catalog is refused;
 * but a LEAN read (for the translations, never written back) refuses
 * only that translation, and also one longer than MAX_TRANSLATION: its
 * msgid line goes to FOUND->rejected.  Otherwise a translation longer
 * than LONG_TRANSLATION is taken out, to be given back (FOUND->taken).
 * What is refused or taken out is emptied in FOUND->clean, a copy of
 * TEXT (empty_string).  Returns 0, or -1 when the catalog is refused.
 */
static int judge_string(struct po_string *s, const char *text, const char *name, int lean,
                        struct po_strings *found, struct diag *d)
{
	int msgstr = s->keyword_len >= 6 && memcmp(s->keyword, "msgstr", 6) == 0;
	size_t from = (size_t)(s->keyword - text) + s->keyword_len;
	const char *outcome = lean && msgstr ? ": the translation is rejected, and the source "
	                                       "text shown instead"
	                                     : "";
	int refused = 1;

	if (s->nul_line) {
		diag_report(d, DIAG_ERROR, name, s->nul_line, 0,
		            "%.*s holds an escaped NUL byte (\\0), where gettext would cut the "
		            "text%s",
		            (int)s->keyword_len, s->keyword, outcome);
		if (!lean || !msgstr)
			return -1;
	} else if (!msgstr) {
		return 0;
	} else if (lean && s->length > MAX_TRANSLATION) {
		diag_report(d, DIAG_ERROR, name, s->line, 0,
		            "a translation of %zu bytes, more than the %d that libxml2 allows in "
		            "one text%s",
		            s->length, MAX_TRANSLATION, outcome);
	} else if (s->length > LONG_TRANSLATION && !s->odd_escape) {
		struct long_string taken;

		taken.entry_line = s->entry_line;
		taken.form = memchr(s->keyword, '[', s->keyword_len)
		                 ? atoi((const char *)memchr(s->keyword, '[', s->keyword_len) + 1)
		                 : -1;
		taken.from = from;
		taken.to = s->end;
		buf_add(&found->taken, (const char *)&taken, sizeof taken);
		refused = 0;
	} else {
		return 0;
	}
	if (refused)
		buf_add(&found->rejected, (const char *)&s->entry_line, sizeof s->entry_line);
	empty_string(found, text, from, s->end);
	return 0;
}

/*
 * Reads the strings of the PO text TEXT (LEN bytes, UTF-8) as gettext's
 * lexer would, without building them: a keyword's string and its
 * continuation lines, also in "#~" obsolete and "#|" previous entries;
 * each is judged (judge_string) into FOUND.  Linear in LEN.  Returns 0,
 * or -1 after reporting why the catalog is refused.
 */
int catalog_screen_strings(const char *text, size_t len, const char *name, int lean,
                           struct po_strings *found, struct diag *d)
{
	const char *p = text, *end = text + len;
	struct po_string s;
	long line = 1, msgid_line = 0;
	int rc = 0;

	memset(&s, 0, sizeof s);
	for (;;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *lend = eol ? eol : end, *q = p;
		size_t keyword_len = 0;
		int previous = 0;

		while (q < lend && (*q == ' ' || *q == '\t'))
			q++;
		if (q + 1 < lend && q[0] == '#' && (q[1] == '~' || q[1] == '|')) {
			previous = q[1] == '|' || (q + 2 < lend && q[2] == '|');
			q += previous && q[1] == '~' ? 3 : 2;
			while (q < lend && (*q == ' ' || *q == '\t'))
				q++;
		} else if (q < lend && *q == '#') {
			q = lend; /* a comment holds no string */
		}
		if (q < lend && *q == '"' && s.keyword) {
			add_quoted(&s, q, lend, line, NULL);
			s.end = (size_t)(lend - text);
		} else {
			/* The open string, if any, ends before this line. */
			if (s.keyword && judge_string(&s, text, name, lean, found, d) != 0)
				rc = -1;
			memset(&s, 0, sizeof s);
			if (q < lend && (s.keyword = line_keyword(q, lend, &keyword_len)) != NULL) {
				const char *quote =
				    memchr(q + keyword_len, '"', (size_t)(lend - q) - keyword_len);

				if (!previous && keyword_len == 5 && memcmp(q, "msgid", 5) == 0)
					msgid_line = line;
				s.keyword_len = keyword_len;
				s.line = line;
				s.entry_line = msgid_line;
				s.end = (size_t)(lend - text);
				if (quote)
					add_quoted(&s, quote, lend, line, NULL);
			}
		}
		if (!eol)
			break;
		p = eol + 1;
		line++;
	}
	if (s.keyword && judge_string(&s, text, name, lean, found, d) != 0)
		rc = -1;
	if (found->emptied)
		buf_add(&found->clean, text + found->copied, len - found->copied);
	return rc;
}

/* In time linear in the length of TEXT. */
int catalog_give_back(struct catalog *cat, const char *text, const struct po_strings *found,
                      struct diag *d)
{
	const struct long_string *taken = (const void *)found->taken.data;
	size_t n = found->taken.len / sizeof *taken, i, k;

	for (k = 0; k < n; k++) {
		struct po_string s;
		struct buf value = BUF_INIT;
		struct catalog_msg *m = NULL;

		if (cat->header && cat->header_line == taken[k].entry_line)
			m = cat->header;
		for (i = 0; !m && i < cat->count; i++)
			if (cat->msgs[i]->pm.line == taken[k].entry_line)
				m = cat->msgs[i];
		if (!m)
			return diag_error(d, cat->name, taken[k].entry_line, 0,
			                  "cannot place a translation of this message again");
		memset(&s, 0, sizeof s);
		each_quoted(text, taken[k].from, taken[k].to, &s, &value);
		if (taken[k].form < 0)
			catalog_msg_set_str(m, buf_str(&value));
		else
			catalog_msg_set_str_plural(m, taken[k].form, buf_str(&value));
		buf_release(&value);
	}
	return 0;
}

void catalog_mark_rejected(struct catalog *cat, const struct buf *rejected)
{
	const long *lines = (const long *)(const void *)rejected->data;
	size_t n = rejected->len / sizeof *lines, i, k;

	for (i = 0; n && i < cat->count; i++)
		for (k = 0; k < n; k++)
			if (cat->msgs[i]->pm.line && cat->msgs[i]->pm.line == lines[k])
				cat->msgs[i]->rejected = 1;
}

/* The first line of the header text HEADER that is no "Name: value" field (*LEN bytes), or NULL. */
static const char *stray_header_line(const char *header, size_t *len)
{
	const char *p = header;

	while (*p) {
		size_t n = strcspn(p, "\n"), name = strcspn(p, ": \t\n");

		if (n > 0 && (name == 0 || name >= n || p[name] != ':')) {
			*len = n;
			return p;
		}
		p += n;
		if (*p)
			p++;
	}
	return NULL;
}

/*
 * Merged as it is, a catalog whose msgids were damaged would lose those
 * translations or write them where no msgid of the template is.
 */
int catalog_check_msgids(const struct catalog *cat, struct diag *d)
{
	const char *stray;
	size_t i, len;
	int rc = 0;

	if (cat->header && (stray = stray_header_line(catalog_msg_str(cat->header), &len))) {
		rc = diag_error(
		    d, cat->name, cat->header_line, 0,
		    "the header (the entry whose msgid is empty) holds \"%.*s\", which "
		    "is no \"Name: value\" field: a translation whose msgid was emptied?",
		    (int)(len > 60 ? 60 : len), stray);
	}
	for (i = 0; i < cat->count; i++)
		if (cat->msgs[i]->pm.id[0] == '\0')
			rc =
			    diag_error(d, cat->name, cat->msgs[i]->pm.line, 0,
			               "an empty msgid, which only the header may have: the msgids "
			               "were damaged, and this translation belongs to no message");
	return rc;
}
