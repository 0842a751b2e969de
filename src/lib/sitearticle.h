/*
 * sitearticle: what the site's model takes of a localized article.
 *
 * An article's page is made from the article itself; every other page
 * that shows it (index pages, tag pages, feeds) from its manifest entry
 * in the model, to which this module copies the article's title, summary,
 * tags (each with its slug, uni_slug) and the first picture of its body.
 * With a cache (cache.h), an article whose bytes did not change is not
 * parsed again: what the model takes of it is found by the digest of its
 * bytes.  What a page's digest needs of the article (its bytes' digest,
 * the site paths it names) comes out as a struct sitearticle.
 *
 * Below sitemodel.h, which calls it for every published article.
 */
#ifndef TRADUKI_SITEARTICLE_H
#define TRADUKI_SITEARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "cache.h"
#include "diag.h"

/* What a page of an article is made of besides the model, for its digest. */
struct sitearticle {
	uint64_t digest; /* of the article's bytes */
	xmlChar *id; /* the article's id */
	/* Its attributes that may name a file of the site ("images/x.jpg"):
	 * whether each is there is part of the page (t:in-site). */
	char **refs;
	size_t ref_count, ref_alloc;
};

/*
 * Copies into ENTRY (a manifest entry of the model, whose document it
 * changes) the title, summary and tags of the localized article at PATH,
 * whose id the manifest says is ID, and the first picture of its body (an
 * <image> with its address and alternative text); the paths that picture
 * names are added to LISTS.  CACHE may be NULL.  *ARTICLE gets what the
 * article's page is made of (to free with sitearticle_free) once the
 * article is read, even when its id is not ID.  Returns 0, or -1 after
 * reporting to D.
 */
int sitearticle_add(xmlNodePtr entry, const char *path, const xmlChar *id, struct cache *cache,
                    struct sitearticle *lists, struct sitearticle **article, struct diag *d);

/*
 * Adds to IN every attribute value below NODE (and its siblings) that is
 * a plain relative path (no scheme, not from the root): those a page may
 * look up with t:in-site, in document order.
 */
void sitearticle_collect_refs(struct sitearticle *in, xmlNodePtr node);
/* The same for NODE alone, without its siblings. */
void sitearticle_collect_node_refs(struct sitearticle *in, xmlNodePtr node);

/* Frees IN (NULL is nothing). */
void sitearticle_free(struct sitearticle *in);

/*
 * DOC if its root element is called NAME, in no namespace; else NULL
 * after reporting to D that PATH is no such document, and DOC freed.  DOC
 * may be NULL (a document that could not be read): NULL.
 */
xmlDocPtr sitearticle_check_root(const char *path, xmlDocPtr doc, const char *name, struct diag *d);

#endif
