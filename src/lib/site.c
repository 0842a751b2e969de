/*
 * site: localized XML → HTML through libxslt.  See site.h.
 */
#include <config.h>

#include "site.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libexslt/exslt.h>
#include <libxml/hash.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "atomic.h"
#include "buf.h"
#include "cache.h"
#include "digest.h"
#include "file.h"
#include "mem.h"
#include "picture.h"
#include "sitearticle.h"
#include "sitemodel.h"
#include "sitepath.h"
#include "sitestate.h"
#include "uni.h"
#include "xmldoc.h"
#include "xsltext.h"

struct site_run {
	const struct site_options *opts;
	struct site_stats *stats;
	struct diag *d;
	struct sitemodel model; /* what the templates read (t:model) */
	xmlHashTablePtr stylesheets; /* template name → xsltStylesheetPtr */
	xmlHashTablePtr paths; /* output paths of the plan, to catch duplicates */
	xmlHashTablePtr missing; /* paths t:in-site did not find, said once */
	xmlHashTablePtr statics; /* path of a static file → the file it is copied from */
	xmlHashTablePtr pictures; /* a static file's stem → struct picture (see picture_key) */
	xmlHashTablePtr sizes; /* path → struct size, for t:picture-versions */
	/* What a page's digest is made of (see "Digests" below). */
	uint64_t tool_digest; /* traduki and the templates */
	uint64_t frame_digest; /* the model's attributes, languages and chromes */
	uint64_t lists_digest; /* the model without the counts of its entries */
	uint64_t model_digest; /* the whole model */
	xmlHashTablePtr version_digests; /* article id → digest of its entries (uint64_t *) */
	struct cache *cache; /* what earlier builds worked out (site_options.cache), or NULL */
	struct sitestate *state; /* the previous build's list, and this one's */
	xsltSecurityPrefsPtr security;
	/* libxslt reports errors a piece at a time: the line being built,
	 * and the location that its "file F line N" preamble gave. */
	struct buf error_line;
	char *error_file;
	long error_lineno;
	const char *page; /* the file being written, for messages */
};

/* --- Errors from libxml2 and libxslt ----------------------------------------- */

/*
 * libxslt says where an error is on a line of its own ("runtime error:
 * file templates/page.xsl line 12 element value-of"), then what it is.
 * Keeps the location for the message that follows.
 */
static int take_location(struct site_run *run, const char *line)
{
	const char *file, *end;

	if (strncmp(line, "runtime error: file ", 20) == 0)
		file = line + 20;
	else if (strncmp(line, "compilation error: file ", 24) == 0)
		file = line + 24;
	else
		return 0;
	free(run->error_file);
	end = strstr(file, " line ");
	run->error_lineno = end ? strtol(end + 6, NULL, 10) : 0;
	if (!end)
		end = strstr(file, " element ");
	run->error_file = xstrndup(file, end ? (size_t)(end - file) : strlen(file));
	return 1;
}

static void report_line(struct site_run *run, const char *line)
{
	if (take_location(run, line))
		return;
	if (run->page)
		diag_report(run->d, DIAG_ERROR, run->error_file, run->error_lineno, 0,
		            "%s (writing %s)", line, run->page);
	else
		diag_report(run->d, DIAG_ERROR, run->error_file, run->error_lineno, 0, "%s", line);
	free(run->error_file);
	run->error_file = NULL;
	run->error_lineno = 0;
}

static void on_error(void *data, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The generic error function of libxml2 and libxslt, and of each transformation. */
static void on_error(void *data, const char *fmt, ...)
{
	struct site_run *run = data;
	va_list ap;
	char *nl;

	va_start(ap, fmt);
	buf_vaddf(&run->error_line, fmt, ap);
	va_end(ap);
	while ((nl = strchr(run->error_line.data, '\n')) != NULL) {
		size_t n = (size_t)(nl - run->error_line.data);
		char *line = xstrndup(run->error_line.data, n);

		memmove(run->error_line.data, nl + 1, run->error_line.len - n);
		buf_truncate(&run->error_line, run->error_line.len - n - 1);
		if (*line)
			report_line(run, line);
		free(line);
	}
}

/* Reports what is left of a message that did not end with a newline. */
static void flush_errors(struct site_run *run)
{
	if (run->error_line.len) {
		char *line = buf_detach(&run->error_line);

		report_line(run, line);
		free(line);
	}
	if (run->error_file)
		report_line(run, "error in a template");
}

/* --- Paths -------------------------------------------------------------------- */

/* Reads the whole file at PATH (up to LIMIT), or reports why not. */
static char *read_file(struct site_run *run, const char *path, size_t limit, size_t *len)
{
	struct buf content = BUF_INIT;

	if (file_read(path, limit, &content, run->d) != 0) {
		buf_release(&content);
		return NULL;
	}
	*len = content.len;
	return buf_detach(&content);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* --- Digests -------------------------------------------------------------------- */

/*
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
 * - a page that the plan marks reads="model", and one whose input is not
 *   an article: the whole model;
 * - a static file: its size and modification time.
 *
 * The digest is 64 bits, each 8-byte word mixed in by the murmur3
 * finalizer: a change detector, not a cryptographic hash.
 */
#define DIGEST_SEED 0x9e3779b97f4a7c15ULL

static uint64_t mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* H with the LEN bytes at DATA added, and their length, so that "ab", "c" ≠ "a", "bc". */
static uint64_t digest_add(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t w;

	h = mix64(h ^ DIGEST_SEED ^ (uint64_t)len);
	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = mix64(h ^ w);
	}
	w = 0;
	memcpy(&w, p, len);
	return mix64(h ^ w ^ ((uint64_t)len << 56));
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

/*
 * The names in the folder DIR, sorted, but those starting with '.'; NULL
 * after reporting that it cannot be read.  *COUNT gets their number.
 */
static char **folder_names(struct site_run *run, const char *dir, size_t *count)
{
	DIR *dh = opendir(dir);
	char **names = NULL;
	size_t alloc = 0;
	struct dirent *e;

	*count = 0;
	if (!dh) {
		diag_report(run->d, DIAG_ERROR, dir, 0, 0, "cannot open folder: %s",
		            strerror(errno));
		return NULL;
	}
	while ((e = readdir(dh)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		xgrow((void **)&names, &alloc, *count + 2, sizeof *names);
		names[(*count)++] = xstrdup(e->d_name);
	}
	closedir(dh);
	if (!names)
		names = xcalloc(1, sizeof *names);
	qsort(names, *count, sizeof *names, compare_strings);
	return names;
}

/* The program and every file of the templates folder, in name order. */
static int digest_tool(struct site_run *run)
{
	size_t count, i;
	char **names = folder_names(run, run->opts->templates_dir, &count);
	uint64_t h = digest_str(DIGEST_SEED, run->opts->build_id);
	int rc = 0;

	if (!names)
		return -1;
	for (i = 0; i < count; i++) {
		char *path = sitepath_join(run->opts->templates_dir, names[i], NULL);
		struct stat st;
		char *data;
		size_t len = 0;

		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if ((data = read_file(run, path, FILE_MAX_DOCUMENT, &len)) != NULL) {
				h = digest_str(h, names[i]);
				h = digest_add(h, data, len);
				free(data);
			} else {
				rc = -1;
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	run->tool_digest = h;
	return rc;
}

static uint64_t digest_name(uint64_t h, const xmlChar *name, xmlNsPtr ns)
{
	if (ns && ns->href)
		h = digest_str(h, (const char *)ns->href);
	return digest_str(h, (const char *)name);
}

/* H with NODE, its siblings and what they hold; without the counts of entries if LISTS. */
static uint64_t digest_tree(uint64_t h, xmlNodePtr node, int lists)
{
	for (; node; node = node->next) {
		if (node->type == XML_ELEMENT_NODE) {
			int entry = lists && xmlStrEqual(node->name, BAD_CAST "article") &&
			            node->parent &&
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
	}
	return h;
}

/* The digests of the model that pages share: the frame, the lists, the whole. */
static void digest_model(struct site_run *run)
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

/*
 * The key of a static file among the pictures: its name without folder,
 * extension, nor a last "-" and digits ("thumbs/x-480.jpg" and
 * "images/x.jpg" both give "x"): a picture and the smaller versions made
 * of it share one.
 */
static char *picture_key(const char *path)
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

/* The static files of one picture key: their paths, and a digest of their sizes and times. */
struct picture {
	uint64_t digest;
	char **paths;
	size_t count, alloc;
};

static void free_picture(void *payload, const xmlChar *name)
{
	struct picture *pic = payload;

	(void)name;
	while (pic->count)
		free(pic->paths[--pic->count]);
	free(pic->paths);
	free(pic);
}

/* Adds the static file PATH, whose own digest is DIGEST, to its picture's. */
static void add_picture(struct site_run *run, const char *path, uint64_t digest)
{
	char *key = picture_key(path);
	struct picture *pic = xmlHashLookup(run->pictures, BAD_CAST key);

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

/*
 * H with what IN refers to: whether each path is a file of the site, and
 * for a picture, the static files of its key (itself and the smaller
 * versions of it: t:image-width reads it, and the templates may offer
 * them), so that a picture replaced or made smaller remakes its pages.
 */
static uint64_t digest_refs(struct site_run *run, uint64_t h, const struct sitearticle *in)
{
	size_t i;

	for (i = 0; in && i < in->ref_count; i++) {
		char *key = picture_key(in->refs[i]);
		struct picture *pic = xmlHashLookup(run->pictures, BAD_CAST key);

		h = digest_str(h, xmlHashLookup(run->paths, BAD_CAST in->refs[i]) ? "+" : "-");
		if (pic)
			h = digest_add(h, &pic->digest, sizeof pic->digest);
		free(key);
	}
	return h;
}

/* The digest of NODE, a <page> or <copy> of the plan (see above). */
static uint64_t digest_plan_entry(struct site_run *run, xmlNodePtr node)
{
	uint64_t h = digest_str(run->tool_digest, (const char *)node->name);
	xmlChar *input = xmlGetProp(node, BAD_CAST "input");
	xmlChar *reads = xmlGetProp(node, BAD_CAST "reads");
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
		h = digest_refs(run, h, in);
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
	return h;
}

/* Frees a payload of a hash table that is one block of memory. */
static void free_payload(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

/* --- Functions for the templates --------------------------------------------- */

static struct site_run *run_of(xmlXPathParserContextPtr ctxt)
{
	xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);

	return tctxt ? tctxt->_private : NULL;
}

/*
 * t:in-site(PATH): true when PATH, relative to the site's root, is a file
 * of the site (a page or a static file of the plan).  A page that would
 * link to a file the site does not have (an image whose name has a typo)
 * asks this first; the first time a path is missing, the build says so.
 */
static void fn_in_site(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct site_run *run = run_of(ctxt);
	xmlChar *path;
	int found;

	CHECK_ARITY(1);
	if (!run)
		XP_ERROR(XPATH_INVALID_CTXT);
	path = xmlXPathPopString(ctxt);
	found = path && xmlHashLookup(run->paths, path) != NULL;
	if (!found && path && xmlHashAddEntry(run->missing, path, run) == 0)
		diag_report(run->d, DIAG_WARNING, run->page, 0, 0,
		            "'%s' is not a file of the site (a static file that is missing?): "
		            "left out of the page",
		            (const char *)path);
	xmlFree(path);
	valuePush(ctxt, xmlXPathNewBoolean(found));
}

/* The size of a picture of the site, for t:picture-versions. */
struct size {
	long width, height; /* 0 when unknown */
};

/*
 * The size of the static file PATH, read once per build; {0, 0} when it is
 * not a static file or not a picture whose size its header gives (said
 * once, naming the page).
 */
static const struct size *picture_size_of(struct site_run *run, const xmlChar *path)
{
	struct size *size = xmlHashLookup(run->sizes, path);
	const char *from;

	if (size)
		return size;
	size = xcalloc(1, sizeof *size);
	from = xmlHashLookup(run->statics, path);
	if (from) {
		size_t len = 0;
		char *data = read_file(run, from, FILE_MAX_CATALOG, &len);

		if (data && picture_size((const unsigned char *)data, len, &size->width,
		                         &size->height) != 0)
			diag_report(
			    run->d, DIAG_WARNING, from, 0, 0,
			    "cannot tell the size of this picture (%s): its page gives none",
			    run->page ? run->page : "");
		free(data);
	}
	xmlHashAddEntry(run->sizes, path, size);
	return size;
}

/*
 * 1 when the static file PATH, of size W x H, is a smaller version of the
 * picture ORIGINAL, of size OW x OH: named after it with its own width
 * ("thumbs/x-400.jpg" for "images/x.jpg", 400 pixels wide), narrower, and
 * of the same shape.  Two pictures whose names merely look alike
 * ("x.jpg", "x-2015.jpg") are not taken for one.
 */
static int smaller_version(const char *path, long w, long h, long ow, long oh)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(name, '.');
	const char *digits = dot;
	char width[24];

	while (digits && digits > name && digits[-1] >= '0' && digits[-1] <= '9')
		digits--;
	if (!dot || digits == dot || digits == name || digits[-1] != '-' || dot - digits > 12)
		return 0;
	snprintf(width, sizeof width, "%ld", w);
	return strlen(width) == (size_t)(dot - digits) &&
	       memcmp(width, digits, (size_t)(dot - digits)) == 0 && w < ow &&
	       labs(h * ow - oh * w) <= ow; /* heights within one pixel */
}

/*
 * t:picture-versions(PATH): the static picture PATH and its smaller
 * versions (the static files named after it with their width), as
 * <version path="..." width="..." height="..."/>, narrowest first; empty
 * when PATH is not a static picture whose size its header gives.  What a
 * srcset lists, each with its width, and the <img>'s width and height.
 */
static void fn_picture_versions(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
	struct site_run *run = run_of(ctxt);
	xmlNodeSetPtr set = xmlXPathNodeSetCreate(NULL);
	const struct size *full;
	struct picture *pic;
	xmlChar *path;
	char *key;
	xmlDocPtr container;
	const char **found;
	const struct size **sizes;
	size_t i, count;

	CHECK_ARITY(1);
	if (!run || !tctxt) {
		xmlXPathFreeNodeSet(set);
		XP_ERROR(XPATH_INVALID_CTXT);
	}
	path = xmlXPathPopString(ctxt);
	key = picture_key(path ? (const char *)path : "");
	pic = xmlHashLookup(run->pictures, BAD_CAST key);
	full = picture_size_of(run, path ? path : BAD_CAST "");
	/* The versions narrowest first, in document order as XPath sees them:
	 * made in that order.  They are few: an insertion sort. */
	count = 0;
	found = xcalloc(pic ? pic->count + 1 : 1, sizeof *found);
	sizes = xcalloc(pic ? pic->count + 1 : 1, sizeof *sizes);
	for (i = 0; pic && full->width > 0 && i < pic->count; i++) {
		const char *p = pic->paths[i];
		const struct size *size =
		    xmlStrEqual(BAD_CAST p, path) ? full : picture_size_of(run, BAD_CAST p);
		size_t at;

		if (size != full &&
		    (size->width <= 0 ||
		     !smaller_version(p, size->width, size->height, full->width, full->height)))
			continue;
		for (at = count++; at > 0 && sizes[at - 1]->width > size->width; at--) {
			found[at] = found[at - 1];
			sizes[at] = sizes[at - 1];
		}
		found[at] = p;
		sizes[at] = size;
	}
	container = xsltCreateRVT(tctxt);
	xsltRegisterLocalRVT(tctxt, container);
	for (i = 0; i < count; i++) {
		xmlNodePtr version = xmlNewDocNode(container, NULL, BAD_CAST "version", NULL);
		char n[24];

		xmlAddChild((xmlNodePtr)container, version);
		xmlNewProp(version, BAD_CAST "path", BAD_CAST found[i]);
		snprintf(n, sizeof n, "%ld", sizes[i]->width);
		xmlNewProp(version, BAD_CAST "width", BAD_CAST n);
		snprintf(n, sizeof n, "%ld", sizes[i]->height);
		xmlNewProp(version, BAD_CAST "height", BAD_CAST n);
		xmlXPathNodeSetAdd(set, version);
	}
	free(found);
	free(sizes);
	valuePush(ctxt, xmlXPathWrapNodeSet(set));
	free(key);
	xmlFree(path);
}

/* --- Templates and pages ------------------------------------------------------- */

static xsltStylesheetPtr stylesheet(struct site_run *run, const char *name)
{
	xsltStylesheetPtr style = xmlHashLookup(run->stylesheets, BAD_CAST name);
	struct stat st;
	char *path;
	int fd;

	if (style)
		return style;
	if (!sitepath_safe(name)) {
		diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "unsafe template name '%s'", name);
		return NULL;
	}
	path = sitepath_join(run->opts->templates_dir, name, NULL);
	if ((fd = file_open(path, &st)) < 0) {
		diag_report(run->d, DIAG_ERROR, path, 0, 0, "cannot read template: %s",
		            errno == EINVAL && stat(path, &st) == 0 ? file_kind(&st)
		                                                    : strerror(errno));
		free(path);
		return NULL;
	}
	close(fd);
	style = xsltParseStylesheetFile(BAD_CAST path);
	flush_errors(run);
	if (!style || style->errors) {
		diag_report(run->d, DIAG_ERROR, path, 0, 0, "invalid template");
		xsltFreeStylesheet(style);
		style = NULL;
	} else {
		xmlHashAddEntry(run->stylesheets, BAD_CAST name, style);
	}
	free(path);
	return style;
}

static void free_stylesheet(void *payload, const xmlChar *name)
{
	(void)name;
	xsltFreeStylesheet(payload);
}

/*
 * Transforms INPUT with the template NAME and the string parameters
 * PARAMS (name, value, ..., NULL).  Returns the result tree, NULL after
 * reporting.
 */
static xmlDocPtr transform(struct site_run *run, xsltStylesheetPtr style, xmlDocPtr input,
                           const char **params)
{
	xsltTransformContextPtr tctxt = xsltNewTransformContext(style, input);
	unsigned long before = diag_count(run->d, DIAG_ERROR);
	xmlDocPtr result = NULL;

	if (!tctxt) {
		diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "cannot start a transformation");
		return NULL;
	}
	tctxt->_private = run;
	xsltSetCtxtSecurityPrefs(run->security, tctxt);
	xsltSetTransformErrorFunc(tctxt, run, on_error);
	if (xsltQuoteUserParams(tctxt, params) == 0)
		result = xsltApplyStylesheetUser(style, input, NULL, NULL, NULL, tctxt);
	flush_errors(run);
	if (result && (tctxt->state != XSLT_STATE_OK || diag_count(run->d, DIAG_ERROR) != before)) {
		xmlFreeDoc(result);
		result = NULL;
	}
	if (!result && diag_count(run->d, DIAG_ERROR) == before)
		diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "cannot write %s", run->page);
	xsltFreeTransformContext(tctxt);
	return result;
}

/* "../" once for each folder that PATH is in: the way back to the site's root. */
static char *path_to_root(const char *path)
{
	struct buf root = BUF_INIT;
	const char *p;

	buf_adds(&root, "");
	for (p = strchr(path, '/'); p; p = strchr(p + 1, '/'))
		buf_adds(&root, "../");
	return buf_detach(&root);
}

/*
 * One <page> of the plan: transforms its input (a localized file, or the
 * model) with its template and writes the result.  Every attribute but
 * template and input reaches the template as a string parameter, with
 * root, the way back to the site's root ("../../").
 */
static int write_page(struct site_run *run, xmlNodePtr page, const char *path)
{
	xmlChar *template = xmlGetProp(page, BAD_CAST "template");
	xmlChar *input_name = xmlGetProp(page, BAD_CAST "input");
	const char **params = NULL;
	size_t nparams = 0, alloc = 0;
	char *root = path_to_root(path);
	xsltStylesheetPtr style;
	xmlDocPtr input = run->model.doc, result = NULL;
	xmlChar *out = NULL;
	int out_len = 0, rc = -1;
	xmlAttrPtr attr;

	style = template ? stylesheet(run, (const char *)template) : NULL;
	if (!template)
		diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "the plan gives no template for %s",
		            path);
	if (!style)
		goto out;
	if (input_name) {
		char *input_path;

		if (!sitepath_safe((const char *)input_name)) {
			diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "unsafe input '%s' for %s",
			            (const char *)input_name, path);
			goto out;
		}
		input_path = sitepath_join(run->opts->xml_dir, (const char *)input_name, NULL);
		input = xmldoc_read_file(input_path, run->d);
		free(input_path);
		if (!input)
			goto out;
	}

	xgrow((void **)&params, &alloc, 3, sizeof *params);
	params[nparams++] = "root";
	params[nparams++] = root;
	for (attr = page->properties; attr; attr = attr->next) {
		if (xmlStrEqual(attr->name, BAD_CAST "template") ||
		    xmlStrEqual(attr->name, BAD_CAST "input") ||
		    xmlStrEqual(attr->name, BAD_CAST "root"))
			continue;
		xgrow((void **)&params, &alloc, nparams + 3, sizeof *params);
		params[nparams++] = (const char *)attr->name;
		params[nparams++] = attr->children ? (const char *)attr->children->content : "";
	}
	params[nparams] = NULL;

	result = transform(run, style, input, params);
	if (!result)
		goto out;
	if (xsltSaveResultToString(&out, &out_len, result, style) != 0) {
		diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "cannot serialize %s", path);
		goto out;
	}
	rc = sitepath_write(run->opts->out_dir, path, out ? (const char *)out : "", (size_t)out_len,
	                    run->d);
out:
	xmlFree(out);
	xmlFreeDoc(result);
	if (input != run->model.doc)
		xmlFreeDoc(input);
	free(params);
	free(root);
	xmlFree(template);
	xmlFree(input_name);
	return rc;
}

/* Copies the file FROM to PATH below the output folder, unless it holds it already. */
static int copy_file(struct site_run *run, const char *from, const char *path)
{
	size_t len = 0;
	char *data = read_file(run, from, FILE_MAX_CATALOG, &len);
	int rc = data ? sitepath_write(run->opts->out_dir, path, data, len, run->d) : -1;

	free(data);
	return rc;
}

/* --- The files of a build --------------------------------------------------- */

/* One file of the site: a page or a copy of the plan, or a static file. */
struct entry {
	xmlNodePtr node; /* the plan's <page> or <copy>; NULL for a static file */
	char *path; /* below the output folder */
	char *from; /* the file copied, for a copy or a static file */
	uint64_t digest; /* of what the file is made of (see "Digests") */
	int unchanged; /* same digest as the previous build's, and the file is there */
};

struct entries {
	struct entry *at;
	size_t count, alloc;
};

/* Adds PATH to the site, or reports it unsafe or planned twice (-1). */
static struct entry *add_entry(struct site_run *run, struct entries *list, const char *path)
{
	struct entry *e;

	if (!path || !sitepath_safe(path)) {
		diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "site.xsl: unsafe page path '%s'",
		            path ? path : "");
		return NULL;
	}
	if (xmlHashAddEntry(run->paths, BAD_CAST path, run) != 0) {
		diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "site.xsl: '%s' is planned twice",
		            path);
		return NULL;
	}
	xgrow((void **)&list->at, &list->alloc, list->count + 1, sizeof *list->at);
	e = &list->at[list->count++];
	memset(e, 0, sizeof *e);
	e->path = xstrdup(path);
	return e;
}

/* The <page>s and <copy>s of the plan. */
static int add_plan(struct site_run *run, xmlDocPtr plan, struct entries *list)
{
	xmlNodePtr root = xmlDocGetRootElement(plan), node;

	for (node = root ? root->children : NULL; node; node = node->next) {
		int is_page = xmlStrEqual(node->name, BAD_CAST "page");
		xmlChar *path, *src = NULL;
		struct entry *e;

		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (!is_page && !xmlStrEqual(node->name, BAD_CAST "copy")) {
			diag_report(run->d, DIAG_ERROR, NULL, 0, 0,
			            "site.xsl: unknown <%s> in the plan", (const char *)node->name);
			return -1;
		}
		path = xmlGetProp(node, BAD_CAST "path");
		e = add_entry(run, list, (const char *)path);
		if (e && !is_page) {
			src = xmlGetProp(node, BAD_CAST "src");
			if (!src || !sitepath_safe((const char *)src))
				diag_report(run->d, DIAG_ERROR, NULL, 0, 0,
				            "missing or unsafe source to copy to %s",
				            (const char *)path);
			else
				e->from = sitepath_join(run->opts->templates_dir, (const char *)src,
				                        NULL);
		}
		xmlFree(path);
		if (!e || (!is_page && !e->from)) {
			xmlFree(src);
			return -1;
		}
		xmlFree(src);
		e->node = node;
	}
	return 0;
}

/* 1 when the real path REAL is inside the folder DIR. */
static int is_inside(const char *real, const char *dir)
{
	char *root = realpath(dir, NULL);
	size_t n = root ? strlen(root) : 0;
	int inside = root && strncmp(real, root, n) == 0 && (n == 1 || real[n] == '/');

	free(root);
	return inside;
}

/*
 * Where the symbolic link FROM, in a static folder, leads: the real path
 * of a regular file inside one of the static folders the user named (a
 * copy of it to free), or NULL with the reason in *WHY.  Links to folders
 * are not followed, so no walk can loop (loop -> ..).
 */
static char *static_link_target(struct site_run *run, const char *from, const char **why)
{
	char *real = realpath(from, NULL);
	struct stat st;
	size_t i;

	if (!real || stat(real, &st) != 0) {
		*why = "a symbolic link that leads nowhere";
	} else if (S_ISDIR(st.st_mode)) {
		*why = "a symbolic link to a folder (only links to files are followed)";
	} else if (!S_ISREG(st.st_mode)) {
		*why = "a symbolic link to something that is not a regular file";
	} else {
		for (i = 0; i < run->opts->static_count; i++)
			if (is_inside(real, run->opts->static_dirs[i]))
				return real;
		*why = "a symbolic link that leads outside the static folders";
	}
	free(real);
	return NULL;
}

/*
 * Adds the files below the folder DIR/SUB (SUB "" for DIR itself) as
 * NAME/SUB/FILE, in name order.  Hidden files (a leading dot) are not
 * part of the site; a name that is not a plain one (a space) is left out
 * with a warning.  Nothing outside the static folders is published: a
 * symbolic link is followed only to a file inside them, and one that
 * leads anywhere else, or to a folder, is left out with a warning; so is
 * what is no regular file (a named pipe, a device).
 */
static int add_static(struct site_run *run, struct entries *list, const char *dir, const char *name,
                      const char *sub)
{
	char *folder = *sub ? sitepath_join(dir, sub, NULL) : xstrdup(dir);
	size_t count, i;
	char **names = folder_names(run, folder, &count);
	int rc = 0;

	if (!names) {
		free(folder);
		return -1;
	}
	for (i = 0; i < count; i++) {
		char *from = sitepath_join(folder, names[i], NULL);
		char *rel = *sub ? sitepath_join(sub, names[i], NULL) : xstrdup(names[i]);
		char *path = sitepath_join(name, rel, NULL);
		char *target = NULL;
		const char *why = NULL;
		struct entry *e;
		struct stat st;

		if (rc != 0 || lstat(from, &st) != 0) {
			/* gone since */
		} else if (!sitepath_safe(path)) {
			diag_report(
			    run->d, DIAG_WARNING, from, 0, 0,
			    "not copied: a file name in the site is made of letters, digits, "
			    "'.', '_' and '-'");
		} else if (S_ISDIR(st.st_mode)) {
			rc = add_static(run, list, dir, name, rel);
		} else if (S_ISLNK(st.st_mode) &&
		           (!(target = static_link_target(run, from, &why)) ||
		            stat(target, &st) != 0)) {
			diag_report(run->d, DIAG_WARNING, from, 0, 0, "not copied: %s",
			            why ? why : "a symbolic link that leads nowhere");
		} else if (!S_ISREG(st.st_mode)) {
			diag_report(run->d, DIAG_WARNING, from, 0, 0,
			            "not copied: %s, not a regular file", file_kind(&st));
		} else {
			uint64_t h = digest_str(run->tool_digest, "static");

			if (!(e = add_entry(run, list, path))) {
				rc = -1;
			} else {
				e->from = xstrdup(target ? target : from);
				h = digest_str(h, e->from);
				h = digest_add(h, &st.st_size, sizeof st.st_size);
				h = digest_add(h, &st.st_mtim, sizeof st.st_mtim);
				e->digest = h;
				xmlHashAddEntry(run->statics, BAD_CAST path, xstrdup(from));
				add_picture(run, path, h);
			}
		}
		free(target);
		free(path);
		free(rel);
		free(from);
		free(names[i]);
	}
	free(names);
	free(folder);
	return rc;
}

/* Every static folder, at its own name: content/images → images. */
static int add_static_folders(struct site_run *run, struct entries *list)
{
	size_t i;

	for (i = 0; i < run->opts->static_count; i++) {
		const char *dir = run->opts->static_dirs[i];
		size_t len = strlen(dir);
		char *trimmed, *name;
		int rc;

		while (len > 1 && dir[len - 1] == '/')
			len--;
		trimmed = xstrndup(dir, len);
		name = strrchr(trimmed, '/') ? strrchr(trimmed, '/') + 1 : trimmed;
		if (!sitepath_safe(name) || strcmp(name, SITESTATE_LIST) == 0) {
			diag_report(run->d, DIAG_ERROR, dir, 0, 0,
			            "a static folder needs a plain name ('images')");
			rc = -1;
		} else {
			rc = add_static(run, list, trimmed, name, "");
		}
		free(trimmed);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* --- The build ---------------------------------------------------------------- */

/* Writes the file of entry E, unless unchanged: 1 written, 0 left as it was, -1 failed. */
static int write_entry(struct site_run *run, const struct entry *e)
{
	int rc;

	if (e->unchanged)
		return 0;
	run->page = e->path;
	if (e->from)
		rc = copy_file(run, e->from, e->path);
	else
		rc = write_page(run, e->node, e->path);
	run->page = NULL;
	return rc;
}

/* What one worker did, in memory that it shares with the build. */
struct worker {
	size_t done; /* files handled */
	size_t written; /* files written */
	int failed;
};

/* Writes the files TODO[K], TODO[K + STEP]... of LIST, counting in W. */
static void write_share(struct site_run *run, const struct entries *list, const size_t *todo,
                        size_t count, size_t k, size_t step, volatile struct worker *w,
                        size_t unchanged)
{
	size_t i;

	for (i = k; i < count && !w->failed; i += step) {
		int rc = write_entry(run, &list->at[todo[i]]);

		if (rc < 0)
			w->failed = 1;
		else
			w->written += (size_t)rc;
		w->done++;
		if (step == 1 && run->opts->progress)
			run->opts->progress(run->opts->progress_data, unchanged + w->done,
			                    list->count);
	}
}

/*
 * Writes the files TODO[0..COUNT) with JOBS processes: each gets every
 * JOBS-th file (an article's pages are spread over the plan, so the
 * shares are alike), the build waits for all of them and reports their
 * progress.  The processes are forked once everything they read (the
 * model, the plan, the templates) is in memory.  Returns 0, or -1 when
 * one failed (it has reported why); W[0] gets the total counts.
 */
static int write_in_parallel(struct site_run *run, const struct entries *list, const size_t *todo,
                             size_t count, size_t jobs, struct worker *total, size_t unchanged)
{
	volatile struct worker *w =
	    mmap(NULL, jobs * sizeof *w, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t *pids = xcalloc(jobs, sizeof *pids);
	size_t k, running = 0;
	int rc = 0;

	if (w == MAP_FAILED) {
		free(pids);
		write_share(run, list, todo, count, 0, 1, total, unchanged);
		return total->failed ? -1 : 0;
	}
	fflush(NULL);
	for (k = 0; k < jobs; k++) {
		pids[k] = fork();
		if (pids[k] == 0) {
			write_share(run, list, todo, count, k, jobs, &w[k], unchanged);
			_exit(w[k].failed ? 1 : 0);
		}
		if (pids[k] < 0) {
			diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "cannot start a process: %s",
			            strerror(errno));
			rc = -1;
		} else {
			running++;
		}
	}
	while (running > 0) {
		size_t done = 0;

		for (k = 0; k < jobs; k++) {
			int status;

			if (pids[k] <= 0 || waitpid(pids[k], &status, WNOHANG) != pids[k])
				continue;
			pids[k] = 0;
			running--;
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
				rc = -1;
		}
		for (k = 0; k < jobs; k++)
			done += w[k].done;
		if (run->opts->progress)
			run->opts->progress(run->opts->progress_data, unchanged + done,
			                    list->count);
		if (running > 0) {
			struct timespec nap = { 0, 50 * 1000 * 1000 };

			nanosleep(&nap, NULL);
		}
	}
	for (k = 0; k < jobs; k++)
		total->written += w[k].written;
	munmap((void *)w, jobs * sizeof *w);
	free(pids);
	return rc;
}

/* Writes every entry that is not unchanged, with opts->jobs processes. */
static int write_entries(struct site_run *run, const struct entries *list)
{
	size_t *todo = xcalloc(list->count + 1, sizeof *todo);
	size_t count = 0, jobs = run->opts->jobs, i;
	struct worker total = { 0, 0, 0 };
	int rc;

	for (i = 0; i < list->count; i++)
		if (!list->at[i].unchanged)
			todo[count++] = i;
	if (jobs == 0) {
		long online = sysconf(_SC_NPROCESSORS_ONLN);

		jobs = online > 0 ? (size_t)online : 1;
	}
	/* A few pages are not worth a process each. */
	if (jobs > count / 16)
		jobs = count / 16;
	if (jobs > 1) {
		rc = write_in_parallel(run, list, todo, count, jobs, &total, list->count - count);
	} else {
		write_share(run, list, todo, count, 0, 1, &total, list->count - count);
		rc = total.failed ? -1 : 0;
	}
	run->stats->written += total.written;
	free(todo);
	return rc;
}

static unsigned long diag_total(const struct diag *d)
{
	return diag_count(d, DIAG_NOTE) + diag_count(d, DIAG_WARNING) + diag_count(d, DIAG_ERROR);
}

/*
 * The plan: site.xsl applied to the model without its counts, or the one
 * kept from a build with the same templates, program and lists.  NULL
 * after reporting.
 */
static xmlDocPtr make_plan(struct site_run *run, xsltStylesheetPtr planner)
{
	const char *params[] = { "root", "", NULL };
	struct digest_state s;
	struct digest key;
	const char *rec;
	size_t len = 0;
	unsigned long diags = diag_total(run->d);
	xmlDocPtr plan;

	cache_key(&s, "site-plan");
	digest_add_u64(&s, run->tool_digest);
	digest_add_u64(&s, run->lists_digest);
	key = digest_final(&s);
	if (run->cache && (rec = cache_get(run->cache, &key, &len)) != NULL) {
		struct diag quiet;

		diag_init(&quiet, NULL, NULL);
		plan = xmldoc_read_memory(rec, len, "plan", &quiet);
		if (plan)
			return plan;
		cache_reject(run->cache, &key);
	}
	run->page = "the plan (site.xsl)";
	sitemodel_hide_counts(&run->model);
	plan = transform(run, planner, run->model.doc, params);
	sitemodel_show_counts(&run->model);
	run->page = NULL;
	/* Kept when it said nothing: a message of the template is said each time. */
	if (plan && run->cache && diag_total(run->d) == diags) {
		xmlChar *text = NULL;
		int n = 0;

		xmlDocDumpMemoryEnc(plan, &text, &n, "UTF-8");
		if (text)
			cache_put(run->cache, &key, text, (size_t)n);
		xmlFree(text);
	}
	return plan;
}

static int run_plan(struct site_run *run)
{
	xsltStylesheetPtr planner = stylesheet(run, "site.xsl");
	struct entries list = { NULL, 0, 0 };
	xmlDocPtr plan;
	size_t i;
	int rc;

	if (!planner || digest_tool(run) != 0)
		return -1;
	digest_model(run);
	plan = make_plan(run, planner);
	if (!plan)
		return -1;
	rc = add_plan(run, plan, &list);
	if (rc == 0)
		rc = add_static_folders(run, &list);
	/* The pictures that lists show are part of every list (and of the model). */
	if (rc == 0) {
		run->lists_digest = digest_refs(run, run->lists_digest, run->model.refs);
		run->model_digest = digest_refs(run, run->model_digest, run->model.refs);
	}
	/* Once every path of the site is known: a page's digest says which
	 * of the files it refers to are there. */
	for (i = 0; rc == 0 && i < list.count; i++)
		if (list.at[i].node)
			list.at[i].digest = digest_plan_entry(run, list.at[i].node);
	if (rc == 0) {
		run->state = sitestate_read(run->opts->out_dir, run->d);
		for (i = 0; i < list.count; i++)
			list.at[i].unchanged =
			    sitestate_add(run->state, list.at[i].path, list.at[i].digest);
		rc = sitestate_write(run->state, 0);
	}
	if (rc == 0)
		rc = write_entries(run, &list);
	for (i = 0; i < list.count; i++) {
		const struct entry *e = &list.at[i];

		run->stats->files++;
		if (e->node && xmlStrEqual(e->node->name, BAD_CAST "page") &&
		    xmlHasProp(e->node, BAD_CAST "input"))
			run->stats->articles++;
	}
	if (rc == 0) {
		run->stats->removed = sitestate_remove_stale(run->state);
		rc = sitestate_write(run->state, 1);
	}
	for (i = 0; i < list.count; i++) {
		free(list.at[i].path);
		free(list.at[i].from);
	}
	free(list.at);
	xmlFreeDoc(plan);
	return rc;
}

int site_build(const struct site_options *opts, struct site_stats *stats, struct diag *d)
{
	struct site_stats local;
	struct site_run run;
	struct xmldoc_handlers xml_saved;
	struct xsltext_handlers xslt_saved;
	unsigned long before = diag_count(d, DIAG_ERROR);
	int rc;

	memset(&run, 0, sizeof run);
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	run.opts = opts;
	run.stats = stats;
	run.d = d;
	run.stylesheets = xmlHashCreate(16);
	run.paths = xmlHashCreate(1024);
	run.version_digests = xmlHashCreate(1024);
	if (opts->cache)
		run.cache = cache_open(opts->cache);
	run.missing = xmlHashCreate(16);
	run.statics = xmlHashCreate(256);
	run.pictures = xmlHashCreate(256);
	run.sizes = xmlHashCreate(64);

	xmldoc_catch(&xml_saved, NULL, on_error, &run);
	xsltext_catch(&xslt_saved, on_error, &run);
	exsltRegisterAll();
	xsltext_register();
	sitemodel_serve(&run.model);
	xsltRegisterExtModuleFunction(BAD_CAST "in-site", BAD_CAST XSLTEXT_NS, fn_in_site);
	xsltRegisterExtModuleFunction(BAD_CAST "picture-versions", BAD_CAST XSLTEXT_NS,
	                              fn_picture_versions);
	/* Templates read files (document()) but neither write nor go online. */
	run.security = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(run.security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(run.security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(run.security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(run.security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);

	rc = sitemodel_load(&run.model, opts, run.cache, d);
	stats->languages = run.model.language_count;
	/* Not file_make_folders: the output folder may be a link (sitepath.h). */
	if (rc == 0 && mkdir(opts->out_dir, 0777) != 0 && errno != EEXIST)
		rc = diag_errno(d, opts->out_dir, "cannot create folder");
	if (rc == 0)
		rc = run_plan(&run);
	flush_errors(&run);
	/* Kept even after a failure: the next build redoes only what changed. */
	if (run.cache)
		cache_save(run.cache, d);
	cache_free(run.cache);
	xmlHashFree(run.version_digests, free_payload);

	xmlHashFree(run.stylesheets, free_stylesheet);
	xmlHashFree(run.paths, NULL);
	xmlHashFree(run.missing, NULL);
	xmlHashFree(run.statics, free_payload);
	xmlHashFree(run.pictures, free_picture);
	xmlHashFree(run.sizes, free_payload);
	sitestate_free(run.state);
	sitemodel_serve(NULL);
	sitemodel_release(&run.model);
	xsltFreeSecurityPrefs(run.security);
	buf_release(&run.error_line);
	free(run.error_file);
	xsltCleanupGlobals();
	xsltext_clear_locales();
	xsltext_release(&xslt_saved);
	xmldoc_release(&xml_saved);
	if (rc == 0 && diag_count(d, DIAG_ERROR) != before)
		rc = -1;
	return rc;
}
