/*
 * inject: translations back into the documents.  See inject.h.
 */
#include <config.h>

#include "inject.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic.h"
#include "buf.h"
#include "cache.h"
#include "check.h"
#include "digest.h"
#include "extract.h"
#include "lang.h"
#include "mem.h"
#include "msgindex.h"
#include "segment.h"
#include "uni.h"
#include "xmldoc.h"

/* What the run shows for a message. */
enum state {
	STATE_UNKNOWN, /* not looked at yet */
	STATE_SOURCE, /* the source language's run: the text is the source's */
	STATE_TRANSLATED, /* translated; accepted unless it turns out REJECTED */
	STATE_FUZZY,
	STATE_UNTRANSLATED, /* no entry, empty, obsolete, or a copy of the source */
	STATE_REJECTED /* segment_check refused the translation */
};

/*
 * A message of the documents: one per distinct (msgctxt, msgid) met in a
 * unit, with the catalog's entry when it has one.  Words and state are
 * worked out once, however many units and documents share the message.
 */
struct entry {
	char *ctxt; /* NULL: none */
	char *id;
	const struct catalog_msg *msg; /* NULL: not in the catalog */
	enum state state;
	long words; /* -1 until counted */
	size_t stamp; /* the document that counted it last (1-based) */
	/* For records (inject_file_cached): digests of the key and of what
	 * the catalog says of it, worked out once. */
	struct digest key, said;
	int have_key, have_said;
	char *reason; /* why its translation was refused, once known */
};

struct inject {
	const struct its_rules *rules;
	const struct catalog *cat;
	char *lang;
	char *source_lang; /* NULL until the first document says */
	double threshold, keep_margin;
	struct entry *entries;
	size_t count, alloc;
	struct msgindex index; /* (msgctxt, msgid) -> entry number */
	struct inject_article *articles;
	size_t article_count, article_alloc;
	size_t docs; /* documents seen, for entry stamps */
	unsigned long rejected;
	/* The catalog's entries by the digest of their key, for records:
	 * entry number + 1, 0 for empty; built on first use. */
	size_t *by_key;
	size_t by_key_size, catalog_entries;
};

/* One document being localized. */
struct run {
	struct inject *inj;
	const struct its_doc *its;
	struct inject_article *art; /* where its counts go */
	struct diag *d;
	/* When recording: the entries the document looked up, and those
	 * whose translation was refused, as entry numbers. */
	size_t *looked, *refused;
	size_t nlooked, looked_alloc, nrefused, refused_alloc;
	int recording;
};

/* --- The messages ------------------------------------------------------------ */

/* The entry (CTXT, ID), added if new; MSG is the catalog's, or NULL. */
static struct entry *find_or_add(struct inject *inj, const char *ctxt, const char *id,
                                 const struct catalog_msg *msg)
{
	size_t n = msgindex_find(&inj->index, ctxt, id);
	struct entry *e;

	if (n != MSGINDEX_NONE)
		return &inj->entries[n];
	xgrow((void **)&inj->entries, &inj->alloc, inj->count + 1, sizeof *inj->entries);
	e = &inj->entries[inj->count++];
	memset(e, 0, sizeof *e);
	e->ctxt = ctxt ? xstrdup(ctxt) : NULL;
	e->id = xstrdup(id);
	e->msg = msg;
	e->words = -1;
	msgindex_add(&inj->index, e->ctxt, e->id);
	return e;
}

/*
 * The BCP 47 tag (what xml:lang holds) for LANG, which may be a gettext
 * locale name: "pt_BR" is "pt-BR", "sr_RS@latin" is "sr-Latn-RS"; a
 * codeset (".UTF-8") and other modifiers are dropped.
 */
static char *language_tag(const char *lang)
{
	size_t n = strcspn(lang, ".@"), base = strcspn(lang, "_-.@");
	const char *at = strchr(lang, '@');
	const char *script = !at                            ? NULL
	                     : strcmp(at, "@latin") == 0    ? "-Latn"
	                     : strcmp(at, "@cyrillic") == 0 ? "-Cyrl"
	                                                    : NULL;
	struct buf tag = BUF_INIT;
	char *p;

	buf_add(&tag, lang, base);
	if (script)
		buf_adds(&tag, script);
	buf_add(&tag, lang + base, n - base);
	for (p = tag.data; p && *p; p++)
		if (*p == '_')
			*p = '-';
	return buf_detach(&tag);
}

struct inject *inject_new(const struct its_rules *rules, const struct catalog *cat,
                          const struct inject_options *opt)
{
	struct inject *inj = xcalloc(1, sizeof *inj);
	size_t i, n = cat ? catalog_count(cat) : 0;

	inj->rules = rules;
	inj->cat = cat;
	inj->lang = language_tag(opt->lang);
	inj->threshold = opt->threshold;
	inj->keep_margin = opt->keep_margin;
	if (opt->source_lang)
		inj->source_lang = *opt->source_lang ? xstrdup(opt->source_lang) : NULL;
	else if (cat)
		inj->source_lang = lang_of_catalog(cat, "X-Source-Language", NULL);
	msgindex_init(&inj->index);
	/* Obsolete entries are no translation: left out, units find nothing. */
	for (i = 0; i < n; i++) {
		const struct catalog_msg *m = catalog_at(cat, i);

		if (!catalog_msg_obsolete(m))
			find_or_add(inj, catalog_msg_ctxt(m), catalog_msg_id(m), m);
	}
	inj->catalog_entries = inj->count;
	return inj;
}

void inject_free(struct inject *inj)
{
	size_t i;

	if (!inj)
		return;
	for (i = 0; i < inj->count; i++) {
		free(inj->entries[i].ctxt);
		free(inj->entries[i].id);
		free(inj->entries[i].reason);
	}
	free(inj->entries);
	free(inj->by_key);
	msgindex_release(&inj->index);
	for (i = 0; i < inj->article_count; i++) {
		free(inj->articles[i].id);
		free(inj->articles[i].file);
		free(inj->articles[i].date);
	}
	free(inj->articles);
	free(inj->lang);
	free(inj->source_lang);
	free(inj);
}

size_t inject_article_count(const struct inject *inj)
{
	return inj->article_count;
}

const struct inject_article *inject_article_at(const struct inject *inj, size_t i)
{
	return &inj->articles[i];
}

unsigned long inject_rejected(const struct inject *inj)
{
	return inj->rejected;
}

/* The state of E before its translation is tried, worked out once. */
static enum state entry_state(struct inject *inj, struct entry *e)
{
	if (e->state != STATE_UNKNOWN)
		return e->state;
	if (!inj->cat)
		e->state = STATE_SOURCE;
	else if (e->msg && catalog_msg_rejected(e->msg)) {
		/* Refused when the catalog was read, and reported then. */
		e->state = STATE_REJECTED;
		inj->rejected++;
	} else if (!e->msg || !*catalog_msg_str(e->msg))
		e->state = STATE_UNTRANSLATED;
	else if (catalog_msg_fuzzy(e->msg))
		e->state = STATE_FUZZY;
	else if (check_msg_copies_source(e->msg, inj->source_lang))
		e->state = STATE_UNTRANSLATED; /* as "traduki check" counts it */
	else
		e->state = STATE_TRANSLATED;
	return e->state;
}

/* --- One unit ---------------------------------------------------------------- */

/*
 * Languages are written where the document's ITS Language Information
 * reads them (ITS 2.0 §8.8): on an element that a langRule selects with a
 * pointer to one of its attributes, that attribute (DocBook 4's lang);
 * elsewhere xml:lang.  Local xml:lang wins over a rule, so an element that
 * has one gets it changed too: the two never disagree.
 */

/* The attribute NAME in the namespace NS_HREF (NULL: none) of EL, or NULL. */
static xmlChar *get_attr(xmlNodePtr el, const char *ns_href, const char *name)
{
	return ns_href ? xmlGetNsProp(el, BAD_CAST name, BAD_CAST ns_href)
	               : xmlGetNoNsProp(el, BAD_CAST name);
}

/* The language written on EL itself, where the rules read it, or NULL. */
static xmlChar *own_lang(const struct its_doc *its, xmlNodePtr el)
{
	const char *ns_href, *name;
	xmlChar *lang = xmlGetNsProp(el, BAD_CAST "lang", XML_XML_NAMESPACE);

	if (!lang && its_lang_attribute(its, el, &ns_href, &name))
		lang = get_attr(el, ns_href, name);
	return lang;
}

/* Writes LANG as the language of EL (see above). */
static void set_lang(const struct its_doc *its, xmlNodePtr el, const char *lang)
{
	const char *ns_href, *name;
	xmlChar *local = xmlGetNsProp(el, BAD_CAST "lang", XML_XML_NAMESPACE);
	int ruled = its_lang_attribute(its, el, &ns_href, &name);
	xmlNsPtr ns = NULL;

	if (ruled && ns_href && xmlStrEqual(BAD_CAST ns_href, XML_XML_NAMESPACE))
		ruled = 0; /* the rule points at xml:lang itself */
	else if (ruled && ns_href && !(ns = xmlSearchNsByHref(el->doc, el, BAD_CAST ns_href)))
		ruled = 0; /* a namespace not declared here: xml:lang */
	if (ruled) {
		xmlChar *have = get_attr(el, ns_href, name);

		if (!local || have)
			xmlSetNsProp(el, ns_href ? ns : NULL, BAD_CAST name, BAD_CAST lang);
		xmlFree(have);
	}
	if (local || !ruled)
		xmlNodeSetLang(el, BAD_CAST lang);
	xmlFree(local);
}

/* Sets the language of EL unless LANG is the language in scope there already. */
static void mark_lang(const struct its_doc *its, xmlNodePtr el, const char *lang)
{
	xmlChar *in_scope = NULL;
	xmlNodePtr n;

	for (n = el; n && n->type == XML_ELEMENT_NODE && !in_scope; n = n->parent)
		in_scope = own_lang(its, n);
	if (!in_scope || strcmp((const char *)in_scope, lang) != 0)
		set_lang(its, el, lang);
	xmlFree(in_scope);
}

/* Says which language the unit's text is in now (see inject.h). */
static void mark_unit(struct run *r, xmlNodePtr node, int shown_translated)
{
	const char *lang = r->inj->lang;
	xmlNodePtr el = node;

	if (!shown_translated) {
		lang = its_lang(r->its, node);
		if (!lang || !*lang)
			lang = r->inj->source_lang;
	}
	if (node->type == XML_ATTRIBUTE_NODE) {
		el = node->parent;
		/* The element's content would be mislabelled. */
		if (el->children)
			return;
	}
	mark_lang(r->its, el, lang);
}

static void report_rejected(struct inject *inj, const struct entry *e, const char *reason,
                            struct diag *d)
{
	inj->rejected++;
	/* Said as traduki check says it. */
	diag_report_id(d, DIAG_ERROR, "markup", catalog_name(inj->cat), catalog_msg_line(e->msg), 0,
	               "rejected, the page shows the source text instead: %s",
	               reason ? reason : "the markup does not fit the source");
}

/* Keeps why E's translation was refused, for the records of documents. */
static void note_reason(struct entry *e, const char *reason)
{
	free(e->reason);
	e->reason = xstrdup(reason ? reason : "the markup does not fit the source");
}

static void on_unit(const struct extract_unit *unit, void *data)
{
	struct run *r = data;
	struct inject *inj = r->inj;
	xmlNodePtr node = unit->seg->node;
	struct entry *e;
	enum state state;

	/* Content for other locales goes away after the walk. */
	if (!its_locale_admits(r->its, node, inj->lang))
		return;
	e = find_or_add(inj, unit->ctxt, unit->seg->text, NULL);
	if (r->recording) {
		xgrow((void **)&r->looked, &r->looked_alloc, r->nlooked + 1, sizeof *r->looked);
		r->looked[r->nlooked++] = (size_t)(e - inj->entries);
	}
	state = entry_state(inj, e);
	if (state == STATE_TRANSLATED) {
		char *reason = NULL;

		if (segment_apply_unit(r->its, unit->seg, catalog_msg_str(e->msg), NULL, NULL,
		                       &reason) != 0) {
			/* The same text fails the same way anywhere: said once. */
			e->state = state = STATE_REJECTED;
			report_rejected(inj, e, reason, r->d);
			note_reason(e, reason);
		}
		free(reason);
	}
	if (state != STATE_SOURCE)
		mark_unit(r, node, state == STATE_TRANSLATED);
	if (state == STATE_REJECTED && r->recording) {
		size_t n = (size_t)(e - inj->entries), i;

		for (i = 0; i < r->nrefused && r->refused[i] != n; i++)
			;
		if (i == r->nrefused) {
			xgrow((void **)&r->refused, &r->refused_alloc, r->nrefused + 1,
			      sizeof *r->refused);
			r->refused[r->nrefused++] = n;
		}
	}

	if (!r->art || e->stamp == inj->docs)
		return;
	e->stamp = inj->docs;
	if (e->words < 0)
		e->words = (long)check_msg_words(e->id, inj->source_lang);
	r->art->words += (unsigned long)e->words;
	if (state == STATE_SOURCE || state == STATE_TRANSLATED)
		r->art->translated += (unsigned long)e->words;
	else
		r->art->fallback++;
	if (state == STATE_FUZZY) {
		r->art->fuzzy++;
		r->art->fuzzy_words += (unsigned long)e->words;
	}
	if (state == STATE_REJECTED)
		r->art->rejected++;
}

/* --- Locale Filter ----------------------------------------------------------- */

static int is_blank_text(xmlNodePtr n)
{
	const xmlChar *p;

	if (!n || n->type != XML_TEXT_NODE)
		return 0;
	for (p = n->content; p && *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return 0;
	return 1;
}

/*
 * ITS 2.0 §8.10: removes below EL what is not meant for LANG.  Inline
 * elements stay: they are part of a sentence, translated or not.
 */
static void drop_filtered(const struct its_doc *its, xmlNodePtr el, const char *lang)
{
	xmlAttrPtr a, next_attr;
	xmlNodePtr c, next;

	for (a = el->properties; a; a = next_attr) {
		next_attr = a->next;
		if (!its_locale_admits(its, (xmlNodePtr)a, lang))
			xmlRemoveProp(a);
	}
	for (c = el->children; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (its_within_text(its, c) == ITS_WITHIN_YES || its_locale_admits(its, c, lang)) {
			drop_filtered(its, c, lang);
			continue;
		}
		/* The indentation before it goes too, so no blank line is left. */
		if (is_blank_text(c->prev)) {
			xmlNodePtr blank = c->prev;

			xmlUnlinkNode(blank);
			xmlFreeNode(blank);
		}
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/* --- Documents --------------------------------------------------------------- */

/* The file name NAME without its folder and extension. */
static char *stem(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	const char *dot = strrchr(base, '.');

	return xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

static struct inject_article *add_article(struct inject *inj, const struct its_doc *its,
                                          xmlNodePtr root, const char *file)
{
	struct inject_article *art;
	const char *id = root ? its_id_value(its, root) : NULL;
	xmlChar *date = root ? xmlGetNoNsProp(root, BAD_CAST "date") : NULL;

	xgrow((void **)&inj->articles, &inj->article_alloc, inj->article_count + 1,
	      sizeof *inj->articles);
	art = &inj->articles[inj->article_count++];
	memset(art, 0, sizeof *art);
	art->id = id && *id ? xstrdup(id) : stem(file);
	art->file = xstrdup(file);
	art->date = date ? xstrdup((const char *)date) : NULL;
	xmlFree(date);
	return art;
}

/* inject_doc with R (zeroed but for RECORDING) for the run. */
static int localize(struct inject *inj, xmlDocPtr doc, const char *file, struct run *rp,
                    struct diag *d)
{
	struct its_doc *its = its_doc_new(inj->rules, doc, d);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct run r = *rp;
	int rc = 0;

	if (!its)
		return -1;
	if (!inj->source_lang) {
		const char *lang = root ? its_lang(its, root) : NULL;

		/* No language is assumed: a fallback would be marked with a guess. */
		if (!lang || !*lang) {
			diag_report(d, DIAG_ERROR, xmldoc_name(doc), root ? xmlGetLineNo(root) : 0,
			            0,
			            "the source language is unknown: the document does not say it "
			            "(ITS Language Information), nor does the catalog "
			            "(X-Source-Language); give it with --source-lang=LL");
			its_doc_free(its);
			return -1;
		}
		inj->source_lang = xstrdup(lang);
	}
	inj->docs++;
	r.inj = inj;
	r.its = its;
	r.d = d;
	r.art = file ? add_article(inj, its, root, file) : NULL;
	if (r.art && r.art->date) {
		/* The pages, feeds and sitemaps get the day as YYYY-MM-DD: an
		 * xs:date may also carry a time zone (2024-05-01+02:00). */
		char day[11];

		if (uni_calendar_date(r.art->date, day) == 0) {
			free(r.art->date);
			r.art->date = xstrdup(day);
		} else {
			diag_report(d, DIAG_ERROR, xmldoc_name(doc), xmlGetLineNo(root), 0,
			            "the date '%s' is no date the site can show: an xs:date of the "
			            "years 1 to 9999 (2024-05-01, 2024-05-01+02:00)",
			            r.art->date);
			rc = -1;
		}
	}
	if (root) {
		set_lang(its, root, inj->lang);
		extract_units(its, root, on_unit, &r);
		drop_filtered(its, root, inj->lang);
	}
	if (r.art)
		r.art->published =
		    check_published(r.art->words, r.art->translated, r.art->fuzzy_words,
		                    inj->threshold, inj->keep_margin);
	its_doc_free(its);
	*rp = r;
	return rc;
}

int inject_doc(struct inject *inj, xmlDocPtr doc, const char *file, struct diag *d)
{
	struct run r;

	memset(&r, 0, sizeof r);
	return localize(inj, doc, file, &r, d);
}

/*
 * Writes DOC to PATH, indented when FORMAT (see inject_write_doc); the
 * digest of the bytes goes to *WROTE when not NULL.
 */
static int write_doc(xmlDocPtr doc, const char *path, int format, struct digest *wrote,
                     struct diag *d)
{
	xmlChar *mem = NULL;
	int len = 0, rc;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", format);
	if (!mem)
		return diag_error(d, path, 0, 0, "cannot serialize the document");
	if (wrote)
		*wrote = digest_of(mem, (size_t)len);
	/* Not flushed one by one: the next build writes a lost file again.
	 * Written over in the output folder, never through a link there. */
	rc = atomic_write(path, (const char *)mem, (size_t)len,
	                  ATOMIC_KEEP_SAME | ATOMIC_NO_SYNC | ATOMIC_NO_FOLLOW, d);
	xmlFree(mem);
	return rc;
}

int inject_write_doc(xmlDocPtr doc, const char *path, struct diag *d)
{
	return write_doc(doc, path, 0, NULL, d);
}

/* --- Documents through a cache ------------------------------------------------ */

/*
 * A document's record holds what inject_doc and inject_write_doc gave:
 * the digest of the bytes written, the manifest entry (id, date, counts),
 * the messages the document looked up with a digest of what the catalog
 * said of them, and the messages whose translation was refused, with why.
 * Its key: the program, the rules, the languages, the document's path,
 * name and bytes; what the catalog says is checked against the record,
 * so that a translator's change to one message makes again the documents
 * that use it and no other.
 */

static const struct digest *entry_key(struct entry *e)
{
	if (!e->have_key) {
		struct digest_state s;

		digest_init(&s);
		digest_add_str(&s, e->ctxt);
		digest_add_str(&s, e->id);
		e->key = digest_final(&s);
		e->have_key = 1;
	}
	return &e->key;
}

/* What the catalog says of MSG (NULL: nothing), all that entry_state reads. */
static struct digest said_of(const struct catalog_msg *msg)
{
	struct digest_state s;
	const char *form;
	int i;

	digest_init(&s);
	digest_add_u64(&s, msg ? 1 : 0);
	if (msg) {
		digest_add_str(&s, catalog_msg_str(msg));
		for (i = 0; (form = catalog_msg_str_plural(msg, i)) != NULL; i++)
			digest_add_str(&s, form);
		digest_add_u64(&s, (uint64_t)catalog_msg_fuzzy(msg));
		digest_add_str(&s, catalog_msg_comments(msg));
	}
	return digest_final(&s);
}

static const struct digest *entry_said(struct entry *e)
{
	if (!e->have_said) {
		e->said = said_of(e->msg);
		e->have_said = 1;
	}
	return &e->said;
}

/* The catalog's entry with key digest KEY, or NULL. */
static struct entry *find_by_key(struct inject *inj, const struct digest *key)
{
	size_t mask, i;

	if (!inj->by_key) {
		size_t size = 16, n;

		while (size < 2 * inj->catalog_entries)
			size *= 2;
		inj->by_key = xcalloc(size, sizeof *inj->by_key);
		inj->by_key_size = size;
		for (n = 0; n < inj->catalog_entries; n++) {
			const struct digest *k = entry_key(&inj->entries[n]);

			for (i = (size_t)k->lo & (size - 1); inj->by_key[i];
			     i = (i + 1) & (size - 1))
				;
			inj->by_key[i] = n + 1;
		}
	}
	mask = inj->by_key_size - 1;
	for (i = (size_t)key->lo & mask; inj->by_key[i]; i = (i + 1) & mask) {
		struct entry *e = &inj->entries[inj->by_key[i] - 1];

		if (digest_equal(entry_key(e), key))
			return e;
	}
	return NULL;
}

static void doc_key(const struct inject *inj, const struct digest *rules, const char *path,
                    const char *file, const struct digest *bytes, struct digest *key)
{
	struct digest_state s;

	cache_key(&s, "inject-doc");
	digest_add_digest(&s, rules);
	digest_add_str(&s, inj->lang);
	digest_add_str(&s, inj->source_lang);
	digest_add_u64(&s, inj->cat ? 1 : 0);
	digest_add_str(&s, path);
	digest_add_str(&s, file);
	digest_add_digest(&s, bytes);
	*key = digest_final(&s);
}

static void record_doc(struct inject *inj, const struct run *r, const struct digest *wrote,
                       struct buf *rec)
{
	const struct inject_article *art = r->art;
	struct digest_state s;
	struct digest said;
	size_t i;

	cache_rec_digest(rec, wrote);
	cache_rec_str(rec, art->id);
	cache_rec_str(rec, art->date);
	cache_rec_u64(rec, art->words);
	cache_rec_u64(rec, art->translated);
	cache_rec_u64(rec, art->fuzzy);
	cache_rec_u64(rec, art->fuzzy_words);
	cache_rec_u64(rec, art->fallback);
	cache_rec_u64(rec, art->rejected);
	digest_init(&s);
	for (i = 0; i < r->nlooked; i++)
		digest_add_digest(&s, entry_said(&inj->entries[r->looked[i]]));
	said = digest_final(&s);
	cache_rec_u64(rec, r->nlooked);
	cache_rec_digest(rec, &said);
	for (i = 0; i < r->nlooked; i++)
		cache_rec_digest(rec, entry_key(&inj->entries[r->looked[i]]));
	cache_rec_u64(rec, r->nrefused);
	for (i = 0; i < r->nrefused; i++) {
		const struct entry *e = &inj->entries[r->refused[i]];

		cache_rec_str(rec, e->ctxt);
		cache_rec_str(rec, e->id);
		cache_rec_str(rec, e->reason);
	}
}

/*
 * Uses the record REC (LEN bytes) for the document FILE written to OUT:
 * returns 0 when the catalog says what it said of every message the
 * document looked up and OUT still holds what was written, after adding
 * the manifest entry and reporting the refused translations not reported
 * yet; -1 (nothing done) otherwise.
 */
static int replay(struct inject *inj, const char *file, const char *out, struct cache *cache,
                  const char *rec, size_t len, struct diag *d)
{
	struct cache_reader r;
	struct digest wrote, said, now, on_disk;
	struct digest_state s;
	struct inject_article art;
	const char *id, *date;
	struct stat st;
	uint64_t n, i;

	memset(&art, 0, sizeof art);
	cache_reader_init(&r, rec, len);
	wrote = cache_read_digest(&r);
	id = cache_read_str(&r);
	date = cache_read_str(&r);
	art.words = cache_read_u64(&r);
	art.translated = cache_read_u64(&r);
	art.fuzzy = cache_read_u64(&r);
	art.fuzzy_words = cache_read_u64(&r);
	art.fallback = cache_read_u64(&r);
	art.rejected = cache_read_u64(&r);
	n = cache_read_u64(&r);
	said = cache_read_digest(&r);
	if (r.bad || !id || n > (uint64_t)(r.end - r.p) / 16)
		return -1;
	digest_init(&s);
	for (i = 0; i < n; i++) {
		struct digest key = cache_read_digest(&r);
		struct entry *e = find_by_key(inj, &key);
		struct digest absent;

		if (e) {
			digest_add_digest(&s, entry_said(e));
		} else {
			absent = said_of(NULL);
			digest_add_digest(&s, &absent);
		}
	}
	now = digest_final(&s);
	/* The file written, not one a link there leads to (see write_doc). */
	if (lstat(out, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	if (!digest_equal(&now, &said) || cache_file(cache, out, &on_disk) != 0 ||
	    !digest_equal(&on_disk, &wrote))
		return -1;
	/* The refused translations, checked whole before any is reported. */
	{
		struct cache_reader check = r;

		n = cache_read_u64(&check);
		for (i = 0; i < n; i++) {
			cache_read_str(&check);
			if (!cache_read_str(&check) || !cache_read_str(&check))
				return -1;
		}
		if (!cache_reader_done(&check))
			return -1;
	}
	n = cache_read_u64(&r);
	for (i = 0; i < n; i++) {
		const char *ctxt = cache_read_str(&r);
		const char *msgid = cache_read_str(&r);
		const char *reason = cache_read_str(&r);
		struct entry *e = find_or_add(inj, ctxt, msgid, NULL);

		if (e->state != STATE_REJECTED && e->msg) {
			e->state = STATE_REJECTED;
			note_reason(e, reason);
			report_rejected(inj, e, reason, d);
		}
	}
	inj->docs++;
	xgrow((void **)&inj->articles, &inj->article_alloc, inj->article_count + 1,
	      sizeof *inj->articles);
	art.id = xstrdup(id);
	art.file = xstrdup(file);
	art.date = date ? xstrdup(date) : NULL;
	art.published = check_published(art.words, art.translated, art.fuzzy_words, inj->threshold,
	                                inj->keep_margin);
	inj->articles[inj->article_count++] = art;
	return 0;
}

static unsigned long diag_total(const struct diag *d)
{
	unsigned long n = 0;
	int i;

	for (i = 0; i < DIAG_SEVERITY_COUNT; i++)
		n += diag_count(d, (enum diag_severity)i);
	return n;
}

int inject_file_cached(struct inject *inj, const char *path, const char *file, const char *out,
                       struct cache *cache, const struct digest *rules, struct diag *d)
{
	struct digest bytes, key, wrote;
	struct buf data = BUF_INIT, rec = BUF_INIT;
	unsigned long diags, rejected = inj->rejected, files;
	const char *record;
	size_t len = 0;
	struct run r;
	xmlDocPtr doc;
	int rc;

	if (inj->source_lang && cache_file(cache, path, &bytes) == 0) {
		doc_key(inj, rules, path, file, &bytes, &key);
		record = cache_get(cache, &key, &len);
		if (record && replay(inj, file, out, cache, record, len, d) == 0)
			return 0;
		if (record)
			cache_reject(cache, &key);
	}
	/* The bytes localized are the bytes digested. */
	if (cache_file_read(cache, path, &bytes, &data) != 0 || data.len == 0) {
		buf_release(&data);
		doc = xmldoc_read_file(path, d);
		rc = doc && inject_doc(inj, doc, file, d) == 0 ? inject_write_doc(doc, out, d) : -1;
		if (doc)
			xmlFreeDoc(doc);
		return rc;
	}
	diags = diag_total(d);
	files = xmldoc_files_read();
	memset(&r, 0, sizeof r);
	r.recording = 1;
	doc = xmldoc_read_memory(data.data, data.len, path, d);
	rc = doc && localize(inj, doc, file, &r, d) == 0 ? write_doc(doc, out, 0, &wrote, d) : -1;
	/* Recorded when it said nothing but the refused translations, which
	 * the record says again, and had no other file read. */
	if (rc >= 0 && diag_total(d) - diags == inj->rejected - rejected &&
	    files == xmldoc_files_read()) {
		doc_key(inj, rules, path, file, &bytes, &key);
		record_doc(inj, &r, &wrote, &rec);
		cache_put(cache, &key, rec.data, rec.len);
	}
	if (doc)
		xmlFreeDoc(doc);
	free(r.looked);
	free(r.refused);
	buf_release(&rec);
	buf_release(&data);
	return rc;
}

/* --- The manifest ------------------------------------------------------------ */

static int compare_ids(const void *a, const void *b)
{
	return strcmp((*(const struct inject_article *const *)a)->id,
	              (*(const struct inject_article *const *)b)->id);
}

/* Translated words over all words in percent, rounded down to tenths. */
void inject_coverage(const struct inject_article *art, char *out, size_t size)
{
	unsigned long long tenths =
	    art->words ? (unsigned long long)art->translated * 1000ULL / art->words : 1000ULL;

	if (tenths % 10)
		snprintf(out, size, "%llu.%llu", tenths / 10, tenths % 10);
	else
		snprintf(out, size, "%llu", tenths / 10);
}

static void set_number(xmlNodePtr el, const char *name, unsigned long value)
{
	char text[32];

	snprintf(text, sizeof text, "%lu", value);
	xmlNewProp(el, BAD_CAST name, BAD_CAST text);
}

int inject_write_manifest(struct inject *inj, const char *path, struct diag *d)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "manifest", NULL);
	const struct inject_article **sorted = xcalloc(inj->article_count + 1, sizeof *sorted);
	char text[32];
	size_t i;
	int rc = 0;

	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, BAD_CAST "lang", BAD_CAST inj->lang);
	xmlNewProp(root, BAD_CAST "source",
	           BAD_CAST(inj->source_lang ? inj->source_lang : inj->lang));
	snprintf(text, sizeof text, "%g", inj->threshold);
	xmlNewProp(root, BAD_CAST "threshold", BAD_CAST text);
	for (i = 0; i < inj->article_count; i++)
		sorted[i] = &inj->articles[i];
	qsort(sorted, inj->article_count, sizeof *sorted, compare_ids);
	for (i = 0; i < inj->article_count && rc == 0; i++) {
		const struct inject_article *art = sorted[i];
		xmlNodePtr el = xmlNewChild(root, NULL, BAD_CAST "article", NULL);

		if (i > 0 && strcmp(art->id, sorted[i - 1]->id) == 0) {
			diag_report(d, DIAG_ERROR, path, 0, 0,
			            "%s and %s have the same id '%s': not written",
			            sorted[i - 1]->file, art->file, art->id);
			rc = -1;
		}
		xmlNewProp(el, BAD_CAST "id", BAD_CAST art->id);
		xmlNewProp(el, BAD_CAST "file", BAD_CAST art->file);
		if (art->date)
			xmlNewProp(el, BAD_CAST "date", BAD_CAST art->date);
		set_number(el, "words", art->words);
		set_number(el, "translated", art->translated);
		inject_coverage(art, text, sizeof text);
		xmlNewProp(el, BAD_CAST "coverage", BAD_CAST text);
		set_number(el, "fuzzy", art->fuzzy);
		set_number(el, "fallback", art->fallback);
		xmlNewProp(el, BAD_CAST "published", BAD_CAST(art->published ? "yes" : "no"));
	}
	if (rc == 0)
		rc = write_doc(doc, path, 1, NULL, d);
	free(sorted);
	xmlFreeDoc(doc);
	return rc;
}
