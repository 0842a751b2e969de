/*
 * catalog: the messages of a catalog, and where their strings live.  See
 * catalog.h; the PO format itself is catalog.c's.
 *
 * Strings read from a file stay in the one block they were decoded into
 * (potext's, or a copy of libgettextpo's); a catalog made from others (a
 * merge) keeps using their blocks instead of copying (catalog_share).
 * Strings given to setters are copied into chunks freed with the
 * catalog.  Messages are allocated by the thousand, so that a pointer to
 * one stays valid.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog-impl.h"
#include "digest.h"
#include "mem.h"

struct block *catalog_block_new(char *data, size_t size, struct potext_ref *refs)
{
	struct block *b = xcalloc(1, sizeof *b);

	b->data = data;
	b->size = size;
	b->refs = refs;
	b->users = 1;
	return b;
}

static void block_drop(struct block *b)
{
	if (!b || --b->users > 0)
		return;
	free(b->data);
	free(b->refs);
	free(b);
}

static int in_block(const struct block *b, const char *s)
{
	return b && s >= b->data && s < b->data + b->size;
}

static char *pool_alloc(struct catalog *cat, size_t n)
{
	struct chunk *c = cat->chunks;

	if (!c || c->size - c->used < n) {
		size_t size = n > 65536 - sizeof *c ? n : 65536 - sizeof *c;

		c = xmalloc(sizeof *c + size);
		c->size = size;
		c->used = 0;
		/* A big string gets a chunk of its own, behind the current one. */
		if (n > 4096 && cat->chunks) {
			c->next = cat->chunks->next;
			cat->chunks->next = c;
		} else {
			c->next = cat->chunks;
			cat->chunks = c;
		}
	}
	c->used += n;
	return c->data + c->used - n;
}

/* S as a string of CAT's: S itself when CAT holds it already (read, or
 * shared), else a copy. */
static const char *keep(struct catalog *cat, const char *s)
{
	size_t i, n;
	char *copy;

	if (!s)
		return NULL;
	if (!*s)
		return "";
	if (in_block(cat->block, s))
		return s;
	for (i = 0; i < cat->nshared; i++)
		if (in_block(cat->shared[i], s))
			return s;
	n = strlen(s) + 1;
	copy = pool_alloc(cat, n);
	memcpy(copy, s, n);
	return copy;
}

static const char *keep_bytes(struct catalog *cat, const char *s, size_t n)
{
	char *copy = pool_alloc(cat, n ? n : 1);

	memcpy(copy, s, n);
	if (!n)
		copy[0] = '\0';
	return copy;
}

struct catalog_msg *catalog_new_msg(struct catalog *cat)
{
	struct catalog_msg *m;

	if (!cat->slabs || cat->slabs->used == SLAB_MSGS) {
		struct slab *s = xmalloc(sizeof *s);

		s->used = 0;
		s->next = cat->slabs;
		cat->slabs = s;
	}
	m = &cat->slabs->msgs[cat->slabs->used++];
	memset(m, 0, sizeof *m);
	m->pm.id = m->pm.str = m->pm.comments = m->pm.extracted = "";
	m->pm.str_len = 1;
	m->pm.range_min = m->pm.range_max = -1;
	return m;
}

void catalog_add_msg(struct catalog *cat, struct catalog_msg *m)
{
	xgrow((void **)&cat->msgs, &cat->alloc, cat->count + 1, sizeof *cat->msgs);
	cat->msgs[cat->count++] = m;
}

struct catalog *catalog_alloc(const char *name)
{
	struct catalog *cat = xcalloc(1, sizeof *cat);

	cat->name = xstrdup(name);
	return cat;
}

struct catalog *catalog_create(const char *name)
{
	return catalog_alloc(name);
}

void catalog_free(struct catalog *cat)
{
	size_t i;

	if (!cat)
		return;
	for (i = 0; i < cat->count; i++)
		if (cat->msgs[i]->refs_alloc)
			free(cat->msgs[i]->pm.refs);
	if (cat->header && cat->header->refs_alloc)
		free(cat->header->pm.refs);
	while (cat->slabs) {
		struct slab *next = cat->slabs->next;

		free(cat->slabs);
		cat->slabs = next;
	}
	while (cat->chunks) {
		struct chunk *next = cat->chunks->next;

		free(cat->chunks);
		cat->chunks = next;
	}
	block_drop(cat->block);
	for (i = 0; i < cat->nshared; i++)
		block_drop(cat->shared[i]);
	free(cat->shared);
	free(cat->msgs);
	free(cat->files);
	free(cat->name);
	free(cat->charset);
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

void catalog_share(struct catalog *cat, const struct catalog *from)
{
	if (!from->block || cat->block == from->block)
		return;
	cat->shared = xrealloc(cat->shared, (cat->nshared + 1) * sizeof *cat->shared);
	cat->shared[cat->nshared++] = from->block;
	from->block->users++;
}

/* --- Header ---------------------------------------------------------------------- */

const char *catalog_header(const struct catalog *cat)
{
	return cat->header ? cat->header->pm.str : NULL;
}

long catalog_header_line(const struct catalog *cat)
{
	return cat->header ? cat->header_line : 0;
}

static struct catalog_msg *ensure_header(struct catalog *cat)
{
	if (!cat->header) {
		/* The header goes first. */
		cat->header = catalog_new_msg(cat);
		cat->header->cat = cat;
		cat->header_pos = 0;
	}
	return cat->header;
}

void catalog_set_header(struct catalog *cat, const char *header)
{
	catalog_msg_set_str(ensure_header(cat), header);
}

void catalog_set_header_fuzzy(struct catalog *cat, int fuzzy)
{
	ensure_header(cat)->pm.fuzzy = fuzzy ? 1 : 0;
}

int catalog_header_fuzzy(const struct catalog *cat)
{
	return cat->header ? cat->header->pm.fuzzy : 0;
}

const char *catalog_header_comments(const struct catalog *cat)
{
	return cat->header ? cat->header->pm.comments : NULL;
}

void catalog_set_header_comments(struct catalog *cat, const char *comments)
{
	catalog_msg_set_comments(ensure_header(cat), comments);
}

/* --- Messages -------------------------------------------------------------------- */

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
	struct catalog_msg *m = catalog_new_msg(cat);

	m->cat = cat;
	m->pm.ctxt = keep(cat, msgctxt);
	m->pm.id = keep(cat, msgid);
	m->pm.id_plural = keep(cat, msgid_plural);
	if (msgid_plural) {
		/* Two empty forms, as po_message_set_msgstr_plural leaves them. */
		m->pm.str = keep_bytes(cat, "\0", 2);
		m->pm.str_len = 2;
	}
	catalog_add_msg(cat, m);
	return m;
}

/*
 * The getters that hand out one of the message's strings as it is kept
 * (catalog.h says what each is): catalog_msg_ctxt, catalog_msg_id,
 * catalog_msg_id_plural, catalog_msg_comments, catalog_msg_extracted,
 * catalog_msg_prev_ctxt, catalog_msg_prev_id, catalog_msg_prev_id_plural.
 */
#define STRING_GETTER(field)                                         \
	const char *catalog_msg_##field(const struct catalog_msg *m) \
	{                                                            \
		return m->pm.field;                                  \
	}
STRING_GETTER(ctxt)
STRING_GETTER(id)
STRING_GETTER(id_plural)
STRING_GETTER(comments)
STRING_GETTER(extracted)
STRING_GETTER(prev_ctxt)
STRING_GETTER(prev_id)
STRING_GETTER(prev_id_plural)
#undef STRING_GETTER

const char *catalog_msg_str(const struct catalog_msg *m)
{
	return m->pm.str_len ? m->pm.str : "";
}

const char *catalog_msg_str_plural(const struct catalog_msg *m, int index)
{
	const char *p, *end = m->pm.str + m->pm.str_len;

	if (!m->pm.id_plural || index < 0)
		return NULL;
	for (p = m->pm.str; p < end; p += strlen(p) + 1, index--)
		if (index == 0)
			return p;
	return NULL;
}

int catalog_msg_fuzzy(const struct catalog_msg *m)
{
	return m->pm.fuzzy;
}

int catalog_msg_obsolete(const struct catalog_msg *m)
{
	return m->pm.obsolete;
}

int catalog_msg_no_wrap(const struct catalog_msg *m)
{
	return m->pm.no_wrap;
}

long catalog_msg_line(const struct catalog_msg *m)
{
	return m->pm.line;
}

uint64_t catalog_msg_key(const struct catalog_msg *m)
{
	struct digest_state s;
	uint64_t key;

	digest_init(&s);
	digest_add_str(&s, catalog_msg_ctxt(m));
	digest_add_str(&s, catalog_msg_id(m));
	key = digest_final(&s).lo;
	return key ? key : 1;
}

int catalog_msg_rejected(const struct catalog_msg *m)
{
	return m->rejected;
}

int catalog_msg_plural_count(const struct catalog_msg *m)
{
	const char *p, *end = m->pm.str + m->pm.str_len;
	int n = 0;

	if (!m->pm.id_plural)
		return 0;
	for (p = m->pm.str; p < end; p += strlen(p) + 1)
		n++;
	return n;
}

int catalog_msg_translated(const struct catalog_msg *m)
{
	const char *p, *end = m->pm.str + m->pm.str_len;

	if (m->pm.obsolete || m->pm.fuzzy)
		return 0;
	if (!m->pm.id_plural)
		return m->pm.str[0] != '\0';
	for (p = m->pm.str; p < end; p += strlen(p) + 1)
		if (p[0] == '\0')
			return 0;
	return m->pm.str_len > 0;
}

int catalog_msg_ref_count(const struct catalog_msg *m)
{
	return (int)m->pm.nrefs;
}

const char *catalog_msg_ref(const struct catalog_msg *m, int i, long *line)
{
	if (i < 0 || (size_t)i >= m->pm.nrefs)
		return NULL;
	if (line)
		*line = m->pm.refs[i].line == POTEXT_NO_LINE ? 0 : (long)m->pm.refs[i].line;
	return m->pm.refs[i].file;
}

void catalog_msg_set_str(struct catalog_msg *m, const char *msgstr)
{
	if (m->pm.id_plural) {
		catalog_msg_set_str_plural(m, 0, msgstr);
		return;
	}
	m->pm.str = keep(m->cat, msgstr);
	m->pm.str_len = strlen(m->pm.str) + 1;
}

/* As po_message_set_msgstr_plural: replaces the INDEX-th form, appends it
 * (empty forms before it if needed), or removes the last one (NULL). */
void catalog_msg_set_str_plural(struct catalog_msg *m, int index, const char *msgstr)
{
	const char *p, *end = m->pm.str + m->pm.str_len;
	struct buf forms = BUF_INIT;
	int i;

	if (!m->pm.id_plural || index < 0)
		return;
	for (p = m->pm.str, i = 0; p < end && i < index; p += strlen(p) + 1, i++)
		;
	if (p >= end) {
		if (!msgstr)
			return;
		buf_add(&forms, m->pm.str, m->pm.str_len);
		for (; i < index; i++)
			buf_addc(&forms, '\0');
		buf_add(&forms, msgstr, strlen(msgstr) + 1);
	} else if (!msgstr && p + strlen(p) + 1 >= end) {
		m->pm.str_len = (size_t)(p - m->pm.str);
		return;
	} else {
		const char *next = p + strlen(p) + 1;

		buf_add(&forms, m->pm.str, (size_t)(p - m->pm.str));
		buf_add(&forms, msgstr ? msgstr : "", strlen(msgstr ? msgstr : "") + 1);
		buf_add(&forms, next, (size_t)(end - next));
	}
	m->pm.str = keep_bytes(m->cat, buf_str(&forms), forms.len);
	m->pm.str_len = forms.len;
	buf_release(&forms);
}

/* Comment text as libgettextpo gives it back once set: one '\n' after
 * every line, the last one included. */
static const char *keep_comment_text(struct catalog *cat, const char *s)
{
	size_t n;
	char *copy;

	if (!s || !*s)
		return "";
	n = strlen(s);
	if (s[n - 1] == '\n')
		return keep(cat, s);
	copy = pool_alloc(cat, n + 2);
	memcpy(copy, s, n);
	copy[n] = '\n';
	copy[n + 1] = '\0';
	return copy;
}

void catalog_msg_set_comments(struct catalog_msg *m, const char *comments)
{
	m->pm.comments = keep_comment_text(m->cat, comments);
}

void catalog_msg_set_extracted(struct catalog_msg *m, const char *comments)
{
	m->pm.extracted = keep_comment_text(m->cat, comments);
}

/* FILE as the one copy CAT keeps of that name. */
static const char *intern_file(struct catalog *cat, const char *file)
{
	uint64_t h = digest_fnv_str(DIGEST_FNV_START, file);
	size_t i;

	if ((cat->nfiles + 1) * 2 > cat->files_mask + 1) {
		size_t size = cat->files_mask ? (cat->files_mask + 1) * 2 : 256, old_size;
		const char **old = cat->files;

		old_size = cat->files_mask ? cat->files_mask + 1 : 0;
		cat->files = xcalloc(size, sizeof *cat->files);
		cat->files_mask = size - 1;
		for (i = 0; i < old_size; i++) {
			size_t j;

			if (!old[i])
				continue;
			for (j = (size_t)digest_fnv_str(DIGEST_FNV_START, old[i]) & cat->files_mask;
			     cat->files[j]; j = (j + 1) & cat->files_mask)
				;
			cat->files[j] = old[i];
		}
		free(old);
	}
	for (i = (size_t)h & cat->files_mask; cat->files[i]; i = (i + 1) & cat->files_mask)
		if (strcmp(cat->files[i], file) == 0)
			return cat->files[i];
	cat->files[i] = keep(cat, file);
	cat->nfiles++;
	return cat->files[i];
}

/*
 * Adds the reference (NAME, an interned file name; LINE) at the end of M's.
 * References read from a file point into the catalog's block: the first
 * one added gives M an array of its own.
 */
static void append_ref(struct catalog_msg *m, const char *name, size_t line)
{
	if (!m->refs_alloc) {
		struct potext_ref *own = xmalloc((m->pm.nrefs + 4) * sizeof *own);

		if (m->pm.nrefs)
			memcpy(own, m->pm.refs, m->pm.nrefs * sizeof *own);
		m->pm.refs = own;
		m->refs_alloc = m->pm.nrefs + 4;
	}
	xgrow((void **)&m->pm.refs, &m->refs_alloc, m->pm.nrefs + 1, sizeof *m->pm.refs);
	m->pm.refs[m->pm.nrefs].file = name;
	m->pm.refs[m->pm.nrefs++].line = line;
}

void catalog_msg_add_ref(struct catalog_msg *m, const char *file, long line)
{
	size_t l = line > 0 ? (size_t)line : POTEXT_NO_LINE, i;
	const char *name = intern_file(m->cat, file);

	/* A reference that is there already is not added (as in gettext). */
	for (i = 0; i < m->pm.nrefs; i++)
		if (m->pm.refs[i].line == l &&
		    (m->pm.refs[i].file == name || strcmp(m->pm.refs[i].file, name) == 0))
			return;
	append_ref(m, name, l);
}

void catalog_msg_append_ref(struct catalog_msg *m, const char *file, long line)
{
	append_ref(m, intern_file(m->cat, file), line > 0 ? (size_t)line : POTEXT_NO_LINE);
}

void catalog_msg_copy_refs(struct catalog_msg *dst, const struct catalog_msg *src)
{
	struct catalog *cat = dst->cat;
	size_t i;

	if (dst->pm.nrefs || !src->pm.nrefs) {
		for (i = 0; i < src->pm.nrefs; i++)
			catalog_msg_add_ref(dst, src->pm.refs[i].file,
			                    src->pm.refs[i].line == POTEXT_NO_LINE
			                        ? 0
			                        : (long)src->pm.refs[i].line);
		return;
	}
	/* References read into a block CAT shares are shared too. */
	for (i = 0; i < cat->nshared; i++)
		if (src->refs_alloc == 0 && cat->shared[i] == src->cat->block) {
			dst->pm.refs = src->pm.refs;
			dst->pm.nrefs = src->pm.nrefs;
			return;
		}
	dst->pm.refs = xmalloc(src->pm.nrefs * sizeof *dst->pm.refs);
	dst->refs_alloc = src->pm.nrefs;
	for (i = 0; i < src->pm.nrefs; i++) {
		dst->pm.refs[i].file = intern_file(cat, src->pm.refs[i].file);
		dst->pm.refs[i].line = src->pm.refs[i].line;
	}
	dst->pm.nrefs = src->pm.nrefs;
}

void catalog_msg_set_prev(struct catalog_msg *m, const char *msgctxt, const char *msgid,
                          const char *msgid_plural)
{
	m->pm.prev_ctxt = keep(m->cat, msgctxt);
	m->pm.prev_id = keep(m->cat, msgid);
	m->pm.prev_id_plural = keep(m->cat, msgid_plural);
}

void catalog_msg_set_fuzzy(struct catalog_msg *m, int fuzzy)
{
	m->pm.fuzzy = fuzzy ? 1 : 0;
}

void catalog_msg_set_obsolete(struct catalog_msg *m, int obsolete)
{
	m->pm.obsolete = obsolete ? 1 : 0;
}

void catalog_msg_set_no_wrap(struct catalog_msg *m, int no_wrap)
{
	m->pm.no_wrap = no_wrap ? 1 : 0;
}

void catalog_msg_copy_flags(struct catalog_msg *dst, const struct catalog_msg *src)
{
	/* The formats a message is (not those it is not), its range, its
	 * wrapping. */
	dst->pm.fmt_yes |= src->pm.fmt_yes;
	dst->pm.fmt_no &= ~src->pm.fmt_yes;
	if (src->pm.range_min >= 0) {
		dst->pm.range_min = src->pm.range_min;
		dst->pm.range_max = src->pm.range_max;
	}
	dst->pm.no_wrap = src->pm.no_wrap;
}
