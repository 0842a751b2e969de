/*
 * catalog: PO files through libgettextpo.  See catalog.h.
 *
 * Two things libgettextpo's API lacks are supplied here:
 *
 * - Where each message is in the file, and whether it is "no-wrap": a scan
 *   of the file's lines finds the line of every msgid keyword and the flag
 *   comment before it, in the order libgettextpo lists the messages.
 *
 * - Setting "no-wrap" on a message: the library can only set format flags.
 *   A message to be marked is given a format flag no catalog of ours uses
 *   (SENTINEL_FORMAT); the written text has that flag renamed, is read back
 *   by libgettextpo and written again, so the bytes are still gettext's.
 *
 * libgettextpo writes to a named file and does not report write errors, so
 * it writes into memory (a memfd); the bytes are then copied to the real
 * destination through atomic.h, where every error is caught.
 */
#include <config.h>

#include "catalog.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gettext-po.h>

#include "atomic.h"
#include "buf.h"
#include "file.h"
#include "mem.h"
#include "uni.h"

/* A format type of gettext's that no XML catalog carries. */
#define SENTINEL_FORMAT "ycp-format"

struct catalog_msg {
	po_message_t po;
	long line; /* line of the msgid keyword in the file read, or 0 */
	int no_wrap; /* what the file should say */
	int po_no_wrap; /* what libgettextpo believes */
	int rejected; /* its translation was refused when read (catalog_msg_rejected) */
	char *comments, *extracted; /* caches, see catalog_msg_comments */
};

struct catalog {
	char *name;
	po_file_t file;
	po_message_iterator_t end; /* positioned after the last message */
	po_message_t header;
	long header_line; /* line of the header's msgid in the file read, or 0 */
	struct catalog_msg **msgs;
	size_t count, alloc;
	char parsed_as[64]; /* the name libgettextpo read the file under */
	char *charset; /* the file's charset when not UTF-8 (held as UTF-8), or NULL */
	char *header_comments; /* what catalog_header_comments gave, until they change */
	int crlf; /* the file read had CRLF line endings */
};

/* --- Errors ---------------------------------------------------------------- */

/* libgettextpo's handler is global; these say where its reports go. */
static struct diag *report_diag;
static const char *report_id;
static const char *report_alias_from; /* a temporary file name to hide... */
static const char *report_alias_to; /* ...behind the name the user gave */
static jmp_buf *report_jump;

/*
 * While a file is read, its first error is held here rather than reported:
 * after a syntax error libgettextpo reports a cascade that only confuses,
 * and its words ("keyword "Samen" unknown") are a parser's.  read_po
 * reports the first one in a translator's words (explain_error).
 */
struct first_error {
	int held; /* an error is held */
	char *file;
	long line, col;
	char *text;
	unsigned long more; /* errors after it */
};
static struct first_error *report_first;

static const char *report_file(const char *filename)
{
	if (filename && report_alias_from && strcmp(filename, report_alias_from) == 0)
		return report_alias_to;
	return filename;
}

/* Set by catalog_check: what it runs the library's checks on, and how. */
static const struct catalog *report_cat;
static int report_header_bad; /* catalog_nplurals refused the header: said once */

/*
 * The line of the message M of report_cat (0: unknown).  libgettextpo's
 * checks name messages, not their lines, for the catalog as a whole.
 */
static long line_of(po_message_t m)
{
	size_t i;

	if (!report_cat || !m)
		return 0;
	if (m == report_cat->header)
		return report_cat->header_line;
	for (i = 0; i < report_cat->count; i++)
		if (report_cat->msgs[i]->po == m)
			return report_cat->msgs[i]->line;
	return 0;
}

static void report(int severity, po_message_t message, const char *filename, size_t lineno,
                   size_t column, const char *text)
{
	long line = lineno == (size_t)-1 ? 0 : (long)lineno;
	long col = column == (size_t)-1 ? 0 : (long)column;

	if (!filename && report_cat && message) {
		filename = report_cat->name;
		line = line_of(message);
		col = 0;
	} else if (!filename) {
		line = col = 0;
	}
	if (report_first && severity != PO_SEVERITY_WARNING) {
		if (report_first->held) {
			report_first->more++;
		} else {
			report_first->held = 1;
			report_first->file =
			    xstrdup(report_file(filename) ? report_file(filename) : "");
			report_first->line = line;
			report_first->col = col;
			report_first->text = xstrdup(text);
		}
		return;
	}
	diag_report_id(report_diag, severity == PO_SEVERITY_WARNING ? DIAG_WARNING : DIAG_ERROR,
	               report_id, report_file(filename), line, col, "%s", text);
}

/*
 * What catalog_check says better itself (see check_plural_counts): the
 * count of plural forms, message by message, and a header whose nplurals
 * it refused.
 */
static int said_better(const char *text, int pair)
{
	if (pair)
		return strncmp(text, "nplurals = ", 11) == 0;
	return report_header_bad && (strncmp(text, "nplurals = ", 11) == 0 ||
	                             strncmp(text, "invalid nplurals value", 22) == 0);
}

static void on_xerror(int severity, po_message_t message, const char *filename, size_t lineno,
                      size_t column, int multiline_p, const char *message_text)
{
	(void)multiline_p;
	if (!said_better(message_text, 0))
		report(severity, message, filename, lineno, column, message_text);
	/* The library must not continue after a fatal error. */
	if (severity == PO_SEVERITY_FATAL_ERROR)
		longjmp(*report_jump, 1);
}

static void on_xerror2(int severity, po_message_t message1, const char *filename1, size_t lineno1,
                       size_t column1, int multiline_p1, const char *message_text1,
                       po_message_t message2, const char *filename2, size_t lineno2, size_t column2,
                       int multiline_p2, const char *message_text2)
{
	struct buf text = BUF_INIT;
	long line2 = filename2 ? (lineno2 == (size_t)-1 ? 0 : (long)lineno2) : line_of(message2);

	(void)multiline_p1;
	(void)multiline_p2;
	(void)column2;
	if (!filename2 && report_cat && message2)
		filename2 = report_cat->name;
	/* One diagnostic: "duplicate message definition (first at x.po:3)". */
	buf_adds(&text, message_text1);
	if (filename2 && line2 > 0)
		buf_addf(&text, " (%s at %s:%ld)", message_text2, report_file(filename2), line2);
	else if (report_cat)
		buf_addf(&text, " (%s)", message_text2);
	if (!said_better(message_text1, 1))
		report(severity, message1, filename1, lineno1, column1, buf_str(&text));
	buf_release(&text);
	if (severity == PO_SEVERITY_FATAL_ERROR)
		longjmp(*report_jump, 1);
}

static const struct po_xerror_handler handler = { on_xerror, on_xerror2 };

/* --- Memory files ---------------------------------------------------------- */

/*
 * A file that lives in memory, with a path libgettextpo can open.  Returns
 * the descriptor and fills PATH, or -1.
 */
static int memfile_open(char *path, size_t size)
{
	int fd = -1;

#ifdef MFD_CLOEXEC
	fd = memfd_create("traduki-catalog", 0);
#endif
	if (fd < 0) {
		FILE *fp = tmpfile();

		if (fp)
			fd = dup(fileno(fp));
		if (fp)
			fclose(fp);
	}
	if (fd >= 0)
		snprintf(path, size, "/proc/self/fd/%d", fd);
	return fd;
}

/* Reads everything from FD (from its start) into OUT. */
static int memfile_slurp(int fd, struct buf *out)
{
	char chunk[65536];
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	buf_truncate(out, 0);
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(out, chunk, (size_t)n);
	return n < 0 ? -1 : 0;
}

static int memfile_fill(int fd, const char *data, size_t len)
{
	if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return lseek(fd, 0, SEEK_SET) < 0 ? -1 : 0;
}

/* --- Building the message table ------------------------------------------- */

static struct catalog_msg *add_wrapper(struct catalog *cat, po_message_t po)
{
	struct catalog_msg *m = xcalloc(1, sizeof *m);

	m->po = po;
	xgrow((void **)&cat->msgs, &cat->alloc, cat->count + 1, sizeof *cat->msgs);
	cat->msgs[cat->count++] = m;
	return m;
}

static int is_header(po_message_t m)
{
	return po_message_msgid(m)[0] == '\0' && !po_message_msgctxt(m) &&
	       !po_message_is_obsolete(m);
}

/* Where each entry is: the line of its msgid keyword, and its no-wrap flag. */
struct entry_pos {
	long line;
	int no_wrap;
};

/*
 * Scans the lines of a PO file for "msgid " and "#~ msgid " keywords (no
 * continuation line can start with them) and the "#," flag lines before.
 * This reads positions, not contents: libgettextpo parses the file.
 */
static struct entry_pos *scan_entries(const char *text, size_t len, size_t *count)
{
	struct entry_pos *pos = NULL;
	size_t n = 0, alloc = 0;
	const char *p = text, *end = text + len;
	long line = 1;
	int pending_no_wrap = 0;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t l = eol ? (size_t)(eol - p) : (size_t)(end - p);

		if (l >= 2 && p[0] == '#' && p[1] == ',') {
			const char *f = p + 2;

			while (f + 7 <= p + l) {
				if (memcmp(f, "no-wrap", 7) == 0 &&
				    (f[-1] == ' ' || f[-1] == ',') &&
				    (f + 7 == p + l || f[7] == ',' || f[7] == ' ' ||
				     f[7] == '\r')) {
					pending_no_wrap = 1;
					break;
				}
				f++;
			}
		} else if ((l >= 6 && memcmp(p, "msgid ", 6) == 0) ||
		           (l >= 9 && memcmp(p, "#~ msgid ", 9) == 0)) {
			xgrow((void **)&pos, &alloc, n + 1, sizeof *pos);
			pos[n].line = line;
			pos[n].no_wrap = pending_no_wrap;
			n++;
			pending_no_wrap = 0;
		} else if (l == 0 || (l == 1 && p[0] == '\r')) {
			pending_no_wrap = 0;
		}
		line++;
		p = eol ? eol + 1 : end;
	}
	*count = n;
	return pos;
}

static void forget_comments(struct catalog_msg *m)
{
	free(m->comments);
	free(m->extracted);
	m->comments = m->extracted = NULL;
}

/*
 * Fills CAT's table from its po_file.  With POS (COUNT entries), gives each
 * message its line and no-wrap flag, provided the counts agree.  With
 * REUSE, the existing wrappers are kept (same messages, same order) and
 * only pointed at the new file's messages.
 */
static void index_messages(struct catalog *cat, const struct entry_pos *pos, size_t count,
                           int reuse)
{
	po_message_iterator_t it = po_message_iterator(cat->file, NULL);
	po_message_t po;
	size_t k = 0, i = 0;
	size_t total = 0;

	/* First pass: do the positions line up with the messages? */
	while (po_next_message(it))
		total++;
	po_message_iterator_free(it);
	if (total != count)
		pos = NULL;

	cat->header = NULL;
	it = po_message_iterator(cat->file, NULL);
	while ((po = po_next_message(it)) != NULL) {
		struct catalog_msg *m;

		if (!cat->header && is_header(po)) {
			cat->header = po;
			if (pos)
				cat->header_line = pos[k].line;
			k++;
			continue;
		}
		if (reuse) {
			m = cat->msgs[i++];
			m->po = po;
			forget_comments(m);
		} else {
			m = add_wrapper(cat, po);
		}
		if (pos) {
			m->line = reuse ? m->line : pos[k].line;
			m->no_wrap = m->po_no_wrap = pos[k].no_wrap;
		}
		k++;
	}
	po_message_iterator_free(it);

	/* Appending happens at the end of the list. */
	if (cat->end)
		po_message_iterator_free(cat->end);
	cat->end = po_message_iterator(cat->file, NULL);
	while (po_next_message(cat->end))
		;
}

/* --- Reading --------------------------------------------------------------- */

/*
 * 1 when TEXT may be read byte by byte: valid UTF-8 (in which no
 * character holds a byte that PO syntax gives a meaning to) and declared
 * so, or plain ASCII.
 */
static int find_charset(const char *text, size_t len, const char **at, size_t *n);

static int reads_as_bytes(const char *text, size_t len)
{
	const char *charset;
	size_t pos = 0, n;
	int ascii = 1;

	while (pos < len) {
		if ((unsigned char)text[pos] < 0x80) {
			pos++;
			continue;
		}
		ascii = 0;
		if (uni_next(text, len, &pos) < 0)
			return 0;
	}
	return ascii || (find_charset(text, len, &charset, &n) && n == 5 &&
	                 strncasecmp(charset, "UTF-8", 5) == 0);
}

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
			if (line[i] == '[')
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

	while (i < n && line[i] != '#') {
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
static void explain_error(const char *text, size_t len, const struct first_error *e, struct diag *d)
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
 * Has libgettextpo read the file at PATH, as coming from NAME, whose text
 * is TEXT (LEN bytes); the first error goes to D (explain_error), the
 * errors that follow from it are left out.  With BYTES, its lexer reads
 * bytes instead of running iconv on every character to find where each
 * one ends (OLD_PO_FILE_INPUT, meant for an old format, does that); see
 * parse_text.
 */
static po_file_t read_po(const char *path, const char *name, const char *text, size_t len,
                         int bytes, struct diag *d)
{
	jmp_buf jump;
	po_file_t file = NULL;
	struct first_error first = { 0 };

	if (bytes)
		setenv("OLD_PO_FILE_INPUT", "1", 1);
	report_diag = d;
	report_id = NULL;
	report_alias_from = path;
	report_alias_to = name;
	report_jump = &jump;
	report_first = &first;
	if (setjmp(jump) == 0)
		file = po_file_read(path, &handler);
	else
		file = NULL; /* a fatal error: what was read is lost to the library */
	report_first = NULL;
	report_alias_from = report_alias_to = NULL;
	report_jump = NULL;
	if (bytes)
		unsetenv("OLD_PO_FILE_INPUT");
	if (first.held) {
		explain_error(text, len, &first, d);
		free(first.file);
		free(first.text);
	}
	return file;
}

/*
 * The lines of TEXT (LEN bytes) but the "#:" references, "#." extracted
 * comments and "#|" previous msgids, into OUT: what a reader of
 * translations needs, and a sixth less for libgettextpo to read.
 */
static void strip_comments(const char *text, size_t len, struct buf *out)
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

/*
 * Has libgettextpo read TEXT (LEN bytes) and returns its po_file, or NULL
 * after reporting errors (as coming from NAME) to D.  With LEAN, the
 * comments strip_comments leaves out may be left out.
 *
 * Finding character boundaries with iconv is three quarters of
 * libgettextpo's reading time, and valid UTF-8 does not need it: no byte
 * of a multibyte character is a quote, a backslash or a newline, so a
 * read by bytes gives the same strings.  Only the columns of diagnostics
 * would differ (bytes, not characters), and invalid sequences would go
 * unreported: a file that is not valid UTF-8 is read the usual way, and
 * so is one whose fast read had anything to say (whose lines, too, are
 * then the file's own).
 */
static po_file_t parse_text_as(const char *text, size_t len, int lean, const char *name, char *path,
                               struct diag *d)
{
	po_file_t file = NULL;
	unsigned long errors_before = diag_count(d, DIAG_ERROR);
	int fd = memfile_open(path, 64), filled = 0;

	if (fd >= 0 && reads_as_bytes(text, len)) {
		struct buf shorter = BUF_INIT;
		struct diag quiet;

		if (lean)
			strip_comments(text, len, &shorter);
		diag_init(&quiet, NULL, NULL);
		if (lean ? memfile_fill(fd, buf_str(&shorter), shorter.len) == 0
		         : (filled = memfile_fill(fd, text, len) == 0))
			file = read_po(path, name, lean ? buf_str(&shorter) : text,
			               lean ? shorter.len : len, 1, &quiet);
		if (file && (diag_count(&quiet, DIAG_ERROR) || diag_count(&quiet, DIAG_WARNING))) {
			po_file_free(file);
			file = NULL;
		}
		buf_release(&shorter);
	}
	if (!file) {
		if (fd < 0 || (!filled && memfile_fill(fd, text, len) != 0)) {
			diag_report(d, DIAG_ERROR, name, 0, 0, "cannot buffer the catalog: %s",
			            strerror(errno));
			if (fd >= 0)
				close(fd);
			return NULL;
		}
		file = read_po(path, name, text, len, 0, d);
	}
	close(fd);

	if (file && diag_count(d, DIAG_ERROR) != errors_before) {
		po_file_free(file);
		file = NULL;
	}
	if (!file && diag_count(d, DIAG_ERROR) == errors_before)
		diag_report(d, DIAG_ERROR, name, 0, 0, "cannot read the catalog");
	return file;
}

static po_file_t parse_text(const char *text, size_t len, const char *name, char *path,
                            struct diag *d)
{
	return parse_text_as(text, len, 0, name, path, d);
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
static int is_utf8_name(const char *cs)
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
static int find_charset(const char *text, size_t len, const char **at, size_t *n)
{
	static const char key[] = "charset=";
	const char *p = text, *end = text + len;
	int in_header = 0;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t l = eol ? (size_t)(eol - p) : (size_t)(end - p);

		if (!in_header) {
			/* msgid "" then msgstr: a msgid that only starts with ""
			 * goes on in the next line. */
			const char *next = eol ? eol + 1 : end;

			if (eol && l >= 8 && memcmp(p, "msgid \"\"", 8) == 0 &&
			    strspn(p + 8, " \t\r") == l - 8 && (size_t)(end - next) >= 6 &&
			    memcmp(next, "msgstr", 6) == 0)
				in_header = 1;
		} else if (l == 0 || (l >= 6 && memcmp(p, "msgid ", 6) == 0)) {
			return 0; /* the header entry ended without a charset */
		} else {
			const char *q = p, *lend = p + l;

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
static long line_at(const char *text, size_t offset)
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
static int convert(const char *text, size_t len, const char *from, const char *to, struct buf *out,
                   const char *name, struct diag *d)
{
	iconv_t cd = iconv_open(to, from);
	char *in = (char *)text;
	size_t left = len;

	buf_truncate(out, 0);
	if (cd == (iconv_t)-1) {
		diag_report(d, DIAG_ERROR, name, 0, 0, "cannot convert between %s and %s: %s", from,
		            to, strerror(errno));
		return -1;
	}
	while (left > 0) {
		char chunk[4096], *o = chunk;
		size_t room = sizeof chunk;
		size_t rc = iconv(cd, &in, &left, &o, &room);

		buf_add(out, chunk, sizeof chunk - room);
		if (rc == (size_t)-1 && errno != E2BIG) {
			diag_report(d, DIAG_ERROR, name, line_at(text, (size_t)(in - text)), 0,
			            "%s in %s: cannot convert to %s",
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
static int set_charset(struct buf *text, const char *charset)
{
	const char *at;
	size_t n, offset;
	struct buf out = BUF_INIT;

	if (!find_charset(buf_str(text), text->len, &at, &n))
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
 * The first field of PO that is not valid (see valid), by its keyword,
 * or "#: reference" for a file name gettext cannot write back; NULL.
 */
static const char *bad_field(po_message_t po, int ascii)
{
	po_filepos_t pos;
	const char *s;
	int j;

	if (!valid(po_message_msgctxt(po), ascii))
		return "msgctxt";
	if (!valid(po_message_msgid(po), ascii))
		return "msgid";
	if (!valid(po_message_msgid_plural(po), ascii))
		return "msgid_plural";
	if (!po_message_msgid_plural(po) && !valid(po_message_msgstr(po), ascii))
		return "msgstr";
	for (j = 0; po_message_msgid_plural(po) && (s = po_message_msgstr_plural(po, j)); j++)
		if (!valid(s, ascii))
			return "msgstr[]";
	if (!valid(po_message_prev_msgctxt(po), ascii) ||
	    !valid(po_message_prev_msgid(po), ascii) ||
	    !valid(po_message_prev_msgid_plural(po), ascii))
		return "#| previous string";
	/* gettext writes "#: dir\" and reads the backslash back as a line
	 * continuation (msgcat cannot read what it wrote either). */
	for (j = 0; (pos = po_message_filepos(po, j)) != NULL; j++) {
		size_t len = strlen(po_filepos_file(pos));

		if (len > 0 && po_filepos_file(pos)[len - 1] == '\\')
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
static int check_strings(const struct catalog *cat, int ascii, struct diag *d)
{
	const char *bad = NULL;
	long line = 0;
	size_t i;

	if (cat->header && (bad = bad_field(cat->header, ascii)) != NULL)
		line = cat->header_line;
	for (i = 0; !bad && i < cat->count; i++)
		if ((bad = bad_field(cat->msgs[i]->po, ascii)) != NULL)
			line = cat->msgs[i]->line;
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
 * must be UTF-8 now: otherwise the scan of the text (find_charset) saw
 * another name than libgettextpo, and what it would write could not be
 * read back.  Without a charset (or with POT's placeholder "CHARSET"),
 * libgettextpo takes the text for ASCII and drops any other character
 * when it writes: such a catalog must be ASCII, as msgcat requires.
 * Returns 0, 1 when the catalog must be ASCII, or -1 after reporting.
 */
static int check_charset(const struct catalog *cat, struct diag *d)
{
	/* Found as libgettextpo finds it: anywhere in the header. */
	const char *cs = cat->header ? strstr(po_message_msgstr(cat->header), "charset=") : NULL;
	char *name;
	int rc = 0;

	if (!cs)
		return 1;
	name = xstrndup(cs + 8, strcspn(cs + 8, " \t\n"));
	if (strcasecmp(name, "CHARSET") == 0) {
		rc = 1;
	} else if (!is_utf8_name(name)) {
		diag_report(d, DIAG_ERROR, cat->name, cat->header_line, 0,
		            "the header's charset '%s' is unknown: cannot read the catalog", name);
		rc = -1;
	}
	free(name);
	return rc;
}

/* 0, or -1 after reporting the first byte of TEXT that is not ASCII. */
static int check_ascii(const char *text, size_t len, const char *name, struct diag *d)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)text[i] >= 0x80) {
			diag_report(
			    d, DIAG_ERROR, name, line_at(text, i), 0,
			    "a character that is not ASCII, but the header names no charset "
			    "(Content-Type: text/plain; charset=UTF-8)");
			return -1;
		}
	return 0;
}

/*
 * 1 when TEXT (LEN bytes) has a line that ends in CR LF, and then its
 * copy with those CRs removed in OUT; 0 when it has none.
 */
static int to_lf(const char *text, size_t len, struct buf *out)
{
	size_t i, from = 0;
	int found = 0;

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

/* --- Strings gettext would cut, or read in time that grows with its square -- */

/*
 * The longest translation a localized document may hold: libxml2's limit
 * on one text (XML_MAX_TEXT_LENGTH without XML_PARSE_HUGE).
 */
#define MAX_TRANSLATION 10000000

/*
 * gettext's lexer grows a string 100 bytes at a time, and a reallocation
 * may copy it whole: a translation of megabytes takes it minutes (hours
 * under a memory checker).  One longer than this reaches libgettextpo
 * empty, and is given back to its message once read (see give_back).
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

/* A long translation taken out of the text for libgettextpo (give_back). */
struct long_string {
	long entry_line;
	int form; /* N of msgstr[N], or -1 for msgstr */
	size_t from, to; /* the string's lines in the text, from after its keyword */
};

/* What check_po_strings found in a text, for read_text. */
struct po_strings {
	struct buf clean; /* the text with some msgstr emptied, when EMPTIED */
	int emptied;
	size_t copied; /* how much of the text CLEAN has so far */
	struct buf rejected; /* longs: the msgid lines of translations refused */
	struct buf taken; /* struct long_string: translations to give back */
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
static int check_po_strings(const char *text, size_t len, const char *name, int lean,
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

/*
 * Gives back to the messages of CAT the long translations check_po_strings
 * took out of TEXT (FOUND->taken): libgettextpo copies each, in time
 * linear in its length.  Returns 0, or -1 after reporting one whose
 * message cannot be found (it would be lost).
 */
static int give_back(struct catalog *cat, const char *text, const struct po_strings *found,
                     struct diag *d)
{
	const struct long_string *taken = (const void *)found->taken.data;
	size_t n = found->taken.len / sizeof *taken, i, k;

	for (k = 0; k < n; k++) {
		struct po_string s;
		struct buf value = BUF_INIT;
		po_message_t po = NULL;

		if (cat->header && cat->header_line == taken[k].entry_line)
			po = cat->header;
		for (i = 0; !po && i < cat->count; i++)
			if (cat->msgs[i]->line == taken[k].entry_line)
				po = cat->msgs[i]->po;
		if (!po) {
			diag_report(d, DIAG_ERROR, cat->name, taken[k].entry_line, 0,
			            "cannot place a translation of this message again");
			return -1;
		}
		memset(&s, 0, sizeof s);
		each_quoted(text, taken[k].from, taken[k].to, &s, &value);
		if (taken[k].form < 0)
			po_message_set_msgstr(po, buf_str(&value));
		else
			po_message_set_msgstr_plural(po, taken[k].form, buf_str(&value));
		buf_release(&value);
	}
	return 0;
}

/* Marks the messages whose msgid is at one of the lines in REJECTED (longs). */
static void mark_rejected(struct catalog *cat, const struct buf *rejected)
{
	const long *lines = (const long *)(const void *)rejected->data;
	size_t n = rejected->len / sizeof *lines, i, k;

	for (i = 0; n && i < cat->count; i++)
		for (k = 0; k < n; k++)
			if (cat->msgs[i]->line && cat->msgs[i]->line == lines[k])
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
 * What a tool that damaged the msgids leaves: a message whose msgid is
 * empty (only the header's is, and the first one would be taken for the
 * header), and a header that holds a translation instead of "Name:
 * value" fields.  Merged as it is, such a catalog would lose those
 * translations or write them where no msgid of the template is.
 * Returns 0, or -1 after reporting each one.
 */
static int check_msgids(const struct catalog *cat, struct diag *d)
{
	const char *stray;
	size_t i, len;
	int rc = 0;

	if (cat->header && (stray = stray_header_line(po_message_msgstr(cat->header), &len))) {
		diag_report(d, DIAG_ERROR, cat->name, cat->header_line, 0,
		            "the header (the entry whose msgid is empty) holds \"%.*s\", which is "
		            "no \"Name: value\" field: a translation whose msgid was emptied?",
		            (int)(len > 60 ? 60 : len), stray);
		rc = -1;
	}
	for (i = 0; i < cat->count; i++)
		if (po_message_msgid(cat->msgs[i]->po)[0] == '\0') {
			diag_report(d, DIAG_ERROR, cat->name, cat->msgs[i]->line, 0,
			            "an empty msgid, which only the header may have: the msgids "
			            "were damaged, and this translation belongs to no message");
			rc = -1;
		}
	return rc;
}

/* catalog_read_memory, leaving out what a LEAN read may (parse_text_as). */
static struct catalog *read_text(const char *data, size_t len, const char *name, int lean,
                                 struct diag *d)
{
	struct catalog *cat = NULL;
	struct entry_pos *pos;
	struct buf utf8 = BUF_INIT, lf = BUF_INIT;
	struct po_strings found;
	const char *text;
	size_t text_len;
	char *charset = NULL;
	const char *at;
	size_t count, n;
	po_file_t file;
	int ascii, crlf;

	memset(&found, 0, sizeof found);
	/* gettext's lexer cuts a line at a NUL byte, and what it then writes
	 * back (a comment ending with a backslash) it cannot read. */
	if ((at = memchr(data, '\0', len)) != NULL) {
		diag_report(d, DIAG_ERROR, name, line_at(data, (size_t)(at - data)), 0,
		            "a NUL byte: a PO file is text");
		return NULL;
	}
	/* Read as if its lines ended in LF alone: gettext keeps the CR in
	 * comments, where it would end every reference "xml:3\r". */
	if ((crlf = to_lf(data, len, &lf)) != 0) {
		data = buf_str(&lf);
		len = lf.len;
	}
	if (find_charset(data, len, &at, &n)) {
		iconv_t cd;

		charset = xstrndup(at, n);
		if (is_utf8_name(charset)) {
			free(charset);
			charset = NULL;
		} else if ((cd = iconv_open("UTF-8", charset)) == (iconv_t)-1) {
			diag_report(d, DIAG_ERROR, name, line_at(data, (size_t)(at - data)), 0,
			            "the header's charset '%s' is unknown: cannot read the catalog",
			            charset);
			goto out;
		} else if (iconv_close(cd),
		           convert(data, len, charset, "UTF-8", &utf8, name, d) != 0 ||
		               set_charset(&utf8, "UTF-8") != 0) {
			goto out;
		} else {
			data = buf_str(&utf8);
			len = utf8.len;
		}
	}
	if (check_po_strings(data, len, name, lean, &found, d) != 0)
		goto out;
	/* libgettextpo reads the text without what was taken out or refused. */
	text = data;
	text_len = len;
	if (found.emptied) {
		data = buf_str(&found.clean);
		len = found.clean.len;
	}
	cat = xcalloc(1, sizeof *cat);
	file = parse_text_as(data, len, lean, name, cat->parsed_as, d);
	if (!file) {
		free(cat);
		cat = NULL;
		goto out;
	}
	cat->crlf = crlf;
	cat->name = xstrdup(name);
	cat->file = file;
	cat->charset = charset;
	charset = NULL;
	/* Lines of the file itself: a lean read keeps every entry, in order. */
	pos = scan_entries(data, len, &count);
	index_messages(cat, pos, count, 0);
	free(pos);
	mark_rejected(cat, &found.rejected);
	ascii = check_charset(cat, d);
	if (give_back(cat, text, &found, d) != 0 || ascii < 0 ||
	    (ascii && check_ascii(text, text_len, name, d) != 0) ||
	    check_strings(cat, ascii, d) != 0 || (!lean && check_msgids(cat, d) != 0)) {
		catalog_free(cat);
		cat = NULL;
	}
out:
	free(charset);
	buf_release(&utf8);
	buf_release(&lf);
	buf_release(&found.clean);
	buf_release(&found.rejected);
	buf_release(&found.taken);
	return cat;
}

static struct catalog *read_catalog(const char *path, int lean, struct diag *d)
{
	struct buf text = BUF_INIT;
	struct catalog *cat = NULL;

	if (file_read(path, FILE_MAX_CATALOG, &text, d) == 0)
		cat = read_text(buf_str(&text), text.len, path, lean, d);
	buf_release(&text);
	return cat;
}

struct catalog *catalog_read_memory(const char *data, size_t len, const char *name, struct diag *d)
{
	return read_text(data, len, name, 0, d);
}

struct catalog *catalog_read(const char *path, struct diag *d)
{
	return read_catalog(path, 0, d);
}

struct catalog *catalog_read_translations(const char *path, struct diag *d)
{
	return read_catalog(path, 1, d);
}

struct catalog *catalog_create(const char *name)
{
	struct catalog *cat = xcalloc(1, sizeof *cat);

	cat->name = xstrdup(name);
	cat->file = po_file_create();
	cat->end = po_message_iterator(cat->file, NULL);
	return cat;
}

void catalog_free(struct catalog *cat)
{
	size_t i;

	if (!cat)
		return;
	for (i = 0; i < cat->count; i++) {
		forget_comments(cat->msgs[i]);
		free(cat->msgs[i]);
	}
	free(cat->msgs);
	if (cat->end)
		po_message_iterator_free(cat->end);
	po_file_free(cat->file);
	free(cat->name);
	free(cat->charset);
	free(cat->header_comments);
	free(cat);
}

int catalog_crlf(const struct catalog *cat)
{
	return cat->crlf;
}

const char *catalog_name(const struct catalog *cat)
{
	return cat->name;
}

/* --- Header ---------------------------------------------------------------- */

const char *catalog_header(const struct catalog *cat)
{
	return cat->header ? po_message_msgstr(cat->header) : NULL;
}

long catalog_header_line(const struct catalog *cat)
{
	return cat->header ? cat->header_line : 0;
}

static po_message_t ensure_header(struct catalog *cat)
{
	po_message_iterator_t it;

	if (cat->header)
		return cat->header;
	cat->header = po_message_create();
	po_message_set_msgid(cat->header, "");
	po_message_set_msgstr(cat->header, "");
	/* The header goes first: insert through a fresh iterator at the start.
	 * Iterators hold positions, so the appending one must move past. */
	it = po_message_iterator(cat->file, NULL);
	po_message_insert(it, cat->header);
	po_message_iterator_free(it);
	po_message_iterator_free(cat->end);
	cat->end = po_message_iterator(cat->file, NULL);
	while (po_next_message(cat->end))
		;
	return cat->header;
}

void catalog_set_header(struct catalog *cat, const char *header)
{
	po_message_set_msgstr(ensure_header(cat), header);
}

void catalog_set_header_fuzzy(struct catalog *cat, int fuzzy)
{
	po_message_set_fuzzy(ensure_header(cat), fuzzy);
}

int catalog_header_fuzzy(const struct catalog *cat)
{
	return cat->header ? po_message_is_fuzzy(cat->header) : 0;
}

static const char *keep_comments(char **slot, const char *joined);

/*
 * libgettextpo joins the comment lines anew at each call and never frees
 * the result: the catalog keeps it, as catalog_msg_comments does.
 */
const char *catalog_header_comments(const struct catalog *cat)
{
	struct catalog *cache = (struct catalog *)cat;

	if (!cat->header)
		return NULL;
	return cat->header_comments
	           ? cat->header_comments
	           : keep_comments(&cache->header_comments, po_message_comments(cat->header));
}

void catalog_set_header_comments(struct catalog *cat, const char *comments)
{
	po_message_set_comments(ensure_header(cat), comments ? comments : "");
	free(cat->header_comments);
	cat->header_comments = NULL;
}

char *catalog_header_field(const struct catalog *cat, const char *field)
{
	const char *header = catalog_header(cat);
	char *value, *copy;

	if (!header)
		return NULL;
	value = po_header_field(header, field);
	if (!value)
		return NULL;
	/* Returned memory comes from libgettextpo's allocator: hand out ours. */
	copy = xstrdup(value);
	free(value);
	return copy;
}

void catalog_set_header_field(struct catalog *cat, const char *field, const char *value)
{
	po_message_t header = ensure_header(cat);
	char *text = po_header_set_field(po_message_msgstr(header), field, value);

	po_message_set_msgstr(header, text);
	free(text);
}

/* --- Messages -------------------------------------------------------------- */

size_t catalog_count(const struct catalog *cat)
{
	return cat->count;
}

struct catalog_msg *catalog_at(const struct catalog *cat, size_t i)
{
	return i < cat->count ? cat->msgs[i] : NULL;
}

struct catalog_msg *catalog_append(struct catalog *cat, const char *msgctxt, const char *msgid,
                                   const char *msgid_plural)
{
	po_message_t po = po_message_create();

	if (msgctxt)
		po_message_set_msgctxt(po, msgctxt);
	po_message_set_msgid(po, msgid);
	if (msgid_plural) {
		po_message_set_msgid_plural(po, msgid_plural);
		po_message_set_msgstr_plural(po, 0, "");
		po_message_set_msgstr_plural(po, 1, "");
	} else {
		po_message_set_msgstr(po, "");
	}
	po_message_insert(cat->end, po);
	return add_wrapper(cat, po);
}

const char *catalog_msg_ctxt(const struct catalog_msg *m)
{
	return po_message_msgctxt(m->po);
}

const char *catalog_msg_id(const struct catalog_msg *m)
{
	return po_message_msgid(m->po);
}

const char *catalog_msg_id_plural(const struct catalog_msg *m)
{
	return po_message_msgid_plural(m->po);
}

const char *catalog_msg_str(const struct catalog_msg *m)
{
	if (po_message_msgid_plural(m->po)) {
		const char *s = po_message_msgstr_plural(m->po, 0);

		return s ? s : "";
	}
	return po_message_msgstr(m->po);
}

const char *catalog_msg_str_plural(const struct catalog_msg *m, int index)
{
	return po_message_msgstr_plural(m->po, index);
}

/*
 * libgettextpo joins a message's comment lines into a new string at each
 * call and never frees it (gettext's own "FIXME: memory leak"); without
 * comments it returns a static "".  The catalog keeps the string it got
 * (a copy of the static one), so that it belongs to the catalog as
 * catalog.h says, and asks once.
 */
static const char *keep_comments(char **slot, const char *joined)
{
	if (!*slot)
		*slot = joined[0] ? (char *)joined : xstrdup("");
	return *slot;
}

const char *catalog_msg_comments(const struct catalog_msg *m)
{
	struct catalog_msg *cache = (struct catalog_msg *)m;

	return m->comments ? m->comments
	                   : keep_comments(&cache->comments, po_message_comments(m->po));
}

const char *catalog_msg_extracted(const struct catalog_msg *m)
{
	struct catalog_msg *cache = (struct catalog_msg *)m;

	return m->extracted
	           ? m->extracted
	           : keep_comments(&cache->extracted, po_message_extracted_comments(m->po));
}

const char *catalog_msg_prev_ctxt(const struct catalog_msg *m)
{
	return po_message_prev_msgctxt(m->po);
}

const char *catalog_msg_prev_id(const struct catalog_msg *m)
{
	return po_message_prev_msgid(m->po);
}

const char *catalog_msg_prev_id_plural(const struct catalog_msg *m)
{
	return po_message_prev_msgid_plural(m->po);
}

int catalog_msg_fuzzy(const struct catalog_msg *m)
{
	return po_message_is_fuzzy(m->po);
}

int catalog_msg_obsolete(const struct catalog_msg *m)
{
	return po_message_is_obsolete(m->po);
}

int catalog_msg_no_wrap(const struct catalog_msg *m)
{
	return m->no_wrap;
}

long catalog_msg_line(const struct catalog_msg *m)
{
	return m->line;
}

int catalog_msg_rejected(const struct catalog_msg *m)
{
	return m->rejected;
}

int catalog_msg_translated(const struct catalog_msg *m)
{
	int i;
	const char *s;

	if (po_message_is_obsolete(m->po) || po_message_is_fuzzy(m->po))
		return 0;
	if (!po_message_msgid_plural(m->po))
		return po_message_msgstr(m->po)[0] != '\0';
	for (i = 0; (s = po_message_msgstr_plural(m->po, i)) != NULL; i++)
		if (s[0] == '\0')
			return 0;
	return i > 0;
}

int catalog_msg_ref_count(const struct catalog_msg *m)
{
	int n = 0;

	while (po_message_filepos(m->po, n))
		n++;
	return n;
}

const char *catalog_msg_ref(const struct catalog_msg *m, int i, long *line)
{
	po_filepos_t pos = po_message_filepos(m->po, i);
	size_t l;

	if (!pos)
		return NULL;
	l = po_filepos_start_line(pos);
	if (line)
		*line = l == (size_t)-1 ? 0 : (long)l;
	return po_filepos_file(pos);
}

void catalog_msg_set_str(struct catalog_msg *m, const char *msgstr)
{
	if (po_message_msgid_plural(m->po))
		po_message_set_msgstr_plural(m->po, 0, msgstr);
	else
		po_message_set_msgstr(m->po, msgstr);
}

void catalog_msg_set_str_plural(struct catalog_msg *m, int index, const char *msgstr)
{
	po_message_set_msgstr_plural(m->po, index, msgstr);
}

void catalog_msg_set_comments(struct catalog_msg *m, const char *comments)
{
	po_message_set_comments(m->po, comments ? comments : "");
	forget_comments(m);
}

void catalog_msg_set_extracted(struct catalog_msg *m, const char *comments)
{
	po_message_set_extracted_comments(m->po, comments ? comments : "");
	forget_comments(m);
}

void catalog_msg_add_ref(struct catalog_msg *m, const char *file, long line)
{
	po_message_add_filepos(m->po, file, line > 0 ? (size_t)line : (size_t)-1);
}

void catalog_msg_clear_refs(struct catalog_msg *m)
{
	while (po_message_filepos(m->po, 0))
		po_message_remove_filepos(m->po, 0);
}

void catalog_msg_set_prev(struct catalog_msg *m, const char *msgctxt, const char *msgid,
                          const char *msgid_plural)
{
	po_message_set_prev_msgctxt(m->po, msgctxt);
	po_message_set_prev_msgid(m->po, msgid);
	po_message_set_prev_msgid_plural(m->po, msgid_plural);
}

void catalog_msg_set_fuzzy(struct catalog_msg *m, int fuzzy)
{
	po_message_set_fuzzy(m->po, fuzzy);
}

void catalog_msg_set_obsolete(struct catalog_msg *m, int obsolete)
{
	po_message_set_obsolete(m->po, obsolete);
}

void catalog_msg_set_no_wrap(struct catalog_msg *m, int no_wrap)
{
	m->no_wrap = no_wrap ? 1 : 0;
}

void catalog_msg_copy_flags(struct catalog_msg *dst, const struct catalog_msg *src)
{
	const char *const *type;
	int min, max;

	for (type = po_format_list(); *type; type++) {
		if (strcmp(*type, SENTINEL_FORMAT) == 0)
			continue;
		if (po_message_is_format(src->po, *type))
			po_message_set_format(dst->po, *type, 1);
	}
	if (po_message_is_range(src->po, &min, &max))
		po_message_set_range(dst->po, min, max);
	dst->no_wrap = src->no_wrap;
}

/* --- Writing --------------------------------------------------------------- */

/*
 * In TEXT, renames the sentinel flag to "no-wrap" (and "no-" + sentinel to
 * "wrap") on flag comment lines.
 */
static void rename_sentinel_flags(struct buf *text)
{
	static const char yes[] = SENTINEL_FORMAT;
	static const char no[] = "no-" SENTINEL_FORMAT;
	struct buf out = BUF_INIT;
	const char *p = buf_str(text), *end = p + text->len;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t l = eol ? (size_t)(eol - p) + 1 : (size_t)(end - p);

		if (l >= 2 && p[0] == '#' && p[1] == ',') {
			const char *q = p, *lend = p + l;

			while (q < lend) {
				if ((size_t)(lend - q) >= sizeof no - 1 &&
				    memcmp(q, no, sizeof no - 1) == 0) {
					buf_adds(&out, "wrap");
					q += sizeof no - 1;
				} else if ((size_t)(lend - q) >= sizeof yes - 1 &&
				           memcmp(q, yes, sizeof yes - 1) == 0) {
					buf_adds(&out, "no-wrap");
					q += sizeof yes - 1;
				} else {
					buf_addc(&out, *q++);
				}
			}
		} else {
			buf_add(&out, p, l);
		}
		p += l;
	}
	buf_release(text);
	*text = out;
}

/* Has libgettextpo write FILE into OUT.  Returns 0 or -1 (reported). */
/* 1 when the header of FILE declares UTF-8. */
static int declares_utf8(po_file_t file)
{
	/* Declared const, but a copy since gettext 0.15 (xstrdup): ours to free. */
	char *header = (char *)po_file_domain_header(file, NULL);
	char *type = header ? po_header_field(header, "Content-Type") : NULL;
	const char *charset = type ? strstr(type, "charset=") : NULL;
	int utf8 = charset && (strncasecmp(charset + 8, "UTF-8", 5) == 0);

	free(type);
	free(header);
	return utf8;
}

static int render(po_file_t file, const char *name, struct buf *out, struct diag *d)
{
	char path[64];
	jmp_buf jump;
	volatile int ok = 0;
	int fast = declares_utf8(file) && !getenv("OLD_PO_FILE_OUTPUT");
	int fd = memfile_open(path, sizeof path);

	if (fd < 0) {
		diag_report(d, DIAG_ERROR, name, 0, 0, "cannot buffer the catalog: %s",
		            strerror(errno));
		return -1;
	}
	/*
	 * For every string it writes, libgettextpo finds character boundaries
	 * by running iconv one character at a time, only to add the stray
	 * backslashes that pre-0.10.36 readers needed after multibyte
	 * characters ending in byte 0x5C.  No UTF-8 character ends in 0x5C, so
	 * for UTF-8 the output is the same without that pass, which gettext
	 * skips when OLD_PO_FILE_OUTPUT is set; it is a third of the writing
	 * time.  The tests compare our bytes with msgcat's to keep this honest.
	 */
	if (fast)
		setenv("OLD_PO_FILE_OUTPUT", "1", 1);
	report_diag = d;
	report_id = NULL;
	report_alias_from = path;
	report_alias_to = name;
	report_jump = &jump;
	if (setjmp(jump) == 0) {
		po_file_write(file, path, &handler);
		ok = 1;
	}
	report_alias_from = report_alias_to = NULL;
	report_jump = NULL;
	if (fast)
		unsetenv("OLD_PO_FILE_OUTPUT");
	if (ok && memfile_slurp(fd, out) != 0) {
		diag_report(d, DIAG_ERROR, name, 0, 0, "cannot read back the catalog: %s",
		            strerror(errno));
		ok = 0;
	}
	close(fd);
	return ok ? 0 : -1;
}

int catalog_render(struct catalog *cat, const char *name, struct buf *text, struct diag *d)
{
	size_t i;
	int sentinels = 0;

	for (i = 0; i < cat->count; i++) {
		struct catalog_msg *m = cat->msgs[i];

		if (m->no_wrap != m->po_no_wrap) {
			po_message_set_format(m->po, SENTINEL_FORMAT, m->no_wrap);
			sentinels++;
		}
	}
	if (render(cat->file, name, text, d) != 0)
		return -1;
	if (sentinels) {
		/* Let libgettextpo read the flags it cannot be told, and write
		 * again; the catalog then holds the re-read messages. */
		po_file_t file;

		rename_sentinel_flags(text);
		file = parse_text(buf_str(text), text->len, name, cat->parsed_as, d);
		if (!file)
			return -1;
		po_message_iterator_free(cat->end);
		cat->end = NULL;
		po_file_free(cat->file);
		cat->file = file;
		index_messages(cat, NULL, 0, 1);
		for (i = 0; i < cat->count; i++)
			cat->msgs[i]->po_no_wrap = cat->msgs[i]->no_wrap;
		if (render(cat->file, name, text, d) != 0)
			return -1;
	}
	if (cat->charset) {
		/* Back to the file's own charset (see "Charsets" above). */
		struct buf back = BUF_INIT;

		if (set_charset(text, cat->charset) != 0 ||
		    convert(buf_str(text), text->len, "UTF-8", cat->charset, &back, name, d) != 0) {
			buf_release(&back);
			return -1;
		}
		buf_release(text);
		*text = back;
	}
	return 0;
}

int catalog_write(struct catalog *cat, const char *path, int flags, struct diag *d)
{
	struct buf text = BUF_INIT;
	struct atomic_file af;
	FILE *fp;

	if (catalog_render(cat, path, &text, d) != 0) {
		buf_release(&text);
		return -1;
	}
	fp = atomic_open(&af, path, flags, d);
	if (!fp) {
		buf_release(&text);
		return -1;
	}
	fwrite(buf_str(&text), 1, text.len, fp);
	buf_release(&text);
	return atomic_commit(&af, d);
}

/* --- Plural forms ------------------------------------------------------------ */

/* catalog_nplurals, reporting with the check ID (or none). */
static int read_nplurals(const struct catalog *cat, const char *id, struct diag *d)
{
	const char *header = catalog_header(cat);
	const char *p = header ? strstr(header, "nplurals") : NULL;
	const char *digits;
	unsigned long n = 0;
	size_t len;

	if (!p)
		return 0;
	p += strlen("nplurals");
	p += strspn(p, " \t");
	if (*p != '=')
		return 0;
	p++;
	p += strspn(p, " \t");
	digits = p;
	/* Read as gettext reads it (strtoul), without its overflow: a value
	 * past gettext's own limits is refused, not wrapped around. */
	while (isdigit((unsigned char)*p)) {
		if (n <= CATALOG_MAX_PLURALS)
			n = n * 10 + (unsigned long)(*p - '0');
		p++;
	}
	if (p > digits && n >= 1 && n <= CATALOG_MAX_PLURALS)
		return (int)n;
	len = strcspn(digits, "; \t\n");
	diag_report_id(d, DIAG_ERROR, id, cat->name, cat->header_line, 0,
	               "the header's Plural-Forms says nplurals=%.*s, which is no number of "
	               "plural forms from 1 to %d",
	               (int)(len > 40 ? 40 : len), digits, CATALOG_MAX_PLURALS);
	return -1;
}

int catalog_nplurals(const struct catalog *cat, struct diag *d)
{
	return read_nplurals(cat, NULL, d);
}

int catalog_msg_plural_count(const struct catalog_msg *m)
{
	int n = 0;

	if (!po_message_msgid_plural(m->po))
		return 0;
	while (po_message_msgstr_plural(m->po, n))
		n++;
	return n;
}

/*
 * Each plural message with another number of forms than the header's
 * nplurals, at its own line and with the number it has (gettext names
 * only one of them, without its line).  Returns the number reported.
 */
static unsigned long check_plural_counts(const struct catalog *cat, int nplurals, struct diag *d)
{
	unsigned long found = 0;
	size_t i;

	for (i = 0; nplurals > 0 && i < cat->count; i++) {
		const struct catalog_msg *m = cat->msgs[i];
		int n = catalog_msg_plural_count(m);

		if (n == 0 || n == nplurals || po_message_is_obsolete(m->po))
			continue;
		diag_report_id(d, DIAG_ERROR, "format", cat->name, m->line, 0,
		               "%d plural forms (msgstr[0] to msgstr[%d]), but the header's "
		               "Plural-Forms says nplurals=%d",
		               n, n - 1, nplurals);
		found++;
	}
	return found;
}

unsigned long catalog_check(struct catalog *cat, struct diag *d)
{
	jmp_buf jump;
	unsigned long before = diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_WARNING);
	/* The header's nplurals, refused once in our words, or the count of
	 * each message against it. */
	int nplurals = read_nplurals(cat, "format", d);

	check_plural_counts(cat, nplurals, d);

	report_diag = d;
	report_id = "format";
	report_alias_from = cat->parsed_as;
	report_alias_to = cat->name;
	report_jump = &jump;
	report_cat = cat;
	report_header_bad = nplurals < 0;
	if (setjmp(jump) == 0)
		po_file_check_all(cat->file, &handler);
	report_alias_from = report_alias_to = NULL;
	report_id = NULL;
	report_jump = NULL;
	report_cat = NULL;
	report_header_bad = 0;
	return diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_WARNING) - before;
}
