/*
 * catalog: PO files, held in traduki's own model (potext.h's entries),
 * read and written by potext where that is provably what libgettextpo
 * gives, and by libgettextpo everywhere else.  See catalog.h.
 *
 * Reading: a UTF-8 file that potext reads back byte for byte (one that
 * gettext or traduki wrote) is parsed by potext; any other file is read by
 * libgettextpo, which reports its errors, and its messages are copied
 * into the model.  libgettextpo's API lacks two things the model keeps:
 * where each message is in the file and the "no-wrap" and "no-...-format"
 * flags (it only says whether a format flag is set); a scan of the file's
 * lines supplies them, in the order libgettextpo lists the messages.
 *
 * Writing: potext writes each entry it can write exactly; the others (a
 * format flag, a script its table lacks, a warned escape) are written by
 * libgettextpo, together, in a catalog of their own with the same header,
 * and their bytes put in place.  Since libgettextpo cannot be told that a
 * message is "no-wrap", such a message is given a format flag no catalog
 * of ours uses (a sentinel); the text written is read back with the flag
 * renamed and written again, so the bytes are still gettext's.
 *
 * libgettextpo reads and writes named files and does not report write
 * errors, so it works on memory files (memfd); the bytes are copied to the
 * real destination through atomic.h, where every error is caught.
 *
 * Before either reader sees a text, catalog-strings.c screens its strings
 * for what gettext would cut or read slowly.  catalog-compare.c checks
 * potext against libgettextpo, through the functions of catalog-impl.h.
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
#include "cache.h"
#include "catalog-impl.h"
#include "file.h"
#include "mem.h"
#include "potext.h"
#include "uni.h"

static int is_header_msg(const struct potext_msg *pm)
{
	return pm->id[0] == '\0' && !pm->ctxt && !pm->obsolete;
}

/* --- Formats ---------------------------------------------------------------------- */

/* libgettextpo's format types ("c-format"...), without "-format", for
 * potext; and the version check, once per process. */
void catalog_setup_formats(void)
{
	static const char **names;
	static int done;
	const char *const *list;
	size_t n = 0, i;

	if (done)
		return;
	done = 1;
	for (list = po_format_list(); list[n]; n++)
		;
	names = xcalloc(n + 1, sizeof *names);
	for (i = 0; i < n; i++) {
		size_t len = strlen(list[i]);

		names[i] = len > 7 && strcmp(list[i] + len - 7, "-format") == 0
		               ? xstrndup(list[i], len - 7)
		               : xstrdup(list[i]);
	}
	potext_set_formats(names, n);
	potext_enable(libgettextpo_version);
}

/* A format type of gettext's that no XML catalog carries. */
#define SENTINEL_FORMAT "ycp"
/* --- Errors ---------------------------------------------------------------- */

/* libgettextpo's handler is global; these say where its reports go. */
static struct diag *report_diag;
static const char *report_id;
static const char *report_alias_from; /* a temporary file name to hide... */
static const char *report_alias_to; /* ...behind the name the user gave */
static jmp_buf *report_jump;
static struct first_error *report_first; /* see struct first_error */

/* Lines of a text libgettextpo read, as lines of the file the user named
 * (msgstr keywords, where libgettextpo places a message's findings):
 * pairs (line in the text, line in the file), by the first. */
static const long (*report_lines)[2];
static size_t report_nlines;

/* Set by catalog_check: the messages libgettextpo checks, in order, and
 * the lines of their msgids in the file the user named (its checks of
 * the catalog as a whole name messages, not lines); and whether the
 * header's nplurals was refused, which is then said once, in our words. */
static po_message_t *report_msgs;
static const long *report_msg_lines;
static size_t report_nmsgs;
static int report_header_bad;

static const char *report_file(const char *filename)
{
	if (filename && report_alias_from && strcmp(filename, report_alias_from) == 0)
		return report_alias_to;
	return filename;
}

static long report_line(const char *filename, long line)
{
	size_t lo = 0, hi = report_nlines;

	if (!report_lines || !filename || !report_alias_from ||
	    strcmp(filename, report_alias_from) != 0)
		return line;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (report_lines[mid][0] < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < report_nlines && report_lines[lo][0] == line ? report_lines[lo][1] : 0;
}

/* The line of the message M of the catalog checked (0: unknown). */
static long line_of(po_message_t m)
{
	size_t i;

	for (i = 0; m && i < report_nmsgs; i++)
		if (report_msgs[i] == m)
			return report_msg_lines[i];
	return 0;
}

static void report(int severity, po_message_t message, const char *filename, size_t lineno,
                   size_t column, const char *text)
{
	long line = lineno == (size_t)-1 ? 0 : (long)lineno;
	long col = column == (size_t)-1 ? 0 : (long)column;

	if (!filename && report_msgs && message) {
		filename = report_alias_to;
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
	               report_id, report_file(filename), report_line(filename, line), col, "%s",
	               text);
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
	long line2 = filename2 ? (lineno2 == (size_t)-1 ? 0 : report_line(filename2, (long)lineno2))
	                       : line_of(message2);

	(void)multiline_p1;
	(void)multiline_p2;
	(void)column2;
	if (!filename2 && report_msgs && message2)
		filename2 = report_alias_to;
	/* One diagnostic: "duplicate message definition (first at x.po:3)". */
	buf_adds(&text, message_text1);
	if (filename2 && line2 > 0)
		buf_addf(&text, " (%s at %s:%ld)", message_text2, report_file(filename2), line2);
	else if (report_msgs)
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

#ifdef HAVE_MEMFD_CREATE
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

/* --- Reading --------------------------------------------------------------- */
/*
 * Has libgettextpo read the file at PATH, as coming from NAME, whose text
 * is TEXT (LEN bytes); the first error goes to D (catalog_explain_error),
 * the errors that follow from it are left out.  With BYTES, its lexer
 * reads bytes instead of running iconv on every character to find where
 * each one ends (OLD_PO_FILE_INPUT, meant for an old format, does that);
 * see parse_text.
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
		catalog_explain_error(text, len, &first, d);
		free(first.file);
		free(first.text);
	}
	return file;
}

/*
 * Has libgettextpo read TEXT (LEN bytes) and returns its po_file, or NULL
 * after reporting errors (as coming from NAME) to D.  With LEAN, the
 * comments catalog_strip_comments leaves out may be left out.
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
	unsigned long mark = diag_mark(d);
	int fd = memfile_open(path, 64), filled = 0;

	if (fd >= 0 && catalog_reads_as_bytes(text, len)) {
		struct buf shorter = BUF_INIT;
		struct diag quiet;

		if (lean)
			catalog_strip_comments(text, len, &shorter);
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
			diag_errno(d, name, "cannot buffer the catalog");
			if (fd >= 0)
				close(fd);
			return NULL;
		}
		file = read_po(path, name, text, len, 0, d);
	}
	close(fd);

	if (file && diag_failed_since(d, mark)) {
		po_file_free(file);
		file = NULL;
	}
	if (!file && !diag_failed_since(d, mark))
		diag_report(d, DIAG_ERROR, name, 0, 0, "cannot read the catalog");
	return file;
}

static po_file_t parse_text(const char *text, size_t len, const char *name, char *path,
                            struct diag *d)
{
	return parse_text_as(text, len, 0, name, path, d);
}

po_file_t catalog_gp_read_memory(const char *data, size_t len, const char *name, struct diag *d)
{
	char path[64];
	po_file_t file = NULL;
	int fd = memfile_open(path, sizeof path);

	if (fd < 0)
		return NULL;
	if (memfile_fill(fd, data, len) == 0)
		file = read_po(path, name, data, len, 0, d);
	close(fd);
	return file;
}
/* --- From libgettextpo's messages ---------------------------------------------- */

/* Copying strings into one block: the first pass measures, the second
 * copies. */
struct copier {
	char *w; /* NULL while measuring */
	size_t size;
};

static const char *copy_str(struct copier *c, const char *s)
{
	size_t n;
	char *at;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	c->size += n;
	if (!c->w)
		return NULL;
	at = c->w;
	memcpy(at, s, n);
	c->w += n;
	return at;
}

/* libgettextpo joins comment lines anew at each call, and never frees the
 * result (gettext's own "FIXME: memory leak"); without comments it
 * returns a static "".  The joined text is copied, and freed here. */
static const char *copy_joined(struct copier *c, const char *joined)
{
	const char *s = copy_str(c, joined);

	if (joined[0])
		free((char *)joined);
	return s;
}

/* Copies PO into M (measures it, while C->w is NULL).  POS: what the scan
 * of the file says of it, or NULL. */
static void copy_po_msg(struct copier *c, po_message_t po, struct potext_msg *m,
                        const struct entry_pos *pos, struct potext_ref *refs)
{
	const char *const *types = po_format_list();
	const char *s;
	size_t k;
	int i, min, max;

	m->ctxt = copy_str(c, po_message_msgctxt(po));
	m->id = copy_str(c, po_message_msgid(po));
	m->id_plural = copy_str(c, po_message_msgid_plural(po));
	if (!po_message_msgid_plural(po)) {
		m->str = copy_str(c, po_message_msgstr(po));
		m->str_len = strlen(po_message_msgstr(po)) + 1;
	} else {
		m->str = c->w;
		m->str_len = 0;
		for (i = 0; (s = po_message_msgstr_plural(po, i)) != NULL; i++) {
			copy_str(c, s);
			m->str_len += strlen(s) + 1;
		}
		if (!m->str_len)
			m->str = copy_str(c, "");
	}
	m->comments = copy_joined(c, po_message_comments(po));
	m->extracted = copy_joined(c, po_message_extracted_comments(po));
	for (k = 0; po_message_filepos(po, (int)k); k++) {
		po_filepos_t fp = po_message_filepos(po, (int)k);

		s = copy_str(c, po_filepos_file(fp));
		if (refs) {
			refs[k].file = s;
			refs[k].line = po_filepos_start_line(fp);
		}
	}
	m->refs = refs;
	m->nrefs = k;
	m->prev_ctxt = copy_str(c, po_message_prev_msgctxt(po));
	m->prev_id = copy_str(c, po_message_prev_msgid(po));
	m->prev_id_plural = copy_str(c, po_message_prev_msgid_plural(po));
	m->fuzzy = po_message_is_fuzzy(po) ? 1 : 0;
	m->obsolete = po_message_is_obsolete(po) ? 1 : 0;
	/* Format flags come from "#," lines: none, none to ask about. */
	m->fmt_yes = 0;
	for (i = 0; types[i] && i < 64 && (!pos || pos->has_flags); i++)
		if (po_message_is_format(po, types[i]))
			m->fmt_yes |= (uint64_t)1 << i;
	m->fmt_no = pos ? pos->fmt_no & ~m->fmt_yes : 0;
	m->range_min = m->range_max = -1;
	if (po_message_is_range(po, &min, &max)) {
		m->range_min = min;
		m->range_max = max;
	}
	m->no_wrap = pos ? pos->no_wrap : 0;
	m->line = pos ? (int)pos->line : 0;
	m->str_line = pos ? (int)pos->str_line : 0;
}

/*
 * Fills CAT with the messages of FILE, in its order.  POS (COUNT entries,
 * from catalog_scan_entries) gives lines and flags, if the counts agree.
 */
static void copy_po_file(struct catalog *cat, po_file_t file, const struct entry_pos *pos,
                         size_t count)
{
	struct copier c = { NULL, 0 };
	po_message_iterator_t it;
	po_message_t po;
	struct potext_msg scratch;
	struct potext_ref *refs;
	size_t total = 0, nrefs = 0, k, r;
	char *data;

	/* First: how many messages, references and bytes. */
	it = po_message_iterator(file, NULL);
	while ((po = po_next_message(it)) != NULL) {
		for (k = 0; po_message_filepos(po, (int)k); k++)
			nrefs++;
		total++;
	}
	po_message_iterator_free(it);
	if (total != count)
		pos = NULL;
	it = po_message_iterator(file, NULL);
	while ((po = po_next_message(it)) != NULL)
		copy_po_msg(&c, po, &scratch, NULL, NULL);
	po_message_iterator_free(it);

	data = xmalloc(c.size ? c.size : 1);
	refs = nrefs ? xmalloc(nrefs * sizeof *refs) : NULL;
	cat->block = catalog_block_new(data, c.size, refs);
	c.w = data;
	c.size = 0;
	it = po_message_iterator(file, NULL);
	for (k = 0, r = 0; (po = po_next_message(it)) != NULL; k++) {
		struct catalog_msg *m = catalog_new_msg(cat);

		m->cat = cat;
		copy_po_msg(&c, po, &m->pm, pos ? &pos[k] : NULL, refs ? refs + r : NULL);
		r += m->pm.nrefs;
		if (!m->pm.nrefs)
			m->pm.refs = NULL;
		if (!cat->header && is_header_msg(&m->pm)) {
			cat->header = m;
			cat->header_pos = cat->count;
			cat->header_line = m->pm.line;
			continue;
		}
		catalog_add_msg(cat, m);
	}
	po_message_iterator_free(it);
}

/* --- Through libgettextpo's writer ------------------------------------------------ */

/* M as a libgettextpo message; SENTINEL: the format flag that stands for
 * "no-wrap" (see the top of this file). */
static po_message_t to_po(const struct potext_msg *m, const char *sentinel)
{
	po_message_t po = po_message_create();
	const char *const *types = po_format_list();
	const char *s;
	size_t k;
	int i;

	if (m->ctxt)
		po_message_set_msgctxt(po, m->ctxt);
	po_message_set_msgid(po, m->id);
	if (m->id_plural) {
		po_message_set_msgid_plural(po, m->id_plural);
		for (s = m->str, i = 0; s < m->str + m->str_len; s += strlen(s) + 1, i++)
			po_message_set_msgstr_plural(po, i, s);
		if (i == 0)
			po_message_set_msgstr_plural(po, 0, NULL);
	} else {
		po_message_set_msgstr(po, m->str);
	}
	if (m->comments[0])
		po_message_set_comments(po, m->comments);
	if (m->extracted[0])
		po_message_set_extracted_comments(po, m->extracted);
	for (k = 0; k < m->nrefs; k++)
		po_message_add_filepos(po, m->refs[k].file, m->refs[k].line);
	po_message_set_prev_msgctxt(po, m->prev_ctxt);
	po_message_set_prev_msgid(po, m->prev_id);
	po_message_set_prev_msgid_plural(po, m->prev_id_plural);
	po_message_set_fuzzy(po, m->fuzzy);
	for (i = 0; types[i] && i < 64; i++)
		if ((m->fmt_yes | m->fmt_no) >> i & 1)
			po_message_set_format(po, types[i], (int)(m->fmt_yes >> i & 1));
	if (m->range_min >= 0)
		po_message_set_range(po, m->range_min, m->range_max);
	if (m->no_wrap)
		po_message_set_format(po, sentinel, 1);
	/* Last: libgettextpo keeps an obsolete message's fields as they are. */
	po_message_set_obsolete(po, m->obsolete);
	return po;
}

/*
 * In TEXT, on "#," lines, the flag SENTINEL (a whole "...-format" flag)
 * becomes "no-wrap".
 */
static void rename_sentinel_flags(struct buf *text, const char *sentinel)
{
	struct buf out = BUF_INIT;
	const char *p = buf_str(text), *end = p + text->len;
	size_t n = strlen(sentinel);

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t l = eol ? (size_t)(eol - p) + 1 : (size_t)(end - p);

		if (l >= 2 && p[0] == '#' && p[1] == ',') {
			const char *q = p, *lend = p + l;

			while (q < lend) {
				if ((size_t)(lend - q) > n && memcmp(q, sentinel, n) == 0 &&
				    q[-1] == ' ' && (q[n] == ',' || q[n] == '\n')) {
					buf_adds(&out, "no-wrap");
					q += n;
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

int catalog_gp_write(po_file_t file, const char *name, struct buf *out, struct diag *d)
{
	char path[64];
	jmp_buf jump;
	volatile int ok = 0;
	int fd = memfile_open(path, sizeof path);

	if (fd < 0)
		return diag_errno(d, name, "cannot buffer the catalog");
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
	/* What libgettextpo wrote, read back from the start of the memory file. */
	if (ok) {
		buf_truncate(out, 0);
		if (lseek(fd, 0, SEEK_SET) < 0)
			ok = diag_errno(d, name, "cannot read back the catalog") == 0;
		else
			ok = file_read_fd(fd, FILE_MAX_CATALOG, out, name, d) == 0;
	}
	close(fd);
	return ok ? 0 : -1;
}

/* Where one entry is in a text: [START, END), blank line excluded. */
struct span {
	size_t start, end;
};

/*
 * Has libgettextpo write MSGS (N entries, none an obsolete one without
 * translation) as they are written in CAT, whose header goes first (for
 * its charset): OUT gets the text, ENTRIES[i] where each entry is in it.
 * Returns 0, or -1 after reporting.
 */
static int gp_render(const struct catalog *cat, struct catalog_msg *const *msgs, size_t n,
                     const char *name, struct buf *out, struct span *entries, struct diag *d)
{
	const char *const *types = po_format_list();
	const char *sentinel = NULL;
	po_file_t file = po_file_create();
	po_message_iterator_t it = po_message_iterator(file, NULL);
	uint64_t used = 0;
	size_t i, k, skip;
	int wrap = 0, rc = 0;
	const char *p, *end;

	for (i = 0; i < n; i++) {
		used |= msgs[i]->pm.fmt_yes | msgs[i]->pm.fmt_no;
		wrap |= msgs[i]->pm.no_wrap;
	}
	/* A format flag none of the messages has stands for "no-wrap". */
	for (k = 0; wrap && types[k] && k < 64; k++)
		if (!(used >> k & 1) && strcmp(types[k], SENTINEL_FORMAT "-format") == 0)
			sentinel = types[k];
	for (k = 0; wrap && !sentinel && types[k] && k < 64; k++)
		if (!(used >> k & 1))
			sentinel = types[k];
	if (wrap && !sentinel) {
		po_message_iterator_free(it);
		po_file_free(file);
		return diag_error(d, name, 0, 0, "cannot write a no-wrap message here");
	}
	skip = cat->header ? 1 : 0;
	if (cat->header)
		po_message_insert(it, to_po(&cat->header->pm, sentinel));
	for (i = 0; i < n; i++)
		po_message_insert(it, to_po(&msgs[i]->pm, sentinel));
	po_message_iterator_free(it);
	buf_truncate(out, 0);
	rc = catalog_gp_write(file, name, out, d);
	po_file_free(file);
	if (rc == 0 && wrap) {
		/* Let libgettextpo read the flag it cannot be told, and write
		 * again. */
		char path[64];

		rename_sentinel_flags(out, sentinel);
		file = parse_text(buf_str(out), out->len, name, path, d);
		rc = file ? catalog_gp_write(file, name, out, d) : -1;
		if (file)
			po_file_free(file);
	}
	if (rc != 0)
		return -1;
	/* Entries are separated by one blank line, and hold none. */
	p = buf_str(out);
	end = p + out->len;
	for (k = 0; k < skip + n && p < end; k++) {
		const char *next = p;

		while (next < end && !(next[0] == '\n' && (next + 1 == end || next[1] == '\n')))
			next++;
		if (next < end)
			next++;
		if (k >= skip) {
			entries[k - skip].start = (size_t)(p - buf_str(out));
			entries[k - skip].end = (size_t)(next - buf_str(out));
		}
		p = next < end ? next + 1 : end;
	}
	if (k != skip + n || p != end)
		return diag_error(d, name, 0, 0,
		                  "internal error: libgettextpo wrote %zu entries for %zu", k,
		                  skip + n);
	return 0;
}

/* --- Writing ------------------------------------------------------------------------ */

/* 1 when the header names UTF-8 where libgettextpo's writer looks. */
static int writes_utf8(const struct catalog *cat)
{
	const char *cs = cat->header ? strstr(cat->header->pm.str, "charset=") : NULL;
	size_t n;

	if (!cs)
		return 0;
	cs += strlen("charset=");
	n = strcspn(cs, " \t\n");
	return n == 5 && strncasecmp(cs, "UTF-8", 5) == 0;
}

/*
 * The entries of CAT in the order gettext writes them: the others in
 * their order, the header in its place among them, then the obsolete
 * ones.  Returns the number of entries put into *ORDER (to free).
 */
static size_t write_order(const struct catalog *cat, struct catalog_msg ***order)
{
	struct catalog_msg **o = xmalloc((cat->count + 1) * sizeof *o);
	size_t n = 0, i;

	for (i = 0; i <= cat->count; i++) {
		if (cat->header && i == cat->header_pos)
			o[n++] = cat->header;
		if (i < cat->count && !cat->msgs[i]->pm.obsolete)
			o[n++] = cat->msgs[i];
	}
	for (i = 0; i < cat->count; i++)
		if (cat->msgs[i]->pm.obsolete)
			o[n++] = cat->msgs[i];
	*order = o;
	return n;
}

/* Entries potext declined in the last render_entries. */
static size_t render_declined;

size_t catalog_render_declined(void)
{
	return render_declined;
}

/*
 * Puts into TEXT the bytes po_file_write gives for the N entries of ORDER
 * (in CAT, for its header): potext writes what it can, libgettextpo the
 * rest, put in place.  Returns 0, or -1 after reporting.
 */
static int render_entries(const struct catalog *cat, struct catalog_msg **order, size_t n,
                          const char *name, struct buf *text, struct diag *d)
{
	struct catalog_msg **rest = NULL;
	size_t *at = NULL, nrest = 0, i, from;
	int utf8 = writes_utf8(cat), first = 1, rc = 0;
	struct span *spans;
	struct buf gp = BUF_INIT, all = BUF_INIT;

	catalog_setup_formats();
	buf_truncate(text, 0);
	/* About the size of what was read, if anything was. */
	if (cat->block)
		buf_grow(text, cat->block->size);
	render_declined = 0;
	for (i = 0; i < n; i++) {
		size_t before = text->len;

		if (potext_render(&order[i]->pm, first, utf8, text) != 0) {
			/* libgettextpo's bytes go here, after a blank line. */
			rest = xrealloc(rest, (nrest + 1) * sizeof *rest);
			at = xrealloc(at, (nrest + 1) * sizeof *at);
			rest[nrest] = order[i];
			at[nrest++] = first ? SIZE_MAX : text->len;
			render_declined++;
			first = 0;
		} else if (text->len != before) {
			first = 0;
		}
	}
	if (!nrest)
		return 0;
	spans = xmalloc(nrest * sizeof *spans);
	if (gp_render(cat, rest, nrest, name, &gp, spans, d) != 0) {
		rc = -1;
		goto done;
	}
	for (i = 0, from = 0; i < nrest; i++) {
		size_t to = at[i] == SIZE_MAX ? 0 : at[i];

		buf_add(&all, buf_str(text) + from, to - from);
		if (at[i] != SIZE_MAX)
			buf_addc(&all, '\n');
		buf_add(&all, buf_str(&gp) + spans[i].start, spans[i].end - spans[i].start);
		from = to;
	}
	buf_add(&all, buf_str(text) + from, text->len - from);
	buf_release(text);
	*text = all;
	all.data = NULL;
done:
	free(spans);
	free(rest);
	free(at);
	buf_release(&gp);
	buf_release(&all);
	return rc;
}

/*
 * TEXT, written in UTF-8, back in CAT's own charset (see "Charsets" in
 * catalog-text.c).  The UTF-8 bytes are not the file's: gettext measures
 * "#:" lines in bytes of the file's charset, and a CJK charset widens the
 * characters of ambiguous width.  So libgettextpo reads the converted
 * text and writes it again, which gives po_file_write's bytes for
 * whatever the charset.  Catalogs in other charsets than UTF-8 are rare
 * enough for this to cost nothing that matters.
 */
static int render_in_charset(const struct catalog *cat, const char *name, struct buf *text,
                             struct diag *d)
{
	struct buf back = BUF_INIT;
	po_file_t file = NULL;
	char path[64];
	int rc = -1;

	if (catalog_set_charset(text, cat->charset) == 0 &&
	    catalog_convert(buf_str(text), text->len, "UTF-8", cat->charset, &back, name, d) == 0 &&
	    (file = parse_text(buf_str(&back), back.len, name, path, d)) != NULL)
		rc = catalog_gp_write(file, name, text, d);
	if (file)
		po_file_free(file);
	buf_release(&back);
	return rc;
}

int catalog_render(struct catalog *cat, const char *name, struct buf *text, struct diag *d)
{
	struct catalog_msg **order;
	size_t n = write_order(cat, &order);
	int rc = render_entries(cat, order, n, name, text, d);

	free(order);
	if (rc == 0 && cat->charset)
		rc = render_in_charset(cat, name, text, d);
	return rc;
}

int catalog_write(struct catalog *cat, const char *path, int flags, struct diag *d)
{
	struct buf text = BUF_INIT;
	int rc = catalog_render(cat, path, &text, d);

	if (rc == 0 && atomic_write(path, buf_str(&text), text.len, flags, d) < 0)
		rc = -1;
	buf_release(&text);
	return rc;
}

/* --- Reading ---------------------------------------------------------------------- */

static struct potext_msg *sink_msg(void *ctx)
{
	struct catalog *cat = ctx;
	struct catalog_msg *m = catalog_new_msg(cat);

	m->cat = cat;
	catalog_add_msg(cat, m);
	return &m->pm;
}

/* --- What earlier reads proved (catalog_read_cached) --------------------------------- */

/* The key of the record of the entries of the file NAME proved exact. */
static struct digest memo_key(const char *name)
{
	struct digest_state s;

	cache_key(&s, "catalog-verified");
	digest_add_str(&s, name);
	return digest_final(&s);
}

static int compare_entry_digests(const void *a, const void *b)
{
	return memcmp(a, b, POTEXT_ENTRY_DIGEST);
}

/* MEMO from CACHE's record for NAME, if it has a sound one (sorted). */
static void memo_get(struct potext_memo *memo, struct cache *cache, const char *name)
{
	struct digest key = memo_key(name);
	const char *data;
	size_t len, i;

	memo->known = NULL;
	memo->nknown = 0;
	data = cache_get(cache, &key, &len);
	if (!data || len % POTEXT_ENTRY_DIGEST)
		return;
	for (i = POTEXT_ENTRY_DIGEST; i < len; i += POTEXT_ENTRY_DIGEST)
		if (memcmp(data + i - POTEXT_ENTRY_DIGEST, data + i, POTEXT_ENTRY_DIGEST) >= 0) {
			cache_reject(cache, &key);
			return;
		}
	memo->known = (const unsigned char *)data;
	memo->nknown = len / POTEXT_ENTRY_DIGEST;
}

/* Keeps in CACHE, for NAME, the entries this read proved exact, VERIFIED. */
static void memo_put(struct cache *cache, const char *name, struct buf *verified)
{
	struct digest key = memo_key(name);
	size_t n = verified->len / POTEXT_ENTRY_DIGEST, i, kept = 0;

	if (n > 1)
		qsort(verified->data, n, POTEXT_ENTRY_DIGEST, compare_entry_digests);
	/* Two entries of one file may have the same bytes: two obsolete ones. */
	for (i = 0; i < n; i++)
		if (!kept ||
		    memcmp(verified->data + (kept - 1) * POTEXT_ENTRY_DIGEST,
		           verified->data + i * POTEXT_ENTRY_DIGEST, POTEXT_ENTRY_DIGEST) != 0)
			memmove(verified->data + kept++ * POTEXT_ENTRY_DIGEST,
			        verified->data + i * POTEXT_ENTRY_DIGEST, POTEXT_ENTRY_DIGEST);
	/* An empty file proves nothing, and has no bytes to point at. */
	cache_put(cache, &key, kept ? verified->data : "", kept * POTEXT_ENTRY_DIGEST);
}

/*
 * Reads TEXT (LEN bytes, UTF-8) with potext, into a new catalog named
 * NAME, or returns NULL when potext declines (nothing is reported: the
 * file is then libgettextpo's).  The entries potext could not write
 * again are written by libgettextpo and compared with the file.  CACHE
 * (or NULL) has what earlier reads of NAME proved, and gets what this one
 * proved.
 */
struct catalog *catalog_fast_read(const char *text, size_t len, const char *name, int lean,
                                  struct cache *cache)
{
	struct potext_memo memo;
	struct buf verified = BUF_INIT;
	struct catalog *cat;
	struct potext_parsed parsed;
	struct potext_sink sink;
	struct diag quiet;
	size_t i;
	int ok = 1;

	catalog_setup_formats();
	if (!potext_enabled() || !catalog_reads_as_bytes(text, len))
		return NULL;
	cat = catalog_alloc(name);
	sink.new_msg = sink_msg;
	sink.ctx = cat;
	if (cache) {
		memo_get(&memo, cache, name);
		memo.verified = &verified;
	}
	if (potext_parse(text, len, lean, cache ? &memo : NULL, &sink, &parsed) != 0) {
		buf_release(&verified);
		catalog_free(cat);
		return NULL;
	}
	cat->block = catalog_block_new(parsed.block, len + 1, parsed.refs);
	parsed.block = NULL;
	parsed.refs = NULL;
	/* The header is the first entry (potext insists). */
	if (cat->count) {
		cat->header = cat->msgs[0];
		cat->header_line = cat->header->pm.line;
		memmove(cat->msgs, cat->msgs + 1, (cat->count - 1) * sizeof *cat->msgs);
		cat->count--;
	}
	diag_init(&quiet, NULL, NULL);
	if (parsed.nunchecked) {
		struct catalog_msg **msgs = xmalloc(parsed.nunchecked * sizeof *msgs);
		struct span *spans = xmalloc(parsed.nunchecked * sizeof *spans);
		struct buf gp = BUF_INIT;

		for (i = 0; i < parsed.nunchecked; i++)
			msgs[i] = (struct catalog_msg *)parsed.unchecked[i].msg;
		ok = gp_render(cat, msgs, parsed.nunchecked, name, &gp, spans, &quiet) == 0 &&
		     diag_count(&quiet, DIAG_WARNING) == 0;
		for (i = 0; ok && i < parsed.nunchecked; i++) {
			const struct potext_unchecked *u = &parsed.unchecked[i];
			size_t start = u->start + (u->start ? 1 : 0),
			       n = spans[i].end - spans[i].start;

			ok = u->end - start == n &&
			     memcmp(text + start, buf_str(&gp) + spans[i].start, n) == 0;
		}
		buf_release(&gp);
		free(spans);
		free(msgs);
	}
	potext_parsed_release(&parsed);
	if (!ok) {
		buf_release(&verified);
		catalog_free(cat);
		return NULL;
	}
	if (cache)
		memo_put(cache, name, &verified);
	buf_release(&verified);
	return cat;
}

/* catalog_read_memory, leaving out what a lean read may (parse_text_as),
 * with potext when it can, unless told to use libgettextpo. */
struct catalog *catalog_read_text(const char *data, size_t len, const char *name, int how,
                                  struct cache *cache, struct diag *d)
{
	int lean = how & CATALOG_READ_LEAN;
	struct catalog *cat = NULL;
	struct entry_pos *pos;
	struct buf utf8 = BUF_INIT, lf = BUF_INIT;
	struct po_strings found;
	char *charset = NULL;
	char parsed_as[64];
	const char *at, *text;
	size_t count, n, text_len;
	po_file_t file;
	int ascii = 0, crlf;

	memset(&found, 0, sizeof found);
	/* gettext's lexer cuts a line at a NUL byte, and what it then writes
	 * back (a comment ending with a backslash) it cannot read. */
	if ((at = memchr(data, '\0', len)) != NULL) {
		diag_report(d, DIAG_ERROR, name, catalog_line_at(data, (size_t)(at - data)), 0,
		            "a NUL byte: a PO file is text");
		return NULL;
	}
	/* Read as if its lines ended in LF alone: gettext keeps the CR in
	 * comments, where it would end every reference "xml:3\r". */
	if ((crlf = catalog_to_lf(data, len, &lf)) != 0) {
		data = buf_str(&lf);
		len = lf.len;
	}
	if (catalog_find_charset(data, len, &at, &n)) {
		iconv_t cd;

		charset = xstrndup(at, n);
		if (catalog_is_utf8_name(charset)) {
			free(charset);
			charset = NULL;
		} else if ((cd = iconv_open("UTF-8", charset)) == (iconv_t)-1) {
			diag_report(d, DIAG_ERROR, name, catalog_line_at(data, (size_t)(at - data)),
			            0,
			            "the header's charset '%s' is unknown: cannot read the catalog",
			            charset);
			goto out;
		} else if (iconv_close(cd),
		           catalog_convert(data, len, charset, "UTF-8", &utf8, name, d) != 0 ||
		               catalog_set_charset(&utf8, "UTF-8") != 0) {
			goto out;
		} else {
			data = buf_str(&utf8);
			len = utf8.len;
		}
	}
	if (catalog_screen_strings(data, len, name, lean, &found, d) != 0)
		goto out;
	/* Both readers read the text without what was taken out or refused. */
	text = data;
	text_len = len;
	if (found.emptied) {
		data = buf_str(&found.clean);
		len = found.clean.len;
	}
	if (!charset && !(how & CATALOG_READ_BY_GETTEXT) &&
	    (cat = catalog_fast_read(data, len, name, lean, cache)) != NULL) {
		cat->crlf = crlf;
	} else {
		catalog_setup_formats();
		file = parse_text_as(data, len, lean, name, parsed_as, d);
		if (!file)
			goto out;
		cat = catalog_alloc(name);
		cat->crlf = crlf;
		cat->charset = charset;
		charset = NULL;
		/* Lines of the file itself: a lean read keeps every entry, in order. */
		pos = catalog_scan_entries(data, len, &count);
		copy_po_file(cat, file, pos, count);
		free(pos);
		po_file_free(file);
		ascii = catalog_check_charset(cat, d);
		if (ascii < 0 || (ascii && catalog_check_ascii(text, text_len, name, d) != 0) ||
		    catalog_check_strings(cat, ascii, d) != 0) {
			catalog_free(cat);
			cat = NULL;
			goto out;
		}
	}
	catalog_mark_rejected(cat, &found.rejected);
	if (catalog_give_back(cat, text, &found, d) != 0 ||
	    (!lean && catalog_check_msgids(cat, d) != 0)) {
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

struct catalog *catalog_read_cached(const char *path, int lean, struct cache *cache, struct diag *d)
{
	struct buf text = BUF_INIT;
	struct catalog *cat = NULL;

	if (file_read(path, FILE_MAX_CATALOG, &text, d) == 0)
		cat = catalog_read_text(buf_str(&text), text.len, path,
		                        lean ? CATALOG_READ_LEAN : 0, cache, d);
	buf_release(&text);
	return cat;
}

struct catalog *catalog_read_memory_cached(const char *data, size_t len, const char *name,
                                           struct cache *cache, struct diag *d)
{
	return catalog_read_text(data, len, name, 0, cache, d);
}

struct catalog *catalog_read_memory(const char *data, size_t len, const char *name, struct diag *d)
{
	return catalog_read_text(data, len, name, 0, NULL, d);
}

struct catalog *catalog_read(const char *path, struct diag *d)
{
	return catalog_read_cached(path, 0, NULL, d);
}

struct catalog *catalog_read_translations(const char *path, struct diag *d)
{
	return catalog_read_cached(path, 1, NULL, d);
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
	const char *header = catalog_header(cat);
	char *text = po_header_set_field(header ? header : "", field, value);

	catalog_set_header(cat, text);
	free(text);
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

		if (n == 0 || n == nplurals || m->pm.obsolete)
			continue;
		diag_report_id(d, DIAG_ERROR, "format", cat->name, m->pm.line, 0,
		               "%d plural forms (msgstr[0] to msgstr[%d]), but the header's "
		               "Plural-Forms says nplurals=%d",
		               n, n - 1, nplurals);
		found++;
	}
	return found;
}

/* --- Checks ----------------------------------------------------------------------- */

/*
 * 1 when libgettextpo's checks (po_file_check_all: msgfmt -c) may have
 * anything to say about M: they look only at translated messages that
 * are neither fuzzy nor obsolete, and then at their format strings,
 * their plural forms (against the header), and whether the msgid and
 * the msgstr both begin and both end with a newline or neither.
 */
static int checked_by_gettext(const struct potext_msg *m)
{
	size_t id_len, str_len;

	if (m->obsolete || m->fuzzy || m->str_len == 0 || m->str[0] == '\0' || m->id[0] == '\0')
		return 0;
	if (m->id_plural || m->fmt_yes)
		return 1;
	id_len = strlen(m->id);
	str_len = strlen(m->str);
	return (m->id[0] == '\n') != (m->str[0] == '\n') ||
	       (m->id[id_len - 1] == '\n') != (m->str[str_len - 1] == '\n');
}

unsigned long catalog_check(struct catalog *cat, struct diag *d)
{
	unsigned long before = diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_WARNING);
	struct catalog_msg **subset = xmalloc((cat->count + 1) * sizeof *subset);
	struct buf text = BUF_INIT;
	struct entry_pos *pos = NULL;
	long(*lines)[2] = NULL;
	size_t n = 0, i, npos = 0;
	struct diag quiet;
	char path[64];
	po_file_t file = NULL;
	po_message_t *msgs = NULL;
	long *msg_lines = NULL;
	size_t nmsgs = 0;
	jmp_buf jump;
	/* The header's nplurals, refused once in our words, or the count of
	 * each message against it. */
	int nplurals = read_nplurals(cat, "format", d);

	check_plural_counts(cat, nplurals, d);

	/* libgettextpo checks a catalog of the header and the messages its
	 * checks may speak of, read from text written for it: the same
	 * findings, at the lines of the file CAT was read from. */
	if (cat->header)
		subset[n++] = cat->header;
	for (i = 0; i < cat->count; i++)
		if (checked_by_gettext(&cat->msgs[i]->pm))
			subset[n++] = cat->msgs[i];
	diag_init(&quiet, NULL, NULL);
	if (n == 0 || render_entries(cat, subset, n, cat->name, &text, &quiet) != 0)
		goto done;
	file = parse_text(buf_str(&text), text.len, cat->name, path, &quiet);
	if (!file) {
		diag_report(d, DIAG_ERROR, cat->name, 0, 0,
		            "internal error: libgettextpo cannot read back the messages to check");
		goto done;
	}
	pos = catalog_scan_entries(buf_str(&text), text.len, &npos);
	lines = xmalloc(n * sizeof *lines);
	/* libgettextpo tells where a message's msgstr keyword is. */
	for (i = 0; i < n && i < npos; i++) {
		lines[i][0] = pos[i].str_line;
		lines[i][1] = subset[i]->pm.str_line;
	}
	report_diag = d;
	report_id = "format";
	report_alias_from = path;
	report_alias_to = cat->name;
	report_lines = (const long(*)[2])lines;
	report_nlines = i;
	/* Its checks of the whole catalog name messages: their lines. */
	{
		po_message_iterator_t it = po_message_iterator(file, NULL);
		po_message_t pm;

		msgs = xmalloc(n * sizeof *msgs);
		msg_lines = xmalloc(n * sizeof *msg_lines);
		while (nmsgs < n && (pm = po_next_message(it)) != NULL) {
			msgs[nmsgs] = pm;
			msg_lines[nmsgs] = subset[nmsgs] == cat->header ? cat->header_line
			                                                : subset[nmsgs]->pm.line;
			nmsgs++;
		}
		po_message_iterator_free(it);
	}
	report_msgs = msgs;
	report_msg_lines = msg_lines;
	report_nmsgs = nmsgs;
	report_header_bad = nplurals < 0;
	report_jump = &jump;
	if (setjmp(jump) == 0)
		po_file_check_all(file, &handler);
	report_alias_from = report_alias_to = NULL;
	report_lines = NULL;
	report_nlines = 0;
	report_msgs = NULL;
	report_msg_lines = NULL;
	report_nmsgs = 0;
	report_header_bad = 0;
	report_id = NULL;
	report_jump = NULL;
done:
	if (file)
		po_file_free(file);
	free(pos);
	free(lines);
	free(msgs);
	free(msg_lines);
	free(subset);
	buf_release(&text);
	return diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_WARNING) - before;
}
