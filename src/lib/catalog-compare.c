/*
 * catalog: the differential test of traduki's own reader and writer of PO
 * files (potext.h) against libgettextpo, which gettext's tools use:
 * catalog_compare (see catalog.h).  It reads and writes through catalog.c
 * and libgettextpo alone, and reports to no diag.
 */
#include <config.h>

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <gettext-po.h>

#include "buf.h"
#include "cache.h"
#include "catalog-impl.h"
#include "mem.h"

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* 1 when TEXT is JOINED, comment lines as libgettextpo joins them anew at
 * each call: freed here, unless it is the static "" it gives for none. */
static int same_joined(const char *text, const char *joined)
{
	int same = strcmp(text, joined) == 0;

	if (joined[0])
		free((char *)joined);
	return same;
}

/* The first field in which M, as read by potext, differs from PO, as
 * libgettextpo read it; NULL when none does. */
static const char *first_difference(const struct potext_msg *m, po_message_t po)
{
	const char *const *types = po_format_list();
	const char *s;
	int i, min, max;
	size_t k;

	if (!same_str(m->ctxt, po_message_msgctxt(po)))
		return "msgctxt";
	if (!same_str(m->id, po_message_msgid(po)))
		return "msgid";
	if (!same_str(m->id_plural, po_message_msgid_plural(po)))
		return "msgid_plural";
	if (!m->id_plural) {
		if (strcmp(m->str, po_message_msgstr(po)) != 0)
			return "msgstr";
	} else {
		for (s = m->str, i = 0; s < m->str + m->str_len; s += strlen(s) + 1, i++)
			if (!same_str(s, po_message_msgstr_plural(po, i)))
				return "msgstr[]";
		if (po_message_msgstr_plural(po, i))
			return "msgstr[] (number of forms)";
	}
	if (!same_joined(m->comments, po_message_comments(po)))
		return "translator comments";
	if (!same_joined(m->extracted, po_message_extracted_comments(po)))
		return "extracted comments";
	for (k = 0; k < m->nrefs; k++) {
		po_filepos_t fp = po_message_filepos(po, (int)k);

		if (!fp || strcmp(po_filepos_file(fp), m->refs[k].file) != 0 ||
		    po_filepos_start_line(fp) != m->refs[k].line)
			return "references";
	}
	if (po_message_filepos(po, (int)k))
		return "references (number)";
	if (!same_str(m->prev_ctxt, po_message_prev_msgctxt(po)) ||
	    !same_str(m->prev_id, po_message_prev_msgid(po)) ||
	    !same_str(m->prev_id_plural, po_message_prev_msgid_plural(po)))
		return "previous msgctxt, msgid or msgid_plural";
	if (m->fuzzy != (po_message_is_fuzzy(po) != 0))
		return "fuzzy flag";
	if (m->obsolete != (po_message_is_obsolete(po) != 0))
		return "obsolete";
	for (i = 0; types[i] && i < 64; i++)
		if ((int)(m->fmt_yes >> i & 1) != (po_message_is_format(po, types[i]) != 0))
			return "format flags";
	if (po_message_is_range(po, &min, &max) ? m->range_min != min || m->range_max != max
	                                        : m->range_min >= 0)
		return "range";
	return NULL;
}

/* Compares CAT, read by potext, with FILE, read by libgettextpo. */
static int same_messages(const struct catalog *cat, po_file_t file, struct buf *why)
{
	po_message_iterator_t it = po_message_iterator(file, NULL);
	po_message_t po;
	size_t k = 0;
	const char *diff = NULL;
	int header_seen = 0;

	while (!diff && (po = po_next_message(it)) != NULL) {
		const struct catalog_msg *m;

		if (!header_seen && po_message_msgid(po)[0] == '\0' && !po_message_msgctxt(po) &&
		    !po_message_is_obsolete(po)) {
			header_seen = 1;
			m = cat->header;
		} else {
			m = k < cat->count ? cat->msgs[k++] : NULL;
		}
		if (!m)
			diff = "more messages than potext read";
		else if ((diff = first_difference(&m->pm, po)) != NULL)
			buf_addf(why, "the entry of line %ld: ", (long)m->pm.line);
	}
	po_message_iterator_free(it);
	if (!diff && (k != cat->count || header_seen != (cat->header != NULL)))
		diff = "fewer messages than potext read";
	if (diff)
		buf_addf(why, "%s differs from libgettextpo's reading", diff);
	return diff == NULL;
}

/* The line of the first byte where A and B differ. */
static long differ_at(const struct buf *a, const struct buf *b)
{
	size_t i = 0;

	while (i < a->len && i < b->len && a->data[i] == b->data[i])
		i++;
	return catalog_line_at(buf_str(a), i);
}

/* Renders CAT and compares with EXPECTED; notes a difference in WHY. */
static int renders_as(struct catalog *cat, const struct buf *expected, const char *how,
                      struct catalog_comparison *c)
{
	struct buf text = BUF_INIT;
	struct diag quiet;
	int same;

	diag_init(&quiet, NULL, NULL);
	same = catalog_render(cat, cat->name, &text, &quiet) == 0 && text.len == expected->len &&
	       memcmp(buf_str(&text), buf_str(expected), text.len) == 0;
	if (!same)
		buf_addf(&c->why, "%swritten %s, it differs from po_file_write from line %ld",
		         c->why.len ? "; " : "", how, differ_at(&text, expected));
	buf_release(&text);
	return same;
}

/*
 * 1 when po_file_write can write FILE: every string is whole characters
 * of the file's charset (libgettextpo aborts on a string that ends in the
 * middle of one).
 */
static int gp_writable(po_file_t file)
{
	/* Declared const, but a copy since gettext 0.15 (xstrdup): ours to free. */
	char *header = (char *)po_file_domain_header(file, NULL);
	const char *cs = header ? strstr(header, "charset=") : NULL;
	char *charset = cs ? xstrndup(cs + 8, strcspn(cs + 8, " \t\n")) : xstrdup("ASCII");
	iconv_t cd = iconv_open("UTF-8", strcmp(charset, "CHARSET") == 0 ? "ASCII" : charset);
	po_message_iterator_t it = po_message_iterator(file, NULL);
	po_message_t po;
	int ok = 1, i;

	while (ok && cd != (iconv_t)-1 && (po = po_next_message(it)) != NULL) {
		const char *s[6] = {
			po_message_msgctxt(po),      po_message_msgid(po),
			po_message_msgid_plural(po), po_message_prev_msgctxt(po),
			po_message_prev_msgid(po),   po_message_prev_msgid_plural(po)
		};
		const char *form;

		for (i = 0; ok && i < 6; i++) {
			struct buf out = BUF_INIT;
			struct diag quiet;

			diag_init(&quiet, NULL, NULL);
			ok = !s[i] || catalog_convert(s[i], strlen(s[i]), charset, "UTF-8", &out,
			                              "", &quiet) == 0;
			buf_release(&out);
		}
		for (i = 0;
		     ok && (form = po_message_msgid_plural(po) ? po_message_msgstr_plural(po, i)
		                   : i == 0                    ? po_message_msgstr(po)
		                                               : NULL) != NULL;
		     i++) {
			struct buf out = BUF_INIT;
			struct diag quiet;

			diag_init(&quiet, NULL, NULL);
			ok = catalog_convert(form, strlen(form), charset, "UTF-8", &out, "",
			                     &quiet) == 0;
			buf_release(&out);
		}
	}
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	po_message_iterator_free(it);
	free(charset);
	free(header);
	return ok;
}

int catalog_compare(const char *data, size_t len, const char *name, struct catalog_comparison *c)
{
	struct diag gp_diag, quiet;
	struct catalog *fast = NULL, *cat = NULL;
	struct buf expected = BUF_INIT, lf = BUF_INIT;
	struct cache *memo;
	po_file_t file = NULL;
	int writable;

	catalog_setup_formats();
	memset(c, 0, sizeof *c);
	c->read_same = c->write_same = 1;
	/* traduki reads a CRLF file as if its lines ended in LF: so does the
	 * reference. */
	if (catalog_to_lf(data, len, &lf)) {
		data = buf_str(&lf);
		len = lf.len;
	}
	diag_init(&gp_diag, NULL, NULL);
	diag_init(&quiet, NULL, NULL);
	/* libgettextpo as gettext's tools use it: its own reader, its own
	 * writer, nothing of traduki's between. */
	if (!memchr(data, '\0', len))
		file = catalog_gp_read_memory(data, len, name, &gp_diag);
	c->gettext_read = file && diag_count(&gp_diag, DIAG_ERROR) == 0;
	/* What traduki reads the usual way, it writes: so must libgettextpo. */
	cat = c->gettext_read ? catalog_read_text(data, len, name, 0, NULL, &quiet) : NULL;
	/* What libgettextpo writes of it, whether or not traduki reads it
	 * (traduki refuses some files libgettextpo reads: potext must too). */
	writable = c->gettext_read && gp_writable(file);
	if (writable && catalog_gp_write(file, name, &expected, &quiet) != 0)
		writable = 0;
	if (cat && !writable) {
		c->write_same = 0;
		buf_adds(&c->why, "traduki read strings that libgettextpo cannot write");
	}

	/* Read twice through a cache kept in memory (never saved): the second
	 * read renders no entry the first one proved exact. */
	memo = cache_open("");
	fast = catalog_fast_read(data, len, name, 0, memo);
	c->fast_read = fast != NULL;
	if (fast) {
		struct catalog *again = catalog_fast_read(data, len, name, 0, memo);

		if (!again) {
			c->read_same = 0;
			buf_adds(&c->why,
			         "potext declined a file it read, once it knew its entries");
		} else if (expected.len == len && memcmp(buf_str(&expected), data, len) == 0 &&
		           !renders_as(again, &expected, "after a read its entries were known to",
		                       c)) {
			c->read_same = 0;
		}
		catalog_free(again);
	}
	cache_free(memo);
	if (fast) {
		/* potext may read only what libgettextpo reads without a word,
		 * and what it writes again as it was. */
		if (!c->gettext_read || diag_count(&gp_diag, DIAG_WARNING)) {
			c->read_same = 0;
			buf_adds(&c->why, "potext read a file on which libgettextpo reports");
		} else if (!writable) {
			c->read_same = 0;
			buf_adds(&c->why, "potext read strings that libgettextpo cannot write");
		} else if (!same_messages(fast, file, &c->why)) {
			c->read_same = 0;
		} else if (expected.len != len || memcmp(buf_str(&expected), data, len) != 0) {
			c->read_same = 0;
			buf_adds(&c->why, "potext read a file that libgettextpo writes otherwise");
		}
	}
	if (cat && c->write_same) {
		/* What traduki writes of the file, read the usual way, and read
		 * by libgettextpo: po_file_write's bytes. */
		c->write_same = renders_as(cat, &expected, "after the usual read", c);
		c->entries = cat->count + (cat->header ? 1 : 0);
		c->gettext_entries = catalog_render_declined();
		if (fast) {
			catalog_free(cat);
			cat = catalog_read_text(data, len, name, CATALOG_READ_BY_GETTEXT, NULL,
			                        &quiet);
			c->write_same &=
			    cat && renders_as(cat, &expected, "after libgettextpo's read", c);
		}
	}
	catalog_free(cat);
	catalog_free(fast);
	if (file)
		po_file_free(file);
	buf_release(&expected);
	buf_release(&lf);
	return c->read_same && c->write_same ? 0 : -1;
}
