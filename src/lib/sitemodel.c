/*
 * sitemodel: the site's model, gathered from the localized XML.  See sitemodel.h.
 */
#include <config.h>

#include "sitemodel.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>

#include "file.h"
#include "mem.h"
#include "sitearticle.h"
#include "sitepath.h"
#include "uni.h"
#include "xmldoc.h"
#include "xsltext.h"

/* What loading the model reads from and reports to. */
struct loader {
	struct sitemodel *m;
	const struct sitemodel_input *in;
	struct cache *cache;
	struct diag *d;
};

/* A count taken out of the model by sitemodel_hide_counts, and where it was. */
struct sitemodel_hidden {
	xmlAttrPtr attr;
	xmlNodePtr parent;
	xmlAttrPtr prev;
};

/* The model t:model() and t:versions() read (sitemodel_serve). */
static const struct sitemodel *served;

static void free_payload(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

static void free_article(void *payload, const xmlChar *name)
{
	(void)name;
	sitearticle_free(payload);
}

static int has_language(const struct sitemodel *m, const char *code)
{
	size_t i;

	for (i = 0; i < m->language_count; i++)
		if (strcmp(m->languages[i], code) == 0)
			return 1;
	return 0;
}

static void add_language(struct sitemodel *m, const char *code)
{
	if (has_language(m, code))
		return;
	m->languages = xrealloc(m->languages, (m->language_count + 1) * sizeof *m->languages);
	m->languages[m->language_count++] = xstrdup(code);
}

/* Adds every folder of the XML folder that has a manifest, in name order. */
static int find_languages(struct loader *ld)
{
	char **names;
	long count = file_names(ld->in->xml_dir, &names, ld->d), i;

	if (count < 0)
		return -1;
	for (i = 0; i < count; i++) {
		char *manifest;
		struct stat st;

		if (!sitepath_safe(names[i]))
			continue;
		manifest = sitepath_join(ld->in->xml_dir, names[i], "manifest.xml");
		if (stat(manifest, &st) == 0 && S_ISREG(st.st_mode))
			add_language(ld->m, names[i]);
		free(manifest);
	}
	file_names_free(names, count);
	return 0;
}

/*
 * The counts of a manifest entry (words, translated, coverage, fuzzy,
 * fallback): article pages show them (notices), lists of articles do not.
 */
int sitemodel_is_count(const xmlChar *name)
{
	static const char *const counts[] = { "words", "translated", "coverage", "fuzzy",
		                              "fallback" };
	size_t i;

	for (i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (xmlStrEqual(name, BAD_CAST counts[i]))
			return 1;
	return 0;
}

/* The root element of the XML file at PATH if it is called NAME; NULL after reporting. */
static xmlDocPtr read_root(struct loader *ld, const char *path, const char *name)
{
	return sitearticle_check_root(path, xmldoc_read_file(path, ld->d), name, ld->d);
}

/* Adds a copy of the root element of DOC to PARENT; returns the copy. */
static xmlNodePtr adopt_root(struct loader *ld, xmlNodePtr parent, xmlDocPtr doc)
{
	return xmlAddChild(parent, xmlDocCopyNode(xmlDocGetRootElement(doc), ld->m->doc, 1));
}

/* The value of attribute NAME of NODE, or reports it missing (NULL). */
static xmlChar *required(struct loader *ld, const char *file, xmlNodePtr node, const char *name)
{
	xmlChar *value = xmlGetProp(node, BAD_CAST name);

	if (!value)
		diag_report(ld->d, DIAG_ERROR, file, xmlGetLineNo(node), 0,
		            "<%s> has no %s attribute", (const char *)node->name, name);
	return value;
}

/* The <tags> child of manifest entry ENTRY, or NULL. */
static xmlNodePtr entry_tags(xmlNodePtr entry)
{
	xmlNodePtr n;

	for (n = entry ? entry->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "tags"))
			return n;
	return NULL;
}

/*
 * Gives each tag of ENTRY the slug of the tag at the same place in SOURCE,
 * the same article's entry in the source language, as "source": the tag
 * pages of every language that stand for one source tag are the versions
 * of one page (common.xsl, "tag-versions").  The source's own tags stand
 * for themselves; a tag with no counterpart gets none.
 */
static void link_tags(xmlNodePtr entry, xmlNodePtr source)
{
	xmlNodePtr tag, other = NULL, tags = entry_tags(source);

	for (other = tags ? tags->children : NULL; other && other->type != XML_ELEMENT_NODE;)
		other = other->next;
	tags = entry_tags(entry);
	for (tag = tags ? tags->children : NULL; tag; tag = tag->next) {
		xmlChar *slug;

		if (tag->type != XML_ELEMENT_NODE)
			continue;
		slug = other ? xmlGetProp(other, BAD_CAST "slug") : NULL;
		if (slug && *slug)
			xmlSetProp(tag, BAD_CAST "source", slug);
		xmlFree(slug);
		for (other = other ? other->next : NULL; other && other->type != XML_ELEMENT_NODE;)
			other = other->next;
	}
}

/* The <language> of CODE in LANGUAGES (the site file's <languages>), or NULL. */
static xmlNodePtr site_language(xmlNodePtr languages, const char *code)
{
	xmlNodePtr n;

	for (n = languages ? languages->children : NULL; n; n = n->next) {
		xmlChar *c;
		int same;

		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "language"))
			continue;
		c = xmlGetProp(n, BAD_CAST "code");
		same = c && strcmp((const char *)c, code) == 0;
		xmlFree(c);
		if (same)
			return n;
	}
	return NULL;
}

/*
 * The templates take an entry's date as YYYY-MM-DD: an xs:date with a time
 * zone (2024-05-01+02:00) becomes its day; one no page can show is
 * reported at the manifest's line.  Returns 0 or -1.
 */
static int check_date(struct loader *ld, const char *file, xmlNodePtr entry)
{
	xmlChar *date = xmlGetProp(entry, BAD_CAST "date");
	char day[11];
	int rc = 0;

	if (date && uni_calendar_date((const char *)date, day) == 0) {
		xmlSetProp(entry, BAD_CAST "date", BAD_CAST day);
	} else if (date) {
		rc = diag_error(
		    ld->d, file, xmlGetLineNo(entry), 0,
		    "the date '%s' is no date the site can show: an xs:date of the years "
		    "1 to 9999 (2024-05-01, 2024-05-01+02:00)",
		    (const char *)date);
	}
	xmlFree(date);
	return rc;
}

/* Adds to the model what language number L has: chrome, manifest, summaries. */
static int load_language(struct loader *ld, size_t l, xmlNodePtr languages)
{
	const char *code = ld->m->languages[l];
	xmlNodePtr listed = site_language(languages, code);
	xmlChar *locale = listed ? xmlGetProp(listed, BAD_CAST "locale") : NULL;
	char *chrome_path = sitepath_join(ld->in->xml_dir, code, "site.xml");
	char *manifest_path = sitepath_join(ld->in->xml_dir, code, "manifest.xml");
	xmlNodePtr language, manifest, entry;
	xmlDocPtr chrome, doc;
	xmlChar *lang;
	int rc = 0;

	language = xmlNewChild(xmlDocGetRootElement(ld->m->doc), NULL, BAD_CAST "language", NULL);
	xmlNewProp(language, BAD_CAST "code", BAD_CAST code);
	/* The site's locale of the language: its dates and numbers. */
	if (locale) {
		xmlNewProp(language, BAD_CAST "locale", locale);
		xsltext_set_locale(code, (const char *)locale);
		xmlFree(locale);
	}

	chrome = read_root(ld, chrome_path, "site");
	if (chrome) {
		adopt_root(ld, language, chrome);
		xmlFreeDoc(chrome);
	} else {
		rc = -1;
	}

	doc = read_root(ld, manifest_path, "manifest");
	if (!doc) {
		rc = -1;
		goto out;
	}
	manifest = adopt_root(ld, language, doc);
	xmlFreeDoc(doc);
	lang = xmlGetProp(manifest, BAD_CAST "lang");
	if (!lang || !xmlStrEqual(lang, BAD_CAST code)) {
		rc = diag_error(ld->d, manifest_path, xmlGetLineNo(manifest), 0,
		                "the manifest's lang is '%s', its folder says '%s'",
		                lang ? (const char *)lang : "", code);
	}
	xmlFree(lang);

	for (entry = manifest->children; entry; entry = entry->next) {
		xmlChar *id, *file, *published;
		xmlNodePtr *versions;

		if (entry->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(entry->name, BAD_CAST "article"))
			continue;
		id = required(ld, manifest_path, entry, "id");
		file = required(ld, manifest_path, entry, "file");
		published = required(ld, manifest_path, entry, "published");
		if (!id || !file || !published || check_date(ld, manifest_path, entry) != 0) {
			rc = -1;
		} else if (!sitepath_safe((const char *)id) || strchr((const char *)id, '/') ||
		           !sitepath_safe((const char *)file) || strchr((const char *)file, '/')) {
			rc = diag_error(ld->d, manifest_path, xmlGetLineNo(entry), 0,
			                "unsafe article id or file name: '%s', '%s'",
			                (const char *)id, (const char *)file);
		} else {
			versions = xmlHashLookup(ld->m->versions, id);
			if (!versions) {
				versions = xcalloc(ld->m->language_count, sizeof *versions);
				xmlHashAddEntry(ld->m->versions, id, versions);
			}
			if (versions[l]) {
				rc = diag_error(ld->d, manifest_path, xmlGetLineNo(entry), 0,
				                "article '%s' is listed twice", (const char *)id);
			}
			versions[l] = entry;
			if (xmlStrEqual(published, BAD_CAST "yes")) {
				char *path =
				    sitepath_join(ld->in->xml_dir, code, (const char *)file);

				struct sitearticle *article = NULL;

				if (sitearticle_add(entry, path, id, ld->cache, ld->m->refs,
				                    &article, ld->d) != 0)
					rc = -1;
				else
					link_tags(entry, versions[0]);
				/* Under "LL/FILE", as the plan names its input. */
				if (article)
					xmlHashUpdateEntry(ld->m->articles,
					                   BAD_CAST path + strlen(ld->in->xml_dir) +
					                       1,
					                   article, free_article);
				free(path);
			}
		}
		xmlFree(id);
		xmlFree(file);
		xmlFree(published);
	}
out:
	free(chrome_path);
	free(manifest_path);
	return rc;
}

/* 1 when the manifest of language CODE has an article published="yes". */
static int publishes_something(struct loader *ld, const char *code)
{
	char *manifest_path = sitepath_join(ld->in->xml_dir, code, "manifest.xml");
	struct diag quiet;
	xmlDocPtr doc;
	xmlNodePtr n;
	int found = 0;

	/* Reported when the language is loaded, if it cannot be read. */
	diag_init(&quiet, NULL, NULL);
	doc = xmldoc_read_file(manifest_path, &quiet);

	for (n = doc ? xmlDocGetRootElement(doc)->children : NULL; n && !found; n = n->next) {
		xmlChar *published;

		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "article"))
			continue;
		published = xmlGetProp(n, BAD_CAST "published");
		found = published && xmlStrEqual(published, BAD_CAST "yes");
		xmlFree(published);
	}
	xmlFreeDoc(doc);
	free(manifest_path);
	return found || !doc;
}

/*
 * Leaves out of the site the languages it does not offer readers: those
 * the site file does not list (in preparation), and those with no article
 * published yet, whose section would be empty with its menus in the
 * source language.  Each is named in a note.
 */
static void drop_unoffered(struct loader *ld, xmlNodePtr languages)
{
	size_t i, kept = 1;

	for (i = 1; i < ld->m->language_count; i++) {
		const char *code = ld->m->languages[i];

		if (!site_language(languages, code)) {
			diag_report(ld->d, DIAG_NOTE, ld->in->site_file, 0, 0,
			            "'%s' is not among the site's languages (in preparation): "
			            "not on the site",
			            code);
		} else if (!publishes_something(ld, code)) {
			diag_report(ld->d, DIAG_NOTE, NULL, 0, 0,
			            "'%s' has no article published yet: not on the site", code);
		} else {
			ld->m->languages[kept++] = ld->m->languages[i];
			continue;
		}
		free(ld->m->languages[i]);
	}
	ld->m->language_count = kept;
}

/*
 * The model: the source site's settings on the root, then per language
 * its chrome and its manifest, whose published entries carry the
 * article's title, summary and tags.
 */
static void index_tags(struct sitemodel *m);

static int load_model(struct loader *ld)
{
	xmlDocPtr site = read_root(ld, ld->in->site_file, "site");
	xmlNodePtr root, languages;
	xmlChar *source = NULL, *base = NULL;
	size_t i;
	int rc = 0;

	if (!site)
		return -1;
	root = xmlDocGetRootElement(site);
	base = required(ld, ld->in->site_file, root, "base");
	for (languages = root->children; languages; languages = languages->next)
		if (languages->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(languages->name, BAD_CAST "languages"))
			break;
	if (languages)
		source = required(ld, ld->in->site_file, languages, "source");
	else
		diag_report(ld->d, DIAG_ERROR, ld->in->site_file, xmlGetLineNo(root), 0,
		            "<site> has no <languages>");
	if (!source || !base) {
		rc = -1;
		goto out;
	}

	add_language(ld->m, (const char *)source);
	if (ld->in->languages) {
		for (i = 0; i < ld->in->language_count; i++)
			add_language(ld->m, ld->in->languages[i]);
	} else if (find_languages(ld) != 0) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < ld->m->language_count; i++) {
		if (!sitepath_safe(ld->m->languages[i]) || strchr(ld->m->languages[i], '/')) {
			rc = diag_error(ld->d, NULL, 0, 0, "'%s' is not a language code",
			                ld->m->languages[i]);
			goto out;
		}
	}
	drop_unoffered(ld, languages);

	ld->m->doc = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(ld->m->doc, xmlNewNode(NULL, BAD_CAST "model"));
	xmlNewProp(xmlDocGetRootElement(ld->m->doc), BAD_CAST "source", source);
	xmlNewProp(xmlDocGetRootElement(ld->m->doc), BAD_CAST "base", base);
	ld->m->versions = xmlHashCreate(64);
	ld->m->articles = xmlHashCreate(1024);
	ld->m->refs = xcalloc(1, sizeof *ld->m->refs);
	for (i = 0; i < ld->m->language_count; i++)
		if (load_language(ld, i, languages) != 0)
			rc = -1;
	index_tags(ld->m);
out:
	xmlFree(source);
	xmlFree(base);
	xmlFreeDoc(site);
	return rc;
}

/* t:model(): the model's root element. */
static void fn_model(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (!served)
		XP_ERROR(XPATH_INVALID_CTXT);
	CHECK_ARITY(0);
	valuePush(ctxt, xmlXPathNewNodeSet(xmlDocGetRootElement(served->doc)));
}

/* --- Tags ------------------------------------------------------------------------ */

static void free_tags(void *payload, const xmlChar *name)
{
	struct sitemodel_tags *t = payload;

	(void)name;
	free(t->nodes);
	free(t);
}

/* "LANG VALUE", as common.xsl's keys put it together. */
static xmlChar *tag_key(const xmlChar *lang, const xmlChar *value)
{
	xmlChar *key = xmlStrdup(lang ? lang : BAD_CAST "");

	key = xmlStrcat(key, BAD_CAST " ");
	return xmlStrcat(key, value ? value : BAD_CAST "");
}

static int is_element(xmlNodePtr node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
	       xmlStrEqual(node->name, BAD_CAST name);
}

/* Appends NODE to the list under KEY in TABLE, unless it is the last there already. */
static void add_to_list(xmlHashTablePtr table, const xmlChar *key, xmlNodePtr node)
{
	struct sitemodel_tags *t = xmlHashLookup(table, key);

	if (!t) {
		t = xcalloc(1, sizeof *t);
		xmlHashAddEntry(table, key, t);
	}
	if (t->count && t->nodes[t->count - 1] == node)
		return;
	xgrow((void **)&t->nodes, &t->alloc, t->count + 1, sizeof *t->nodes);
	t->nodes[t->count++] = node;
}

/*
 * TAG, of ENTRY, a published entry of the manifest whose lang is LANG in
 * the language CODE, into M's indexes.
 */
static void index_tag(struct sitemodel *m, const xmlChar *code, const xmlChar *lang,
                      xmlNodePtr entry, xmlNodePtr tag)
{
	xmlChar *slug = xmlGetProp(tag, BAD_CAST "slug");
	xmlChar *source = xmlGetProp(tag, BAD_CAST "source");
	xmlChar *key = tag_key(lang, slug);

	if (!xmlHashLookup(m->tag_first, key))
		xmlHashAddEntry(m->tag_first, key, tag);
	xmlFree(key);
	if (source) {
		key = tag_key(lang, source);
		add_to_list(m->tag_sources, key, tag);
		xmlFree(key);
	}
	if (slug && code) {
		key = tag_key(code, slug);
		add_to_list(m->tagged, key, entry);
		xmlFree(key);
	}
	xmlFree(slug);
	xmlFree(source);
}

/*
 * What common.xsl's keys "tag" and "tag-source" hold, worked out once:
 * libxslt would work out a key over the whole model for each page that
 * uses it, and every tag's page does.  Their pattern is
 * manifest/article[@published = 'yes']/tags/tag, keyed by the manifest's
 * lang and the tag's slug, or its source.
 */
static void index_tags(struct sitemodel *m)
{
	xmlNodePtr language, manifest, entry, tags, tag;

	m->tag_first = xmlHashCreate(1024);
	m->tag_sources = xmlHashCreate(1024);
	m->tagged = xmlHashCreate(1024);
	for (language = xmlDocGetRootElement(m->doc)->children; language;
	     language = language->next) {
		/* $model/language[@code = LANG]: t:tagged's language. */
		xmlChar *code =
		    is_element(language, "language") ? xmlGetProp(language, BAD_CAST "code") : NULL;

		for (manifest = language->children; manifest; manifest = manifest->next) {
			xmlChar *lang;

			if (!is_element(manifest, "manifest"))
				continue;
			lang = xmlGetProp(manifest, BAD_CAST "lang");
			for (entry = manifest->children; entry; entry = entry->next) {
				xmlChar *published;
				int yes;

				if (!is_element(entry, "article"))
					continue;
				published = xmlGetProp(entry, BAD_CAST "published");
				yes = xmlStrEqual(published, BAD_CAST "yes");
				xmlFree(published);
				for (tags = yes ? entry->children : NULL; tags; tags = tags->next)
					if (is_element(tags, "tags"))
						for (tag = tags->children; tag; tag = tag->next)
							if (is_element(tag, "tag"))
								index_tag(m, code, lang, entry,
								          tag);
			}
			xmlFree(lang);
		}
		xmlFree(code);
	}
}

/*
 * The two arguments of a tag function, LANG and a slug, popped: the key
 * "LANG SLUG" of the indexes (to free), with LANG in *LANG (to free).
 */
static xmlChar *pop_tag_key(xmlXPathParserContextPtr ctxt, xmlChar **lang)
{
	xmlChar *slug = xmlXPathPopString(ctxt), *key;

	*lang = xmlXPathPopString(ctxt);
	key = tag_key(*lang, slug);
	xmlFree(slug);
	return key;
}

/* t:tagged(LANG, SLUG): the published entries of language LANG with a tag SLUG. */
static void fn_tagged(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *lang, *key;
	struct sitemodel_tags *t;
	xmlNodeSetPtr set;
	size_t i;

	if (!served)
		XP_ERROR(XPATH_INVALID_CTXT);
	CHECK_ARITY(2);
	key = pop_tag_key(ctxt, &lang);
	t = served->tagged ? xmlHashLookup(served->tagged, key) : NULL;
	set = xmlXPathNodeSetCreate(NULL);
	for (i = 0; t && i < t->count; i++)
		xmlXPathNodeSetAdd(set, t->nodes[i]);
	valuePush(ctxt, xmlXPathWrapNodeSet(set));
	xmlFree(key);
	xmlFree(lang);
}

/* t:tag-source(LANG, SLUG): the source slug of the first published tag SLUG of LANG, or "". */
static void fn_tag_source(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *lang, *key, *source = NULL;
	xmlNodePtr tag;

	if (!served)
		XP_ERROR(XPATH_INVALID_CTXT);
	CHECK_ARITY(2);
	key = pop_tag_key(ctxt, &lang);
	tag = served->tag_first ? xmlHashLookup(served->tag_first, key) : NULL;
	if (tag)
		source = xmlGetProp(tag, BAD_CAST "source");
	valuePush(ctxt, xmlXPathNewString(source ? source : BAD_CAST ""));
	xmlFree(source);
	xmlFree(key);
	xmlFree(lang);
}

/*
 * t:tag-for(LANG, SOURCE): the slug of the first published tag of LANG
 * that stands for SOURCE and is the first of its own slug, or "".
 */
static void fn_tag_for(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *lang, *key, *found = NULL;
	struct sitemodel_tags *t;
	size_t i;

	if (!served)
		XP_ERROR(XPATH_INVALID_CTXT);
	CHECK_ARITY(2);
	key = pop_tag_key(ctxt, &lang);
	t = served->tag_sources ? xmlHashLookup(served->tag_sources, key) : NULL;
	for (i = 0; t && i < t->count && !found; i++) {
		xmlChar *slug = xmlGetProp(t->nodes[i], BAD_CAST "slug");
		xmlChar *own = tag_key(lang, slug);

		if (xmlHashLookup(served->tag_first, own) == t->nodes[i])
			found = slug;
		else
			xmlFree(slug);
		xmlFree(own);
	}
	valuePush(ctxt, xmlXPathNewString(found ? found : BAD_CAST ""));
	xmlFree(found);
	xmlFree(key);
	xmlFree(lang);
}

/* t:versions(ID): the manifest entries of article ID, in language order. */
static void fn_versions(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlNodeSetPtr set;
	xmlNodePtr *versions;
	xmlChar *id;
	size_t i;

	if (!served)
		XP_ERROR(XPATH_INVALID_CTXT);
	CHECK_ARITY(1);
	id = xmlXPathPopString(ctxt);
	versions = xmlHashLookup(served->versions, id);
	set = xmlXPathNodeSetCreate(NULL);
	for (i = 0; versions && i < served->language_count; i++)
		if (versions[i])
			xmlXPathNodeSetAdd(set, versions[i]);
	valuePush(ctxt, xmlXPathWrapNodeSet(set));
	xmlFree(id);
}

/*
 * The plan is made from the model without the counts of its manifest
 * entries (words, translated, coverage, fuzzy, fallback), so that it can
 * be kept for the next build with the lists' digest as its key: a
 * translator's work, or an edit that changes no title, summary, tag,
 * date or publication, does not make it again.  The counts are taken out
 * of the model while site.xsl runs (t:model and t:versions see it so
 * too), and put back where they were.
 */
void sitemodel_hide_counts(struct sitemodel *m)
{
	xmlNodePtr language, manifest, entry;

	for (language = xmlDocGetRootElement(m->doc)->children; language; language = language->next)
		for (manifest = language->children; manifest; manifest = manifest->next) {
			if (manifest->type != XML_ELEMENT_NODE ||
			    !xmlStrEqual(manifest->name, BAD_CAST "manifest"))
				continue;
			for (entry = manifest->children; entry; entry = entry->next) {
				xmlAttrPtr attr, next;

				if (entry->type != XML_ELEMENT_NODE ||
				    !xmlStrEqual(entry->name, BAD_CAST "article"))
					continue;
				for (attr = entry->properties; attr; attr = next) {
					struct sitemodel_hidden *h;

					next = attr->next;
					if (!sitemodel_is_count(attr->name))
						continue;
					xgrow((void **)&m->hidden, &m->hidden_alloc, m->nhidden + 1,
					      sizeof *m->hidden);
					h = &m->hidden[m->nhidden++];
					h->attr = attr;
					h->parent = entry;
					h->prev = attr->prev;
					if (attr->prev)
						attr->prev->next = attr->next;
					else
						entry->properties = attr->next;
					if (attr->next)
						attr->next->prev = attr->prev;
					attr->next = attr->prev = NULL;
				}
			}
		}
}

/* Puts back what sitemodel_hide_counts took out, last first, each after its old neighbour. */
void sitemodel_show_counts(struct sitemodel *m)
{
	while (m->nhidden) {
		struct sitemodel_hidden *h = &m->hidden[--m->nhidden];
		xmlAttrPtr attr = h->attr;

		attr->prev = h->prev;
		attr->next = h->prev ? h->prev->next : h->parent->properties;
		if (h->prev)
			h->prev->next = attr;
		else
			h->parent->properties = attr;
		if (attr->next)
			attr->next->prev = attr;
	}
}

int sitemodel_load(struct sitemodel *m, const struct sitemodel_input *in, struct cache *cache,
                   struct diag *d)
{
	struct loader ld = { m, in, cache, d };

	memset(m, 0, sizeof *m);
	return load_model(&ld);
}

void sitemodel_serve(const struct sitemodel *m)
{
	served = m;
	if (m) {
		xsltRegisterExtModuleFunction(BAD_CAST "model", BAD_CAST XSLTEXT_NS, fn_model);
		xsltRegisterExtModuleFunction(BAD_CAST "versions", BAD_CAST XSLTEXT_NS,
		                              fn_versions);
		xsltRegisterExtModuleFunction(BAD_CAST "tag-source", BAD_CAST XSLTEXT_NS,
		                              fn_tag_source);
		xsltRegisterExtModuleFunction(BAD_CAST "tag-for", BAD_CAST XSLTEXT_NS, fn_tag_for);
		xsltRegisterExtModuleFunction(BAD_CAST "tagged", BAD_CAST XSLTEXT_NS, fn_tagged);
	}
}

void sitemodel_release(struct sitemodel *m)
{
	size_t i;

	if (served == m)
		served = NULL;
	sitearticle_free(m->refs);
	if (m->versions)
		xmlHashFree(m->versions, free_payload);
	if (m->tag_first)
		xmlHashFree(m->tag_first, NULL);
	if (m->tag_sources)
		xmlHashFree(m->tag_sources, free_tags);
	if (m->tagged)
		xmlHashFree(m->tagged, free_tags);
	if (m->articles)
		xmlHashFree(m->articles, free_article);
	xmlFreeDoc(m->doc);
	for (i = 0; i < m->language_count; i++)
		free(m->languages[i]);
	free(m->languages);
	free(m->hidden);
	memset(m, 0, sizeof *m);
}
