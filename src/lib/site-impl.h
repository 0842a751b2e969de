/*
 * The parts of site.c that live in files of their own, and the state of
 * one run of site_build that they share.  Not for other modules: site.h
 * is the site's API.
 *
 * From the bottom: site-digest.c (what each file of the site is made of:
 * its digest, and the pictures among the static files), site-xslt.c
 * (libxslt: its errors, the templates, the functions t:in-site and
 * t:picture-versions), site.c (the plan, its entries, the workers that
 * write them, site_build).  Below them: sitemodel.h, sitestate.h,
 * sitepath.h.
 */
#ifndef TRADUKI_SITE_IMPL_H
#define TRADUKI_SITE_IMPL_H

#include <stdint.h>
#include <sys/stat.h>

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <libxslt/security.h>
#include <libxslt/xsltInternals.h>

#include "buf.h"
#include "cache.h"
#include "diag.h"
#include "site.h"
#include "sitemodel.h"
#include "sitestate.h"
#include "xmldoc.h"
#include "xsltext.h"

/* One run of site_build: what it reads, what it has worked out, where it reports. */
struct site_run {
	const struct site_options *opts;
	struct site_stats *stats;
	struct diag *d;
	struct sitemodel model; /* what the templates read (t:model) */
	xmlHashTablePtr stylesheets; /* template name → xsltStylesheetPtr */
	xmlHashTablePtr paths; /* output paths of the plan, to catch duplicates */
	xmlHashTablePtr missing; /* paths t:in-site did not find, said once */
	xmlHashTablePtr statics; /* path of a static file → the file it is copied from */
	xmlHashTablePtr pictures; /* a picture key → struct site_picture */
	xmlHashTablePtr sizes; /* path → struct size, for t:picture-versions */
	/* What a page's digest is made of (site-digest.c). */
	uint64_t tool_digest; /* traduki and the templates */
	uint64_t frame_digest; /* the model's attributes, languages and chromes */
	uint64_t lists_digest; /* the model without the counts of its entries */
	uint64_t model_digest; /* the whole model */
	xmlHashTablePtr version_digests; /* article id → digest of its entries (uint64_t *) */
	/* (slug, "slug") and (source, "source") → struct site_tag: the entries
	 * that have a tag of that slug, or of that source slug. */
	xmlHashTablePtr tag_digests;
	struct cache *cache; /* what earlier builds worked out (site_options.cache), or NULL */
	struct sitestate *state; /* the previous build's list, and this one's */
	xsltSecurityPrefsPtr security;
	/* The handlers of libxml2 and libxslt before the run's, put back after. */
	struct xmldoc_handlers xml_saved;
	struct xsltext_handlers xslt_saved;
	int debugger_saved; /* libxslt's debugger status before the run (site_xslt_begin) */
	/* libxslt reports errors a piece at a time: the line being built,
	 * and the location that its "file F line N" preamble gave. */
	struct buf error_line;
	char *error_file;
	long error_lineno;
	const char *page; /* the file being written, for messages */
};

/* --- site-digest.c --- */

/* The static files of one picture key: their paths, and a digest of their sizes and times. */
struct site_picture {
	uint64_t digest;
	char **paths;
	size_t count, alloc;
};

/*
 * The key of a static file among the pictures (to free): its name without
 * folder, extension, nor a last "-" and digits ("thumbs/x-480.jpg" and
 * "images/x.jpg" both give "x"): a picture and the smaller versions made
 * of it share one.
 */
char *site_picture_key(const char *path);
void site_free_picture(void *payload, const xmlChar *name);

/* The digest of the program and the templates folder, into RUN: 0, or -1 after reporting. */
int site_digest_tool(struct site_run *run);
/* The digests of the model that pages share, into RUN: the frame, the lists, the whole. */
void site_digest_model(struct site_run *run);
/* The digest of the static file FROM, copied to PATH (ST: its status); adds it to its picture. */
uint64_t site_digest_static(struct site_run *run, const char *path, const char *from,
                            const struct stat *st);
/* H with whether each path IN names is a file of the site, and the pictures it names. */
uint64_t site_digest_refs(struct site_run *run, uint64_t h, const struct sitearticle *in);
/* The digest of NODE, a <page> or <copy> of the plan, once every path of the site is known. */
uint64_t site_digest_entry(struct site_run *run, xmlNodePtr node);

/* --- site-xslt.c --- */

/*
 * Routes the errors of libxml2 and libxslt to RUN's diag, registers the
 * templates' functions and forbids templates to write or go online;
 * site_xslt_end reports what is left and puts everything back.
 */
void site_xslt_begin(struct site_run *run);
void site_xslt_end(struct site_run *run);

/* The template NAME of the templates folder, parsed once; NULL after reporting. */
xsltStylesheetPtr site_stylesheet(struct site_run *run, const char *name);

/*
 * Transforms INPUT with STYLE and the string parameters PARAMS (name,
 * value, ..., NULL).  Returns the result tree, NULL after reporting.
 */
xmlDocPtr site_transform(struct site_run *run, xsltStylesheetPtr style, xmlDocPtr input,
                         const char **params);

/* Frees a payload of a hash table that is one block of memory. */
/* The manifest entries of every language that have one tag (site-digest.c). */
struct site_tag {
	uint64_t entries; /* their digests, without counts, chained in model order */
	xmlNodePtr *nodes; /* the entries themselves, for their pictures */
	size_t node_count, node_alloc;
	uint64_t pages; /* ENTRIES with those pictures, once worked out (PAGES_KNOWN) */
	int pages_known;
	xmlChar **sources; /* for a slug: the source slugs its tags stand for */
	size_t source_count;
};
void site_free_tag(void *payload, const xmlChar *name);

void site_free_payload(void *payload, const xmlChar *name);

#endif
