/*
 * extract: documents → template messages.  See extract.h.
 *
 * Which nodes are units (the walk below): a translatable attribute is a
 * unit of its own, except on an inline element, where it stays inside the
 * markup of the unit around it; a translatable element is a unit when its
 * message holds text (segment.h); otherwise its child elements are
 * visited.  The elements a unit shows as placeholders (untranslatable,
 * nested, or block elements) are visited after it, so their own
 * translatable text becomes messages of its own and no text is ever
 * dropped.  The walk is extract_units, which inject.c uses as well.
 */
#include <config.h>

#include "extract.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "buf.h"
#include "cache.h"
#include "catalog.h"
#include "file.h"
#include "mem.h"
#include "msgindex.h"
#include "segment.h"
#include "xmldoc.h"

struct ref {
	const char *file; /* interned in extract.files */
	long line;
};

struct msg {
	char *ctxt; /* NULL: none */
	char *id;
	struct buf comments; /* "#." lines, each ending in '\n' */
	struct ref *refs;
	size_t nrefs, refs_alloc;
	int no_wrap;
};

struct extract {
	const struct its_rules *rules;
	struct msg *msgs;
	size_t count, alloc;
	struct msgindex index; /* (msgctxt, msgid) -> message number */
	char **files;
	size_t nfiles, files_alloc;
	struct msgindex file_index; /* file name -> its number in FILES */
	char *source_lang; /* from the first document that has one */
};

/* The walk over one document: who hears of each unit. */
struct walk {
	const struct its_doc *its;
	extract_unit_fn *fn;
	void *data;
};

struct extract *extract_new(const struct its_rules *rules)
{
	struct extract *ex = xcalloc(1, sizeof *ex);

	ex->rules = rules;
	msgindex_init(&ex->index);
	msgindex_init(&ex->file_index);
	return ex;
}

void extract_free(struct extract *ex)
{
	size_t i;

	if (!ex)
		return;
	for (i = 0; i < ex->count; i++) {
		free(ex->msgs[i].ctxt);
		free(ex->msgs[i].id);
		buf_release(&ex->msgs[i].comments);
		free(ex->msgs[i].refs);
	}
	free(ex->msgs);
	msgindex_release(&ex->index);
	msgindex_release(&ex->file_index);
	for (i = 0; i < ex->nfiles; i++)
		free(ex->files[i]);
	free(ex->files);
	free(ex->source_lang);
	free(ex);
}

size_t extract_count(const struct extract *ex)
{
	return ex->count;
}

/* --- The message table ------------------------------------------------------- */

/* The message (CTXT, ID), created at the end if new. */
static struct msg *find_or_add(struct extract *ex, const char *ctxt, const char *id)
{
	size_t n = msgindex_find(&ex->index, ctxt, id);
	struct msg *m;

	if (n != MSGINDEX_NONE)
		return &ex->msgs[n];
	xgrow((void **)&ex->msgs, &ex->alloc, ex->count + 1, sizeof *ex->msgs);
	m = &ex->msgs[ex->count++];
	memset(m, 0, sizeof *m);
	m->ctxt = ctxt ? xstrdup(ctxt) : NULL;
	m->id = xstrdup(id);
	msgindex_add(&ex->index, m->ctxt, m->id);
	return m;
}

/* FILE as the one copy EX keeps of that name: the same name, the same
 * pointer, so that references compare by pointer.  *SEEN tells whether
 * the name was there already. */
static const char *intern_file(struct extract *ex, const char *file, int *seen)
{
	size_t n;

	*seen = 1;
	if (ex->nfiles && strcmp(ex->files[ex->nfiles - 1], file) == 0)
		return ex->files[ex->nfiles - 1];
	n = msgindex_find(&ex->file_index, NULL, file);
	if (n != MSGINDEX_NONE)
		return ex->files[n];
	*seen = 0;
	xgrow((void **)&ex->files, &ex->files_alloc, ex->nfiles + 1, sizeof *ex->files);
	ex->files[ex->nfiles] = xstrdup(file);
	msgindex_add(&ex->file_index, NULL, ex->files[ex->nfiles]);
	return ex->files[ex->nfiles++];
}

/* Appends each line of LINES to M's comments unless M has it already. */
static void merge_comments(struct msg *m, const char *lines)
{
	const char *p = lines;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *have = buf_str(&m->comments);
		int found = 0;

		while (*have && !found) {
			const char *e = strchr(have, '\n');
			size_t l = e ? (size_t)(e - have) : strlen(have);

			found = l == len && memcmp(have, p, len) == 0;
			have += l + (e ? 1 : 0);
		}
		if (!found && len) {
			buf_add(&m->comments, p, len);
			buf_addc(&m->comments, '\n');
		}
		p += len + (eol ? 1 : 0);
	}
}

/* --- The walk ---------------------------------------------------------------- */

/* The name of NODE (an element or an attribute) as the document writes it,
 * with its prefix. */
static void add_qname(struct buf *out, xmlNodePtr node)
{
	const xmlChar *prefix = node->ns ? node->ns->prefix : NULL;
	xmlChar *qname = xmlBuildQName(node->name, prefix, NULL, 0);

	buf_adds(out, (const char *)qname);
	if (qname != node->name)
		xmlFree(qname);
}

/* ITS 2.0 §8.10: content meant for no locale at all is not extracted. */
static int for_no_locale(const struct its_doc *its, xmlNodePtr node, struct buf *comments)
{
	int exclude;
	const char *list = its_locale_filter(its, node, &exclude);
	const char *p = list;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (!exclude && *p == '\0')
		return 1;
	if (exclude && strcmp(p, "*") == 0)
		return 1;
	if (strcmp(p, "*") != 0)
		buf_addf(comments, "%s locales: %s\n", exclude ? "Not for" : "Only for", list);
	return 0;
}

static void add_note(struct buf *comments, const struct its_doc *its, xmlNodePtr node)
{
	int is_ref;
	const char *type;
	const char *note = its_note(its, node, &is_ref, &type);

	if (!note)
		return;
	buf_addf(comments, "%s%s%s\n", type && strcmp(type, "alert") == 0 ? "Alert: " : "",
	         is_ref ? "See " : "", note);
}

static void visit(struct walk *w, const struct segment *seg, const char *ctxt,
                  const struct buf *comments)
{
	struct extract_unit unit;

	unit.seg = seg;
	unit.ctxt = ctxt;
	unit.comments = buf_str(comments);
	w->fn(&unit, w->data);
}

static void walk_attribute(struct walk *w, xmlNodePtr attr)
{
	struct buf comments = BUF_INIT;
	struct segment seg;

	if (!for_no_locale(w->its, attr, &comments)) {
		segment_init(&seg, w->its, attr);
		if (seg.has_text) {
			struct buf all = BUF_INIT;

			buf_adds(&all, "Attribute ");
			add_qname(&all, attr);
			buf_adds(&all, " of <");
			add_qname(&all, attr->parent);
			buf_adds(&all, ">\n");
			add_note(&all, w->its, attr);
			buf_adds(&all, buf_str(&comments));
			visit(w, &seg, NULL, &all);
			buf_release(&all);
		}
		segment_release(&seg);
	}
	buf_release(&comments);
}

static void walk_element(struct walk *w, xmlNodePtr el)
{
	xmlAttrPtr a;
	xmlNodePtr c;

	if (its_is_markup(el))
		return;
	for (a = el->properties; a; a = a->next)
		if (its_translate(w->its, (xmlNodePtr)a))
			walk_attribute(w, (xmlNodePtr)a);
	if (its_translate(w->its, el)) {
		struct buf comments = BUF_INIT;
		struct segment seg;
		int unit = 0;

		if (for_no_locale(w->its, el, &comments)) {
			buf_release(&comments);
			return;
		}
		segment_init(&seg, w->its, el);
		if (seg.has_text) {
			struct buf all = BUF_INIT;
			size_t i;

			unit = 1;
			add_note(&all, w->its, el);
			if (its_term(w->its, el, NULL))
				segment_term_note(&all, el);
			buf_adds(&all, buf_str(&seg.notes));
			buf_adds(&all, buf_str(&comments));
			visit(w, &seg, its_id_value(w->its, el), &all);
			buf_release(&all);
			for (i = 0; i < seg.nplaceholders; i++)
				if (seg.placeholders[i]->type == XML_ELEMENT_NODE)
					walk_element(w, seg.placeholders[i]);
		}
		segment_release(&seg);
		buf_release(&comments);
		if (unit)
			return;
	}
	for (c = el->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			walk_element(w, c);
}

void extract_units(const struct its_doc *its, xmlNodePtr root, extract_unit_fn *fn, void *data)
{
	struct walk w;

	w.its = its;
	w.fn = fn;
	w.data = data;
	if (root)
		walk_element(&w, root);
}

/* What extract_doc does with each unit: a reference to its message. */
struct collect {
	struct extract *ex;
	const char *file; /* interned */
	int repeat; /* FILE was read before: its references may be anywhere */
	struct buf *record; /* the units as a cache record (see below), or NULL */
	uint64_t units;
};

/*
 * One occurrence of (CTXT, ID) in FILE (interned) at LINE, with its "#."
 * COMMENTS; REPEAT when FILE was read before.  Each reference is kept
 * once, as gettext keeps them: unless the document was named twice, a
 * repeat can only be among the references of this document, the last ones.
 */
static void add_occurrence(struct extract *ex, const char *file, int repeat, const char *ctxt,
                           const char *id, const char *comments, long line, int preserve)
{
	struct msg *m = find_or_add(ex, ctxt, id);
	size_t k;

	for (k = m->nrefs; k > 0 && (repeat || m->refs[k - 1].file == file); k--)
		if (m->refs[k - 1].file == file && m->refs[k - 1].line == line)
			break;
	if (k == 0 || m->refs[k - 1].file != file || m->refs[k - 1].line != line) {
		xgrow((void **)&m->refs, &m->refs_alloc, m->nrefs + 1, sizeof *m->refs);
		m->refs[m->nrefs].file = file;
		m->refs[m->nrefs].line = line;
		m->nrefs++;
	}
	if (preserve)
		m->no_wrap = 1;
	merge_comments(m, comments);
}

static void add_unit(const struct extract_unit *unit, void *data)
{
	struct collect *c = data;
	const struct segment *seg = unit->seg;
	xmlNodePtr el = seg->node->type == XML_ATTRIBUTE_NODE ? seg->node->parent : seg->node;
	long line = xmlGetLineNo(el) > 0 ? xmlGetLineNo(el) : 0;

	add_occurrence(c->ex, c->file, c->repeat, unit->ctxt, seg->text, unit->comments, line,
	               seg->preserve);
	if (c->record) {
		cache_rec_str(c->record, unit->ctxt);
		cache_rec_str(c->record, seg->text);
		cache_rec_str(c->record, unit->comments);
		cache_rec_u64(c->record, (uint64_t)line);
		cache_rec_u64(c->record, seg->preserve ? 1 : 0);
		c->units++;
	}
}

/* The root's language, the first a document gives, is the template's. */
static void take_language(struct extract *ex, const char *lang)
{
	if (!ex->source_lang && lang && *lang)
		ex->source_lang = xstrdup(lang);
}

/* extract_doc, with the units also written to RECORD when not NULL. */
static int extract_doc_into(struct extract *ex, xmlDocPtr doc, const char *name, struct buf *record,
                            struct diag *d)
{
	struct its_doc *its = its_doc_new(ex->rules, doc, d);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	const char *lang = NULL;
	struct collect c;

	if (!its)
		return -1;
	memset(&c, 0, sizeof c);
	c.ex = ex;
	c.file = name;
	c.record = record;
	if (root) {
		lang = its_lang(its, root);
		take_language(ex, lang);
		if (record)
			cache_rec_str(record, lang);
		c.file = intern_file(ex, name, &c.repeat);
		extract_units(its, root, add_unit, &c);
	}
	if (record) {
		if (!root)
			cache_rec_str(record, NULL);
		/* The count goes last, so the walk needs no second pass. */
		cache_rec_u64(record, c.units);
	}
	its_doc_free(its);
	return 0;
}

int extract_doc(struct extract *ex, xmlDocPtr doc, const char *name, struct diag *d)
{
	return extract_doc_into(ex, doc, name, NULL, d);
}

/* --- Documents through a cache ------------------------------------------------ */

/*
 * A document's record: the root's language (NULL if none), each unit as
 * msgctxt, msgid, "#." comments, line and preserve-space flag, then the
 * number of units.  Its key: the rules, the name the references give,
 * the document's bytes (and the program, through cache_key).
 */
static void doc_key(const struct digest *rules, const char *name, const struct digest *bytes,
                    struct digest *key)
{
	struct digest_state s;

	cache_key(&s, "extract-doc");
	digest_add_digest(&s, rules);
	digest_add_str(&s, name);
	digest_add_digest(&s, bytes);
	*key = digest_final(&s);
}

/*
 * Adds the units of the record REC (LEN bytes) as if the document NAME
 * had been walked.  The record is checked whole first, so that a bad one
 * adds nothing: returns 0, or -1 when it is not a record of this kind.
 */
static int replay(struct extract *ex, const char *name, const char *rec, size_t len)
{
	struct cache_reader r;
	uint64_t units = 0, i;
	const char *lang, *file = NULL;
	int pass, repeat = 0;

	for (pass = 0; pass < 2; pass++) {
		cache_reader_init(&r, rec, len);
		lang = cache_read_str(&r);
		if (pass == 1) {
			take_language(ex, lang);
			file = intern_file(ex, name, &repeat);
		}
		for (i = 0; pass == 0 ? r.end - r.p > 8 && !r.bad : i < units; i++) {
			const char *ctxt = cache_read_str(&r);
			const char *id = cache_read_str(&r);
			const char *comments = cache_read_str(&r);
			long line = (long)cache_read_u64(&r);
			int preserve = cache_read_u64(&r) != 0;

			if (pass == 1)
				add_occurrence(ex, file, repeat, ctxt, id, comments, line,
				               preserve);
			else if (!id || !comments)
				return -1;
		}
		if (pass == 0 && (cache_read_u64(&r) != i || !cache_reader_done(&r)))
			return -1;
		units = i;
	}
	return 0;
}

int extract_file_cached(struct extract *ex, const char *path, struct cache *cache,
                        const struct digest *rules, struct diag *d)
{
	struct digest bytes, key;
	struct buf data = BUF_INIT, record = BUF_INIT;
	const char *rec;
	size_t len = 0;
	unsigned long diags = 0, files;
	xmlDocPtr doc;
	int rc, i;

	if (cache_file(cache, path, &bytes) == 0) {
		doc_key(rules, path, &bytes, &key);
		rec = cache_get(cache, &key, &len);
		if (rec && replay(ex, path, rec, len) == 0)
			return 0;
		if (rec)
			cache_reject(cache, &key);
	}
	/* The bytes parsed are the bytes digested: a document changed
	 * meanwhile gets the record of what was read. */
	if (cache_file_read(cache, path, &bytes, &data) != 0 || data.len == 0) {
		buf_release(&data);
		return extract_file(ex, path, d);
	}
	for (i = 0; i < DIAG_SEVERITY_COUNT; i++)
		diags += diag_count(d, (enum diag_severity)i);
	files = xmldoc_files_read();
	doc = xmldoc_read_memory(data.data, data.len, path, d);
	rc = doc ? extract_doc_into(ex, doc, path, &record, d) : -1;
	/* Only a document that said nothing and read no other file (linked
	 * rules) is all its key says. */
	for (i = 0; i < DIAG_SEVERITY_COUNT; i++)
		diags -= diag_count(d, (enum diag_severity)i);
	if (rc == 0 && diags == 0 && files == xmldoc_files_read()) {
		doc_key(rules, path, &bytes, &key);
		cache_put(cache, &key, record.data, record.len);
	}
	if (doc)
		xmlFreeDoc(doc);
	buf_release(&record);
	buf_release(&data);
	return rc;
}

int extract_file(struct extract *ex, const char *path, struct diag *d)
{
	xmlDocPtr doc = xmldoc_read_file(path, d);
	int rc;

	if (!doc)
		return -1;
	rc = extract_doc(ex, doc, path, d);
	xmlFreeDoc(doc);
	return rc;
}

/* --- The template -------------------------------------------------------------- */

/* Comments as catalog.h takes them: lines without the last newline. */
static char *comment_text(const struct msg *m)
{
	size_t len = m->comments.len;

	while (len > 0 && buf_str(&m->comments)[len - 1] == '\n')
		len--;
	return xstrndup(buf_str(&m->comments), len);
}

#define DATE_FIELD "\"POT-Creation-Date: "

/*
 * The start of the file at PATH (enough to hold a template's header) into
 * OUT; -1 when there is no such file to read.  Only a regular file has an
 * old template: opening a pipe to read it would wait for a writer.
 */
static int read_head(const char *path, struct buf *out)
{
	char chunk[8192];
	struct stat st;
	ssize_t n;
	int fd;

	if (atomic_is_stdout(path) || (fd = file_open(path, &st)) < 0)
		return -1;
	n = read(fd, chunk, sizeof chunk);
	if (n > 0)
		buf_add(out, chunk, (size_t)n);
	close(fd);
	return 0;
}

/*
 * Where the value of the header's POT-Creation-Date starts in TEXT (a
 * template as libgettextpo writes it: the header comes first, one field
 * per line), and its length; NULL if absent.
 */
static const char *find_date(const struct buf *text, size_t *len)
{
	const char *p = buf_str(text);
	const char *end = strstr(p, "\n\n"); /* the header entry ends there */
	const char *at = strstr(p, DATE_FIELD);

	if (!at || (end && at > end))
		return NULL;
	at += strlen(DATE_FIELD);
	*len = strcspn(at, "\\\"\n");
	return at;
}
/* Now, or SOURCE_DATE_EPOCH, as gettext writes dates (in UTC). */
static char *current_date(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char text[64];
	time_t t = time(NULL);
	struct tm tm;

	if (epoch && *epoch) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(epoch, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	strftime(text, sizeof text, "%Y-%m-%d %H:%M+0000", &tm);
	return xstrdup(text);
}

static void build_header(struct buf *h, const struct extract *ex,
                         const struct extract_header *header, const char *date)
{
	const char *name = header && header->package_name ? header->package_name : "PACKAGE";
	const char *version = header && header->package_version ? header->package_version
	                      : header && header->package_name  ? NULL
	                                                        : "VERSION";
	const char *lang = header && header->source_lang ? header->source_lang : ex->source_lang;

	buf_truncate(h, 0);
	buf_addf(h, "Project-Id-Version: %s%s%s\n", name, version ? " " : "",
	         version ? version : "");
	buf_adds(h, "Report-Msgid-Bugs-To: \n");
	buf_addf(h, "POT-Creation-Date: %s\n", date);
	buf_adds(h, "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
	            "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
	            "Language-Team: LANGUAGE <LL@li.org>\n"
	            "Language: \n"
	            "MIME-Version: 1.0\n"
	            "Content-Type: text/plain; charset=UTF-8\n"
	            "Content-Transfer-Encoding: 8bit\n");
	if (lang)
		buf_addf(h, "X-Source-Language: %s\n", lang);
}

int extract_write(struct extract *ex, const char *path, const struct extract_header *header,
                  struct diag *d)
{
	struct catalog *cat = catalog_create(path);
	struct buf h = BUF_INIT, old = BUF_INIT, text = BUF_INIT;
	const char *at;
	char *date = NULL;
	size_t i, len;
	int k, rc = -1, date_kept;

	/* No language is assumed: the template says which one its msgids are in. */
	if (!(header && header->source_lang) && !ex->source_lang) {
		diag_report(d, DIAG_ERROR, NULL, 0, 0,
		            "the source language is unknown: no document says it (ITS Language "
		            "Information, such as xml:lang on the root); give it with "
		            "--source-lang=LL");
		catalog_free(cat);
		return -1;
	}
	/* Render with the date the file has: if the bytes come out the same,
	 * the file is left alone, timestamp included. */
	if (read_head(path, &old) == 0 && (at = find_date(&old, &len)) != NULL)
		date = xstrndup(at, len);
	date_kept = date != NULL;
	build_header(&h, ex, header, date ? date : "");
	if (!date) {
		date = current_date();
		build_header(&h, ex, header, date);
	}
	catalog_set_header(cat, buf_str(&h));
	catalog_set_header_fuzzy(cat, 1);

	/* Messages move into the catalog; ours are released as they go, so
	 * that the two copies never both hold everything.  The index points
	 * at their keys: it goes first. */
	msgindex_release(&ex->index);
	for (i = 0; i < ex->count; i++) {
		struct msg *m = &ex->msgs[i];
		struct catalog_msg *cm = catalog_append(cat, m->ctxt, m->id, NULL);

		if (m->comments.len) {
			char *comments = comment_text(m);

			catalog_msg_set_extracted(cm, comments);
			free(comments);
		}
		for (k = 0; k < (int)m->nrefs; k++)
			catalog_msg_append_ref(cm, m->refs[k].file, m->refs[k].line);
		if (m->no_wrap)
			catalog_msg_set_no_wrap(cm, 1);
		free(m->id);
		free(m->ctxt);
		free(m->refs);
		buf_release(&m->comments);
		memset(m, 0, sizeof *m);
	}
	ex->count = 0;

	if (catalog_render(cat, path, &text, d) != 0)
		goto out;
	if (date_kept && atomic_holds(path, buf_str(&text), text.len)) {
		atomic_sweep(path); /* up to date: only what an interrupted run left goes */
		rc = 0;
		goto out;
	}
	if (date_kept && (at = find_date(&text, &len)) != NULL) {
		/* The messages changed: the date becomes today's. */
		char *now = current_date();
		struct buf patched = BUF_INIT;

		buf_add(&patched, buf_str(&text), (size_t)(at - buf_str(&text)));
		buf_adds(&patched, now);
		buf_adds(&patched, at + len);
		buf_release(&text);
		text = patched;
		free(now);
	}
	rc = atomic_write(path, buf_str(&text), text.len, 0, d) < 0 ? -1 : 0;
out:
	free(date);
	buf_release(&h);
	buf_release(&old);
	buf_release(&text);
	catalog_free(cat);
	return rc;
}
