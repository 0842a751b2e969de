/*
 * site: the digests of what each file of the site is made of.  See site-impl.h.
 *
 * A page is transformed again only when what it is made of changed.  Each
 * file of the site gets a digest of its inputs, kept in the file list; a
 * file whose digest is the one the previous build recorded, and which is
 * still there, is left as it is without a transformation.  What a file is
 * made of (doc/site.md, "Incremental builds"):
 *
 * - every file: the program (site_options.build_id), every file of the
 *   templates folder, its attributes in the plan;
 * - a page with an input (an article): the input's bytes, the article's
 *   manifest entries in every language as the model has them (with their
 *   titles, summaries and tags), the model's attributes, and every
 *   language's code and chrome;
 * - any other page (home, news, tags, feeds, the sitemap): the model
 *   without the counts of its manifest entries (words, translated,
 *   coverage, fuzzy, fallback), which lists of articles do not show, so
 *   that a translation that leaves an article published remakes no list;
 * - a page without an input that names an article (article="ID", a
 *   page that says the article is not published in its language): the
 *   article's manifest entries in every language, the model's attributes,
 *   and every language's code and chrome;
 * - a page without an input that names a tag (tag="SLUG", a tag's page):
 *   the manifest entries of every language that have a tag of that slug,
 *   or of a source slug such a tag stands for, without their counts; the
 *   model's attributes, every language's code and chrome, and the
 *   pictures those entries show;
 * - a page that the plan marks reads="model", and one whose input is not
 *   an article: the whole model;
 * - a static file: its size and modification time.
 *
 * The digest is 64 bits of digest.h's, chained: each piece is added to
 * the digest of what came before.  A change detector, not a
 * cryptographic hash.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "buf.h"
#include "digest.h"
#include "file.h"
#include "mem.h"
#include "sitearticle.h"
#include "sitepath.h"
#include "site-impl.h"

/* Where every chain of digests starts. */
#define DIGEST_SEED 0x9e3779b97f4a7c15ULL

/* H with the LEN bytes at DATA added, and their length, so that "ab", "c" ≠ "a", "bc". */
static uint64_t digest_add(uint64_t h, const void *data, size_t len)
{
	struct digest_state s;

	digest_init(&s);
	digest_add_u64(&s, h);
	digest_add_bytes(&s, data, len);
	return digest_final(&s).lo;
}

static uint64_t digest_str(uint64_t h, const char *s)
{
	return digest_add(h, s ? s : "", s ? strlen(s) : 0);
}

/* H with NODE added, as libxml2 serializes it. */
static uint64_t digest_node(uint64_t h, xmlNodePtr node)
{
	xmlBufferPtr out = xmlBufferCreate();

	xmlNodeDump(out, node->doc, node, 0, 0);
	h = digest_add(h, xmlBufferContent(out), (size_t)xmlBufferLength(out));
	xmlBufferFree(out);
	return h;
}

int site_digest_tool(struct site_run *run)
{
	char **names;
	long count = file_names(run->opts->templates_dir, &names, run->d), i;
	uint64_t h = digest_str(DIGEST_SEED, run->opts->build_id);
	int rc = 0;

	if (count < 0)
		return -1;
	for (i = 0; i < count; i++) {
		char *path = sitepath_join(run->opts->templates_dir, names[i], NULL);
		struct buf data = BUF_INIT;
		struct stat st;

		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (file_read(path, FILE_MAX_DOCUMENT, &data, run->d) == 0) {
				h = digest_str(h, names[i]);
				h = digest_add(h, data.data ? data.data : "", data.len);
			} else {
				rc = -1;
			}
		}
		buf_release(&data);
		free(path);
	}
	file_names_free(names, count);
	run->tool_digest = h;
	return rc;
}

static uint64_t digest_name(uint64_t h, const xmlChar *name, xmlNsPtr ns)
{
	if (ns && ns->href)
		h = digest_str(h, (const char *)ns->href);
	return digest_str(h, (const char *)name);
}

static uint64_t digest_tree(uint64_t h, xmlNodePtr node, int lists);

/* H with NODE and what it holds; without the counts of entries if LISTS. */
static uint64_t digest_one(uint64_t h, xmlNodePtr node, int lists)
{
	if (node->type == XML_ELEMENT_NODE) {
		int entry = lists && xmlStrEqual(node->name, BAD_CAST "article") && node->parent &&
		            xmlStrEqual(node->parent->name, BAD_CAST "manifest");
		xmlAttrPtr attr;

		h = digest_name(h, node->name, node->ns);
		for (attr = node->properties; attr; attr = attr->next) {
			if (entry && sitemodel_is_count(attr->name))
				continue;
			h = digest_name(h, attr->name, attr->ns);
			h = digest_tree(h, attr->children, lists);
		}
		h = digest_tree(h, node->children, lists);
		h = digest_str(h, "/");
	} else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		h = digest_str(h, (const char *)node->content);
	}
	return h;
}

/* H with NODE, its siblings and what they hold; without the counts of entries if LISTS. */
static uint64_t digest_tree(uint64_t h, xmlNodePtr node, int lists)
{
	for (; node; node = node->next)
		h = digest_one(h, node, lists);
	return h;
}

void site_free_tag(void *payload, const xmlChar *name)
{
	struct site_tag *t = payload;

	(void)name;
	while (t->source_count)
		xmlFree(t->sources[--t->source_count]);
	free(t->sources);
	free(t->nodes);
	free(t);
}

static struct site_tag *tag_of(struct site_run *run, const xmlChar *name, const char *kind)
{
	struct site_tag *t = xmlHashLookup2(run->tag_digests, name, BAD_CAST kind);

	if (!t) {
		t = xcalloc(1, sizeof *t);
		t->entries = DIGEST_SEED;
		xmlHashAddEntry2(run->tag_digests, name, BAD_CAST kind, t);
	}
	return t;
}

/* 1 when NODE is an element named NAME. */
static int is_element(xmlNodePtr node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}

/* Adds ENTRY, whose digest is E, to T. */
static void add_tag_entry(struct site_tag *t, xmlNodePtr entry, uint64_t e)
{
	t->entries = digest_add(t->entries, &e, sizeof e);
	xgrow((void **)&t->nodes, &t->node_alloc, t->node_count + 1, sizeof *t->nodes);
	t->nodes[t->node_count++] = entry;
}

/* Adds ENTRY (digest E) under TAG's slug, and under its source slug if it has one. */
static void add_tag(struct site_run *run, xmlNodePtr entry, xmlNodePtr tag, uint64_t e)
{
	xmlChar *slug = xmlGetProp(tag, BAD_CAST "slug"), *source;
	struct site_tag *t, *o;
	size_t k;

	if (!slug)
		return;
	t = tag_of(run, slug, "slug");
	add_tag_entry(t, entry, e);
	source = xmlGetProp(tag, BAD_CAST "source");
	if (source) {
		o = tag_of(run, source, "source");
		add_tag_entry(o, entry, e);
		for (k = 0; k < t->source_count && !xmlStrEqual(t->sources[k], source); k++)
			;
		if (k == t->source_count) {
			t->sources = xrealloc(t->sources, (k + 1) * sizeof *t->sources);
			t->sources[t->source_count++] = source;
			source = NULL;
		}
	}
	xmlFree(source);
	xmlFree(slug);
}

/* The tags of ENTRY, a manifest entry of language CODE. */
static void add_entry_tags(struct site_run *run, const xmlChar *code, xmlNodePtr entry)
{
	/* Which language's entry it is, then the entry, as lists read it. */
	uint64_t e = digest_one(digest_str(DIGEST_SEED, (const char *)code), entry, 1);
	xmlNodePtr tags, tag;

	for (tags = entry->children; tags; tags = tags->next)
		if (is_element(tags, "tags"))
			for (tag = tags->children; tag; tag = tag->next)
				if (is_element(tag, "tag"))
					add_tag(run, entry, tag, e);
}

/*
 * For each tag, the entries (of every language) that have it, by slug and
 * by source slug: what a tag page reads of the model (tag.xsl, and its
 * versions in common.xsl, "tag-versions").  An entry with a tag twice
 * counts twice, which changes nothing.
 */
static void digest_tags(struct site_run *run, xmlNodePtr root)
{
	xmlNodePtr language, manifest, entry;

	for (language = root->children; language; language = language->next) {
		xmlChar *code = xmlGetProp(language, BAD_CAST "code");

		for (manifest = language->children; manifest; manifest = manifest->next)
			if (is_element(manifest, "manifest"))
				for (entry = manifest->children; entry; entry = entry->next)
					if (is_element(entry, "article"))
						add_entry_tags(run, code, entry);
		xmlFree(code);
	}
}

/*
 * H with T's entries and the pictures they show (their <image>, as lists
 * show it), worked out once: the entries of a source slug are read by
 * the tag's page in every language.
 */
static uint64_t digest_tag_entries(struct site_run *run, uint64_t h, struct site_tag *t)
{
	struct sitearticle pictures;
	xmlNodePtr child;
	size_t i;

	if (t->pages_known)
		return digest_add(h, &t->pages, sizeof t->pages);
	memset(&pictures, 0, sizeof pictures);
	for (i = 0; i < t->node_count; i++)
		for (child = t->nodes[i]->children; child; child = child->next)
			if (is_element(child, "image"))
				sitearticle_collect_node_refs(&pictures, child);
	t->pages = site_digest_refs(run, t->entries, &pictures);
	t->pages_known = 1;
	while (pictures.ref_count)
		free(pictures.refs[--pictures.ref_count]);
	free(pictures.refs);
	return digest_add(h, &t->pages, sizeof t->pages);
}

/* H with what the page of tag SLUG reads of the model beyond its frame. */
static uint64_t digest_tag_page(struct site_run *run, uint64_t h, const xmlChar *slug)
{
	struct site_tag *t = xmlHashLookup2(run->tag_digests, slug, BAD_CAST "slug"), *o;
	size_t k;

	if (!t)
		return digest_str(h, "-");
	h = digest_tag_entries(run, h, t);
	for (k = 0; k < t->source_count; k++) {
		o = xmlHashLookup2(run->tag_digests, t->sources[k], BAD_CAST "source");
		h = digest_str(h, (const char *)t->sources[k]);
		if (o)
			h = digest_tag_entries(run, h, o);
	}
	return h;
}

void site_digest_model(struct site_run *run)
{
	xmlNodePtr root = xmlDocGetRootElement(run->model.doc), language, child;
	uint64_t h = DIGEST_SEED;
	xmlAttrPtr attr;

	for (attr = root->properties; attr; attr = attr->next) {
		h = digest_str(h, (const char *)attr->name);
		h = digest_node(h, attr->children);
	}
	for (language = root->children; language; language = language->next) {
		xmlChar *code = xmlGetProp(language, BAD_CAST "code");
		xmlChar *locale = xmlGetProp(language, BAD_CAST "locale");

		h = digest_str(h, (const char *)code);
		h = digest_str(h, locale ? (const char *)locale : "");
		xmlFree(code);
		xmlFree(locale);
		for (child = language->children; child; child = child->next)
			if (child->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(child->name, BAD_CAST "site"))
				h = digest_node(h, child);
	}
	run->frame_digest = h;
	digest_tags(run, root);
	run->lists_digest = digest_tree(DIGEST_SEED, root, 1);
	run->model_digest = digest_tree(DIGEST_SEED, root, 0);
}

/*
 * The manifest entries of article ID in every language, in model order;
 * worked out once per article, which has a page in every language.
 */
static uint64_t digest_versions(struct site_run *run, uint64_t h, const xmlChar *id)
{
	uint64_t *known = xmlHashLookup(run->version_digests, id);

	if (!known) {
		xmlNodePtr *versions = xmlHashLookup(run->model.versions, id);
		uint64_t v = DIGEST_SEED;
		size_t i;

		for (i = 0; i < run->model.language_count; i++)
			v = versions && versions[i] ? digest_node(v, versions[i])
			                            : digest_str(v, "-");
		known = xmalloc(sizeof *known);
		*known = v;
		xmlHashAddEntry(run->version_digests, id, known);
	}
	return digest_add(h, known, sizeof *known);
}

char *site_picture_key(const char *path)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(name, '.');
	size_t len = dot && dot != name ? (size_t)(dot - name) : strlen(name);
	size_t end = len;

	while (end > 0 && name[end - 1] >= '0' && name[end - 1] <= '9')
		end--;
	if (end < len && end > 1 && name[end - 1] == '-')
		len = end - 1;
	return xstrndup(name, len);
}

void site_free_picture(void *payload, const xmlChar *name)
{
	struct site_picture *pic = payload;

	(void)name;
	while (pic->count)
		free(pic->paths[--pic->count]);
	free(pic->paths);
	free(pic);
}

/* Adds the static file PATH, whose own digest is DIGEST, to its picture's. */
static void add_picture(struct site_run *run, const char *path, uint64_t digest)
{
	char *key = site_picture_key(path);
	struct site_picture *pic = xmlHashLookup(run->pictures, BAD_CAST key);

	if (!pic) {
		pic = xcalloc(1, sizeof *pic);
		pic->digest = DIGEST_SEED;
		xmlHashAddEntry(run->pictures, BAD_CAST key, pic);
	}
	pic->digest = digest_str(pic->digest, path);
	pic->digest = digest_add(pic->digest, &digest, sizeof digest);
	xgrow((void **)&pic->paths, &pic->alloc, pic->count + 1, sizeof *pic->paths);
	pic->paths[pic->count++] = xstrdup(path);
	free(key);
}

uint64_t site_digest_static(struct site_run *run, const char *path, const char *from,
                            const struct stat *st)
{
	uint64_t h = digest_str(run->tool_digest, "static");

	h = digest_str(h, from);
	h = digest_add(h, &st->st_size, sizeof st->st_size);
	h = digest_add(h, &st->st_mtim, sizeof st->st_mtim);
	add_picture(run, path, h);
	return h;
}

/*
 * H with what IN refers to: whether each path is a file of the site, and
 * for a picture, the static files of its key (itself and the smaller
 * versions of it: t:image-width reads it, and the templates may offer
 * them), so that a picture replaced or made smaller remakes its pages.
 */
uint64_t site_digest_refs(struct site_run *run, uint64_t h, const struct sitearticle *in)
{
	size_t i;

	for (i = 0; in && i < in->ref_count; i++) {
		char *key = site_picture_key(in->refs[i]);
		struct site_picture *pic = xmlHashLookup(run->pictures, BAD_CAST key);

		h = digest_str(h, xmlHashLookup(run->paths, BAD_CAST in->refs[i]) ? "+" : "-");
		if (pic)
			h = digest_add(h, &pic->digest, sizeof pic->digest);
		free(key);
	}
	return h;
}

uint64_t site_digest_entry(struct site_run *run, xmlNodePtr node)
{
	uint64_t h = digest_str(run->tool_digest, (const char *)node->name);
	xmlChar *input = xmlGetProp(node, BAD_CAST "input");
	xmlChar *reads = xmlGetProp(node, BAD_CAST "reads");
	xmlChar *article = input ? NULL : xmlGetProp(node, BAD_CAST "article");
	xmlChar *tag = input || article ? NULL : xmlGetProp(node, BAD_CAST "tag");
	struct sitearticle *in = input ? xmlHashLookup(run->model.articles, input) : NULL;
	xmlAttrPtr attr;

	for (attr = node->properties; attr; attr = attr->next) {
		h = digest_str(h, (const char *)attr->name);
		h = digest_str(h, attr->children ? (const char *)attr->children->content : "");
	}
	if (xmlStrEqual(node->name, BAD_CAST "copy")) {
		/* a file of the templates folder: in the tool's digest */
	} else if (in && !xmlStrEqual(reads, BAD_CAST "model")) {
		h = digest_add(h, &in->digest, sizeof in->digest);
		h = digest_add(h, &run->frame_digest, sizeof run->frame_digest);
		h = digest_versions(run, h, in->id);
		h = site_digest_refs(run, h, in);
	} else if (article && !xmlStrEqual(reads, BAD_CAST "model")) {
		/* A page about one article without its text (it is not
		 * published in the page's language): what an article page
		 * reads of the model, its versions. */
		h = digest_add(h, &run->frame_digest, sizeof run->frame_digest);
		h = digest_versions(run, h, article);
	} else if (tag && !xmlStrEqual(reads, BAD_CAST "model")) {
		/* The page of one tag: the entries that have it, as the lists
		 * read them, with the pictures they show. */
		h = digest_add(h, &run->frame_digest, sizeof run->frame_digest);
		h = digest_tag_page(run, h, tag);
	} else {
		/* Another input than an article's is read to be digested. */
		if (input && sitepath_safe((const char *)input)) {
			char *path = sitepath_join(run->opts->xml_dir, (const char *)input, NULL);
			struct buf content = BUF_INIT;
			struct diag quiet; /* the page's own reading will say what is wrong */

			diag_init(&quiet, NULL, NULL);
			if (file_read(path, FILE_MAX_DOCUMENT, &content, &quiet) != 0)
				buf_truncate(&content, 0);
			h = digest_add(h, content.data ? content.data : "", content.len);
			buf_release(&content);
			free(path);
		}
		/* An input that is not an article's might lead anywhere in the model. */
		h = input || xmlStrEqual(reads, BAD_CAST "model")
		        ? digest_add(h, &run->model_digest, sizeof run->model_digest)
		        : digest_add(h, &run->lists_digest, sizeof run->lists_digest);
	}
	xmlFree(input);
	xmlFree(reads);
	xmlFree(article);
	xmlFree(tag);
	return h;
}
