/*
 * inject: translations back into the documents.  See inject.h.
 */
#include <config.h>

#include "inject.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "buf.h"
#include "check.h"
#include "extract.h"
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
};

/* One document being localized. */
struct run {
	struct inject *inj;
	const struct its_doc *its;
	struct inject_article *art; /* where its counts go */
	struct diag *d;
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
		inj->source_lang = xstrdup(opt->source_lang);
	else if (cat)
		inj->source_lang = catalog_header_field(cat, "X-Source-Language");
	if (inj->source_lang && !*inj->source_lang) {
		free(inj->source_lang);
		inj->source_lang = NULL;
	}
	msgindex_init(&inj->index);
	/* Obsolete entries are no translation: left out, units find nothing. */
	for (i = 0; i < n; i++) {
		const struct catalog_msg *m = catalog_at(cat, i);

		if (!catalog_msg_obsolete(m))
			find_or_add(inj, catalog_msg_ctxt(m), catalog_msg_id(m), m);
	}
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
	}
	free(inj->entries);
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

static void report_rejected(struct run *r, const struct entry *e, const char *reason)
{
	r->inj->rejected++;
	/* Said as traduki check says it. */
	diag_report_id(r->d, DIAG_ERROR, "markup", catalog_name(r->inj->cat),
	               catalog_msg_line(e->msg), 0,
	               "rejected, the page shows the source text instead: %s",
	               reason ? reason : "the markup does not fit the source");
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
	state = entry_state(inj, e);
	if (state == STATE_TRANSLATED) {
		char *reason = NULL;

		if (segment_apply_unit(r->its, unit->seg, catalog_msg_str(e->msg), NULL, NULL,
		                       &reason) != 0) {
			/* The same text fails the same way anywhere: said once. */
			e->state = state = STATE_REJECTED;
			report_rejected(r, e, reason);
		}
		free(reason);
	}
	if (state != STATE_SOURCE)
		mark_unit(r, node, state == STATE_TRANSLATED);

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

int inject_doc(struct inject *inj, xmlDocPtr doc, const char *file, struct diag *d)
{
	struct its_doc *its = its_doc_new(inj->rules, doc, d);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct run r;
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
	memset(&r, 0, sizeof r);
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
	return rc;
}

/* Writes DOC to PATH, indented when FORMAT (see inject_write_doc). */
static int write_doc(xmlDocPtr doc, const char *path, int format, struct diag *d)
{
	xmlChar *mem = NULL;
	int len = 0, rc;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", format);
	if (!mem) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot serialize the document");
		return -1;
	}
	/* Not flushed one by one: the next build writes a lost file again.
	 * Written over in the output folder, never through a link there. */
	rc = atomic_write(path, (const char *)mem, (size_t)len,
	                  ATOMIC_KEEP_SAME | ATOMIC_NO_SYNC | ATOMIC_NO_FOLLOW, d);
	xmlFree(mem);
	return rc;
}

int inject_write_doc(xmlDocPtr doc, const char *path, struct diag *d)
{
	return write_doc(doc, path, 0, d);
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
		rc = write_doc(doc, path, 1, d);
	free(sorted);
	xmlFreeDoc(doc);
	return rc;
}
