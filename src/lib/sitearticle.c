/*
 * sitearticle: what the model takes of an article.  See sitearticle.h.
 */
#include <config.h>

#include "sitearticle.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "digest.h"
#include "file.h"
#include "mem.h"
#include "uni.h"
#include "xmldoc.h"

void sitearticle_free(struct sitearticle *in)
{
	if (!in)
		return;
	xmlFree(in->id);
	while (in->ref_count)
		free(in->refs[--in->ref_count]);
	free(in->refs);
	free(in);
}

xmlDocPtr sitearticle_check_root(const char *path, xmlDocPtr doc, const char *name, struct diag *d)
{
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;

	if (doc && (!root || !xmlStrEqual(root->name, BAD_CAST name) || root->ns)) {
		diag_error(d, path, root ? xmlGetLineNo(root) : 0, 0, "expected a <%s> document",
		           name);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/*
 * Gives each <tag> of TAGS its slug (uni_slug), which names its page:
 * tag pages group articles by slug, and computing it once here spares
 * every page that groups them from asking ICU again.
 */
static void add_tag_slugs(xmlNodePtr tags)
{
	xmlNodePtr tag;

	for (tag = tags->children; tag; tag = tag->next) {
		xmlChar *text;
		char *slug;

		if (tag->type != XML_ELEMENT_NODE || !xmlStrEqual(tag->name, BAD_CAST "tag"))
			continue;
		text = xmlNodeGetContent(tag);
		slug = text ? uni_slug((const char *)text, (size_t)xmlStrlen(text)) : NULL;
		xmlSetProp(tag, BAD_CAST "slug", BAD_CAST(slug ? slug : ""));
		free(slug);
		xmlFree(text);
	}
}

void sitearticle_collect_refs(struct sitearticle *in, xmlNodePtr node)
{
	for (; node; node = node->next)
		sitearticle_collect_node_refs(in, node);
}

void sitearticle_collect_node_refs(struct sitearticle *in, xmlNodePtr node)
{
	xmlAttrPtr a;

	if (node->type != XML_ELEMENT_NODE)
		return;
	for (a = node->properties; a; a = a->next) {
		const xmlChar *v =
		    a->children && !a->children->next && a->children->type == XML_TEXT_NODE
		        ? a->children->content
		        : NULL;
		size_t len;

		if (!v || !*v || strchr((const char *)v, ':') || *v == '/' || *v == '#')
			continue;
		len = strcspn((const char *)v, "?#");
		xgrow((void **)&in->refs, &in->ref_alloc, in->ref_count + 1, sizeof *in->refs);
		in->refs[in->ref_count++] = xstrndup((const char *)v, len);
	}
	sitearticle_collect_refs(in, node->children);
}

/* The first <image> of a <figure> of BODY, in document order, or NULL. */
static xmlNodePtr first_picture(xmlNodePtr body)
{
	xmlNodePtr n, found = NULL;

	for (n = body ? body->children : NULL; n && !found; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, BAD_CAST "image") && n->parent &&
		    xmlStrEqual(n->parent->name, BAD_CAST "figure"))
			found = n;
		else
			found = first_picture(n);
	}
	return found;
}

/*
 * Whether NODE is what the model takes of an article: its title, summary,
 * tags (children of its root), or its first picture (taken from its body
 * by summarize).
 */
static int is_summary(xmlNodePtr node)
{
	return node->type == XML_ELEMENT_NODE && (xmlStrEqual(node->name, BAD_CAST "title") ||
	                                          xmlStrEqual(node->name, BAD_CAST "summary") ||
	                                          xmlStrEqual(node->name, BAD_CAST "tags") ||
	                                          xmlStrEqual(node->name, BAD_CAST "image"));
}

/*
 * What the model takes of a localized article, as a cache record: its
 * root's id and line, the relative paths its attributes name (for
 * t:in-site), and its title, summary, tags (with their slugs) and first
 * picture as the children of a small document.  Found by the digest of the article's
 * bytes: the same bytes give the same summary.
 */
struct summary {
	xmlChar *id; /* the root's id attribute, or NULL */
	long line; /* the root's line */
	struct sitearticle *in;
	xmlDocPtr parts; /* <parts> holding copies of title, summary, tags, picture */
};

static void summary_key(const struct digest *bytes, struct digest *key)
{
	struct digest_state s;

	cache_key(&s, "site-article");
	digest_add_digest(&s, bytes);
	*key = digest_final(&s);
}

/* The summary of the article DOC. */
static void summarize(xmlDocPtr doc, struct summary *sum)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), child, parts;

	sum->id = xmlGetProp(root, BAD_CAST "id");
	sum->line = xmlGetLineNo(root);
	sitearticle_collect_refs(sum->in, root);
	sum->parts = xmlNewDoc(BAD_CAST "1.0");
	parts = xmlNewDocNode(sum->parts, NULL, BAD_CAST "parts", NULL);
	xmlDocSetRootElement(sum->parts, parts);
	for (child = root->children; child; child = child->next) {
		xmlNodePtr copy;

		if (child->type == XML_ELEMENT_NODE && xmlStrEqual(child->name, BAD_CAST "body")) {
			xmlNodePtr picture = first_picture(child);

			if (picture)
				xmlAddChild(parts, xmlDocCopyNode(picture, sum->parts, 1));
			continue;
		}
		if (!is_summary(child) || xmlStrEqual(child->name, BAD_CAST "image"))
			continue;
		copy = xmlAddChild(parts, xmlDocCopyNode(child, sum->parts, 1));
		if (xmlStrEqual(child->name, BAD_CAST "tags"))
			add_tag_slugs(copy);
	}
}

static void record_summary(struct cache *cache, const struct digest *key, const struct summary *sum)
{
	struct buf rec = BUF_INIT;
	xmlChar *text = NULL;
	int len = 0;
	size_t i;

	cache_rec_str(&rec, (const char *)sum->id);
	cache_rec_u64(&rec, (uint64_t)sum->line);
	cache_rec_u64(&rec, sum->in->ref_count);
	for (i = 0; i < sum->in->ref_count; i++)
		cache_rec_str(&rec, sum->in->refs[i]);
	xmlDocDumpMemoryEnc(sum->parts, &text, &len, "UTF-8");
	if (text) {
		cache_rec_str(&rec, (const char *)text);
		cache_put(cache, key, rec.data, rec.len);
	}
	xmlFree(text);
	buf_release(&rec);
}

/* The summary from the record REC (LEN bytes): 0, or -1 if it is not one. */
static int summary_from_record(const char *rec, size_t len, struct summary *sum)
{
	struct cache_reader r;
	const char *id, *text;
	uint64_t n, i;
	struct diag quiet;

	cache_reader_init(&r, rec, len);
	id = cache_read_str(&r);
	sum->line = (long)cache_read_u64(&r);
	n = cache_read_u64(&r);
	for (i = 0; i < n && !r.bad; i++) {
		const char *ref = cache_read_str(&r);

		if (!ref)
			return -1;
		xgrow((void **)&sum->in->refs, &sum->in->ref_alloc, sum->in->ref_count + 1,
		      sizeof *sum->in->refs);
		sum->in->refs[sum->in->ref_count++] = xstrdup(ref);
	}
	text = cache_read_str(&r);
	if (!cache_reader_done(&r) || !text)
		return -1;
	diag_init(&quiet, NULL, NULL);
	sum->parts = xmldoc_read_memory(text, strlen(text), "cache", &quiet);
	if (!sum->parts)
		return -1;
	sum->id = id ? xmlStrdup(BAD_CAST id) : NULL;
	return 0;
}

int sitearticle_add(xmlNodePtr entry, const char *path, const xmlChar *id, struct cache *cache,
                    struct sitearticle *lists, struct sitearticle **article, struct diag *d)
{
	struct digest bytes, key;
	struct summary sum;
	const char *rec;
	size_t len = 0;
	xmlNodePtr child;
	int rc = 0, known = 0;

	*article = NULL;
	memset(&sum, 0, sizeof sum);
	sum.in = xcalloc(1, sizeof *sum.in);
	if (cache && cache_file(cache, path, &bytes) == 0) {
		summary_key(&bytes, &key);
		rec = cache_get(cache, &key, &len);
		if (rec && summary_from_record(rec, len, &sum) == 0) {
			known = 1;
		} else if (rec) {
			cache_reject(cache, &key);
			sitearticle_free(sum.in);
			sum.in = xcalloc(1, sizeof *sum.in);
			if (sum.parts)
				xmlFreeDoc(sum.parts);
			sum.parts = NULL;
		}
	}
	if (!known) {
		struct buf data = BUF_INIT;
		xmlDocPtr doc = NULL;
		unsigned long diags = diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_WARNING);

		/* The bytes parsed are the bytes digested. */
		if (cache && cache_file_read(cache, path, &bytes, &data) == 0) {
			doc = xmldoc_read_memory(data.data ? data.data : "", data.len, path, d);
		} else {
			buf_truncate(&data, 0);
			if (file_read(path, FILE_MAX_DOCUMENT, &data, d) == 0) {
				bytes = digest_of(data.data ? data.data : "", data.len);
				doc = xmldoc_read_memory(data.data ? data.data : "", data.len, path,
				                         d);
			}
		}
		buf_release(&data);
		doc = sitearticle_check_root(path, doc, "article", d);
		if (!doc) {
			sitearticle_free(sum.in);
			return -1;
		}
		summarize(doc, &sum);
		xmlFreeDoc(doc);
		if (cache && diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_WARNING) == diags) {
			summary_key(&bytes, &key);
			record_summary(cache, &key, &sum);
		}
	}
	/* The bytes of the page's input, for its digest. */
	sum.in->digest = bytes.lo;
	sum.in->id = xmlStrdup(id);
	*article = sum.in;
	if (!sum.id || !xmlStrEqual(sum.id, id)) {
		rc = diag_error(d, path, sum.line, 0,
		                "the article's id is '%s', its manifest says '%s'",
		                sum.id ? (const char *)sum.id : "", (const char *)id);
	}
	for (child = xmlDocGetRootElement(sum.parts)->children; child && rc == 0;
	     child = child->next) {
		xmlNodePtr copy;

		if (!is_summary(child))
			continue;
		copy = xmlAddChild(entry, xmlDocCopyNode(child, entry->doc, 1));
		if (xmlStrEqual(child->name, BAD_CAST "image"))
			sitearticle_collect_refs(lists, copy);
	}
	xmlFree(sum.id);
	xmlFreeDoc(sum.parts);
	return rc;
}
