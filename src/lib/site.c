/*
 * site: localized XML → HTML through libxslt.  See site.h.
 */
#include <config.h>

#include "site.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
#include "mem.h"
#include "uni.h"
#include "xmldoc.h"
#include "xsltext.h"

/* The list of the files a build wrote, in OUT_DIR. */
#define FILE_LIST ".traduki-files"

struct build {
	const struct site_options *opts;
	struct site_stats *stats;
	struct diag *d;
	char **languages; /* the source first */
	size_t language_count;
	xmlDocPtr model;
	xmlHashTablePtr versions; /* article id → xmlNodePtr[language_count] */
	xmlHashTablePtr stylesheets; /* template name → xsltStylesheetPtr */
	xmlHashTablePtr paths; /* output paths of the plan, to catch duplicates */
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
static int take_location(struct build *b, const char *line)
{
	const char *file, *end;

	if (strncmp(line, "runtime error: file ", 20) == 0)
		file = line + 20;
	else if (strncmp(line, "compilation error: file ", 24) == 0)
		file = line + 24;
	else
		return 0;
	free(b->error_file);
	end = strstr(file, " line ");
	b->error_lineno = end ? strtol(end + 6, NULL, 10) : 0;
	if (!end)
		end = strstr(file, " element ");
	b->error_file = xstrndup(file, end ? (size_t)(end - file) : strlen(file));
	return 1;
}

static void report_line(struct build *b, const char *line)
{
	if (take_location(b, line))
		return;
	if (b->page)
		diag_report(b->d, DIAG_ERROR, b->error_file, b->error_lineno, 0, "%s (writing %s)",
		            line, b->page);
	else
		diag_report(b->d, DIAG_ERROR, b->error_file, b->error_lineno, 0, "%s", line);
	free(b->error_file);
	b->error_file = NULL;
	b->error_lineno = 0;
}

static void on_error(void *data, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The generic error function of libxml2 and libxslt, and of each transformation. */
static void on_error(void *data, const char *fmt, ...)
{
	struct build *b = data;
	va_list ap;
	char *nl;

	va_start(ap, fmt);
	buf_vaddf(&b->error_line, fmt, ap);
	va_end(ap);
	while ((nl = strchr(b->error_line.data, '\n')) != NULL) {
		size_t n = (size_t)(nl - b->error_line.data);
		char *line = xstrndup(b->error_line.data, n);

		memmove(b->error_line.data, nl + 1, b->error_line.len - n);
		buf_truncate(&b->error_line, b->error_line.len - n - 1);
		if (*line)
			report_line(b, line);
		free(line);
	}
}

/* Reports what is left of a message that did not end with a newline. */
static void flush_errors(struct build *b)
{
	if (b->error_line.len) {
		char *line = buf_detach(&b->error_line);

		report_line(b, line);
		free(line);
	}
	if (b->error_file)
		report_line(b, "error in a template");
}

/* --- Paths -------------------------------------------------------------------- */

/*
 * 1 when PATH is a relative path that stays below the folder it is
 * relative to and is an ordinary name on every system: components of
 * letters, digits, '.', '_' and '-', none starting with '.'.  The plan
 * comes from templates and the manifests from another stage: neither may
 * write outside the output folder, nor over our file list.
 */
static int safe_path(const char *path)
{
	const char *p;
	int start = 1;

	if (!*path || strlen(path) > 1024)
		return 0;
	for (p = path; *p; p++) {
		char c = *p;

		if (c == '/') {
			if (start)
				return 0;
			start = 1;
			continue;
		}
		if (start && c == '.')
			return 0;
		start = 0;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return !start;
}

static char *join(const char *dir, const char *a, const char *b)
{
	struct buf path = BUF_INIT;

	buf_addf(&path, "%s/%s", dir, a);
	if (b)
		buf_addf(&path, "/%s", b);
	return buf_detach(&path);
}

/* Creates the folders above the file PATH that are missing. */
static int make_parents(struct build *b, const char *path)
{
	char *dir = xstrdup(path);
	char *p;
	int rc = 0;

	for (p = strchr(dir + 1, '/'); p && rc == 0; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
			diag_report(b->d, DIAG_ERROR, dir, 0, 0, "cannot create folder: %s",
			            strerror(errno));
			rc = -1;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

/* 1 when the file at PATH holds exactly the LEN bytes at DATA. */
static int file_holds(const char *path, const char *data, size_t len)
{
	struct stat st;
	FILE *fp;
	char chunk[65536];
	size_t done = 0, n;
	int same = 1;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
		return 0;
	fp = fopen(path, "rb");
	if (!fp)
		return 0;
	while (same && (n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		same = done + n <= len && memcmp(chunk, data + done, n) == 0;
		done += n;
	}
	same = same && !ferror(fp) && done == len;
	fclose(fp);
	return same;
}

/*
 * Writes LEN bytes at DATA to REL (a path below the output folder), unless
 * the file holds them already: then it is not touched, not even its time.
 * Comparing in memory first spares a temporary file for every unchanged
 * page.
 * Returns 1 when the file was written, 0 when it was left as it was, -1
 * after reporting a failure.
 */
static int write_file(struct build *b, const char *rel, const char *data, size_t len)
{
	char *path = join(b->opts->out_dir, rel, NULL);
	struct atomic_file af;
	FILE *fp;
	int rc = 0;

	if (file_holds(path, data, len)) {
		free(path);
		return 0;
	}
	rc = 1;
	if (make_parents(b, path) != 0) {
		free(path);
		return -1;
	}
	/* Compared already; not flushed one by one (see site.h). */
	fp = atomic_open(&af, path, ATOMIC_NO_SYNC, b->d);
	if (!fp)
		rc = -1;
	else if (fwrite(data, 1, len, fp) != len) {
		diag_report(b->d, DIAG_ERROR, path, 0, 0, "write error: %s", strerror(errno));
		atomic_abort(&af);
		rc = -1;
	} else if (atomic_commit(&af, b->d) != 0) {
		rc = -1;
	}
	free(path);
	return rc;
}

/* Reads the whole file at PATH, or reports why not. */
static char *read_file(struct build *b, const char *path, size_t *len)
{
	struct buf content = BUF_INIT;
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (!fp) {
		diag_report(b->d, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&content, chunk, n);
	if (ferror(fp)) {
		diag_report(b->d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
		fclose(fp);
		buf_release(&content);
		return NULL;
	}
	fclose(fp);
	*len = content.len;
	return buf_detach(&content);
}

/* --- The languages ----------------------------------------------------------- */

static int has_language(const struct build *b, const char *code)
{
	size_t i;

	for (i = 0; i < b->language_count; i++)
		if (strcmp(b->languages[i], code) == 0)
			return 1;
	return 0;
}

static void add_language(struct build *b, const char *code)
{
	if (has_language(b, code))
		return;
	b->languages = xrealloc(b->languages, (b->language_count + 1) * sizeof *b->languages);
	b->languages[b->language_count++] = xstrdup(code);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds every folder of the XML folder that has a manifest, in order. */
static int find_languages(struct build *b)
{
	DIR *dir = opendir(b->opts->xml_dir);
	struct dirent *e;
	size_t first = b->language_count;

	if (!dir) {
		diag_report(b->d, DIAG_ERROR, b->opts->xml_dir, 0, 0, "cannot open folder: %s",
		            strerror(errno));
		return -1;
	}
	while ((e = readdir(dir)) != NULL) {
		char *manifest;
		struct stat st;

		if (!safe_path(e->d_name) || has_language(b, e->d_name))
			continue;
		manifest = join(b->opts->xml_dir, e->d_name, "manifest.xml");
		if (stat(manifest, &st) == 0 && S_ISREG(st.st_mode))
			add_language(b, e->d_name);
		free(manifest);
	}
	closedir(dir);
	qsort(b->languages + first, b->language_count - first, sizeof *b->languages,
	      compare_strings);
	return 0;
}

/* --- The model ------------------------------------------------------------------ */

/* The root element of the XML file at PATH if it is called NAME; NULL after reporting. */
static xmlDocPtr read_root(struct build *b, const char *path, const char *name)
{
	xmlDocPtr doc = xmldoc_read_file(path, b->d);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;

	if (doc && (!root || !xmlStrEqual(root->name, BAD_CAST name) || root->ns)) {
		diag_report(b->d, DIAG_ERROR, path, root ? xmlGetLineNo(root) : 0, 0,
		            "expected a <%s> document", name);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* Adds a copy of the root element of DOC to PARENT; returns the copy. */
static xmlNodePtr adopt_root(struct build *b, xmlNodePtr parent, xmlDocPtr doc)
{
	return xmlAddChild(parent, xmlDocCopyNode(xmlDocGetRootElement(doc), b->model, 1));
}

/* The value of attribute NAME of NODE, or reports it missing (NULL). */
static xmlChar *required(struct build *b, const char *file, xmlNodePtr node, const char *name)
{
	xmlChar *value = xmlGetProp(node, BAD_CAST name);

	if (!value)
		diag_report(b->d, DIAG_ERROR, file, xmlGetLineNo(node), 0,
		            "<%s> has no %s attribute", (const char *)node->name, name);
	return value;
}

static void free_versions(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
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

/*
 * Copies into ENTRY (a manifest entry of the model) the title, summary and
 * tags of the localized article at PATH: what index pages, tag pages and
 * feeds show of an article.
 */
static int add_article_summary(struct build *b, xmlNodePtr entry, const char *path,
                               const xmlChar *id)
{
	xmlDocPtr doc = read_root(b, path, "article");
	xmlNodePtr root, child;
	xmlChar *doc_id;
	int rc = 0;

	if (!doc)
		return -1;
	root = xmlDocGetRootElement(doc);
	doc_id = xmlGetProp(root, BAD_CAST "id");
	if (!doc_id || !xmlStrEqual(doc_id, id)) {
		diag_report(b->d, DIAG_ERROR, path, xmlGetLineNo(root), 0,
		            "the article's id is '%s', its manifest says '%s'",
		            doc_id ? (const char *)doc_id : "", (const char *)id);
		rc = -1;
	}
	xmlFree(doc_id);
	for (child = root->children; child && rc == 0; child = child->next) {
		int tags = xmlStrEqual(child->name, BAD_CAST "tags");
		xmlNodePtr copy;

		if (child->type != XML_ELEMENT_NODE ||
		    !(tags || xmlStrEqual(child->name, BAD_CAST "title") ||
		      xmlStrEqual(child->name, BAD_CAST "summary")))
			continue;
		copy = xmlAddChild(entry, xmlDocCopyNode(child, b->model, 1));
		if (tags)
			add_tag_slugs(copy);
	}
	xmlFreeDoc(doc);
	return rc;
}

/* Adds to the model what language number L has: chrome, manifest, summaries. */
static int load_language(struct build *b, size_t l)
{
	const char *code = b->languages[l];
	char *chrome_path = join(b->opts->xml_dir, code, "site.xml");
	char *manifest_path = join(b->opts->xml_dir, code, "manifest.xml");
	xmlNodePtr language, manifest, entry;
	xmlDocPtr chrome, doc;
	xmlChar *lang;
	int rc = 0;

	language = xmlNewChild(xmlDocGetRootElement(b->model), NULL, BAD_CAST "language", NULL);
	xmlNewProp(language, BAD_CAST "code", BAD_CAST code);

	chrome = read_root(b, chrome_path, "site");
	if (chrome) {
		adopt_root(b, language, chrome);
		xmlFreeDoc(chrome);
	} else {
		rc = -1;
	}

	doc = read_root(b, manifest_path, "manifest");
	if (!doc) {
		rc = -1;
		goto out;
	}
	manifest = adopt_root(b, language, doc);
	xmlFreeDoc(doc);
	lang = xmlGetProp(manifest, BAD_CAST "lang");
	if (!lang || !xmlStrEqual(lang, BAD_CAST code)) {
		diag_report(b->d, DIAG_ERROR, manifest_path, xmlGetLineNo(manifest), 0,
		            "the manifest's lang is '%s', its folder says '%s'",
		            lang ? (const char *)lang : "", code);
		rc = -1;
	}
	xmlFree(lang);

	for (entry = manifest->children; entry; entry = entry->next) {
		xmlChar *id, *file, *published;
		xmlNodePtr *versions;

		if (entry->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(entry->name, BAD_CAST "article"))
			continue;
		id = required(b, manifest_path, entry, "id");
		file = required(b, manifest_path, entry, "file");
		published = required(b, manifest_path, entry, "published");
		if (!id || !file || !published) {
			rc = -1;
		} else if (!safe_path((const char *)id) || strchr((const char *)id, '/') ||
		           !safe_path((const char *)file) || strchr((const char *)file, '/')) {
			diag_report(b->d, DIAG_ERROR, manifest_path, xmlGetLineNo(entry), 0,
			            "unsafe article id or file name: '%s', '%s'", (const char *)id,
			            (const char *)file);
			rc = -1;
		} else {
			versions = xmlHashLookup(b->versions, id);
			if (!versions) {
				versions = xcalloc(b->language_count, sizeof *versions);
				xmlHashAddEntry(b->versions, id, versions);
			}
			if (versions[l]) {
				diag_report(b->d, DIAG_ERROR, manifest_path, xmlGetLineNo(entry), 0,
				            "article '%s' is listed twice", (const char *)id);
				rc = -1;
			}
			versions[l] = entry;
			if (xmlStrEqual(published, BAD_CAST "yes")) {
				char *path = join(b->opts->xml_dir, code, (const char *)file);

				if (add_article_summary(b, entry, path, id) != 0)
					rc = -1;
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

/*
 * The model: the source site's settings on the root, then per language
 * its chrome and its manifest, whose published entries carry the
 * article's title, summary and tags.
 */
static int load_model(struct build *b)
{
	xmlDocPtr site = read_root(b, b->opts->site_file, "site");
	xmlNodePtr root, languages;
	xmlChar *source = NULL, *base = NULL;
	size_t i;
	int rc = 0;

	if (!site)
		return -1;
	root = xmlDocGetRootElement(site);
	base = required(b, b->opts->site_file, root, "base");
	for (languages = root->children; languages; languages = languages->next)
		if (languages->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(languages->name, BAD_CAST "languages"))
			break;
	if (languages)
		source = required(b, b->opts->site_file, languages, "source");
	else
		diag_report(b->d, DIAG_ERROR, b->opts->site_file, xmlGetLineNo(root), 0,
		            "<site> has no <languages>");
	if (!source || !base) {
		rc = -1;
		goto out;
	}

	add_language(b, (const char *)source);
	if (b->opts->languages) {
		for (i = 0; i < b->opts->language_count; i++)
			add_language(b, b->opts->languages[i]);
	} else if (find_languages(b) != 0) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < b->language_count; i++) {
		if (!safe_path(b->languages[i]) || strchr(b->languages[i], '/')) {
			diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "'%s' is not a language code",
			            b->languages[i]);
			rc = -1;
			goto out;
		}
	}

	b->model = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(b->model, xmlNewNode(NULL, BAD_CAST "model"));
	xmlNewProp(xmlDocGetRootElement(b->model), BAD_CAST "source", source);
	xmlNewProp(xmlDocGetRootElement(b->model), BAD_CAST "base", base);
	b->versions = xmlHashCreate(64);
	for (i = 0; i < b->language_count; i++)
		if (load_language(b, i) != 0)
			rc = -1;
	b->stats->languages = b->language_count;
out:
	xmlFree(source);
	xmlFree(base);
	xmlFreeDoc(site);
	return rc;
}

/* --- Functions for the templates --------------------------------------------- */

static struct build *build_of(xmlXPathParserContextPtr ctxt)
{
	xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);

	return tctxt ? tctxt->_private : NULL;
}

/* t:model(): the model's root element. */
static void fn_model(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct build *b = build_of(ctxt);

	CHECK_ARITY(0);
	if (!b)
		XP_ERROR(XPATH_INVALID_CTXT);
	valuePush(ctxt, xmlXPathNewNodeSet(xmlDocGetRootElement(b->model)));
}

/* t:versions(ID): the manifest entries of article ID, in language order. */
static void fn_versions(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct build *b = build_of(ctxt);
	xmlNodeSetPtr set;
	xmlNodePtr *versions;
	xmlChar *id;
	size_t i;

	CHECK_ARITY(1);
	if (!b)
		XP_ERROR(XPATH_INVALID_CTXT);
	id = xmlXPathPopString(ctxt);
	versions = xmlHashLookup(b->versions, id);
	set = xmlXPathNodeSetCreate(NULL);
	for (i = 0; versions && i < b->language_count; i++)
		if (versions[i])
			xmlXPathNodeSetAdd(set, versions[i]);
	valuePush(ctxt, xmlXPathWrapNodeSet(set));
	xmlFree(id);
}

/* --- Templates and pages ------------------------------------------------------- */

static xsltStylesheetPtr stylesheet(struct build *b, const char *name)
{
	xsltStylesheetPtr style = xmlHashLookup(b->stylesheets, BAD_CAST name);
	char *path;

	if (style)
		return style;
	if (!safe_path(name)) {
		diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "unsafe template name '%s'", name);
		return NULL;
	}
	path = join(b->opts->templates_dir, name, NULL);
	if (access(path, R_OK) != 0) {
		diag_report(b->d, DIAG_ERROR, path, 0, 0, "cannot read template: %s",
		            strerror(errno));
		free(path);
		return NULL;
	}
	style = xsltParseStylesheetFile(BAD_CAST path);
	flush_errors(b);
	if (!style || style->errors) {
		diag_report(b->d, DIAG_ERROR, path, 0, 0, "invalid template");
		xsltFreeStylesheet(style);
		style = NULL;
	} else {
		xmlHashAddEntry(b->stylesheets, BAD_CAST name, style);
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
static xmlDocPtr transform(struct build *b, xsltStylesheetPtr style, xmlDocPtr input,
                           const char **params)
{
	xsltTransformContextPtr tctxt = xsltNewTransformContext(style, input);
	unsigned long before = diag_count(b->d, DIAG_ERROR);
	xmlDocPtr result = NULL;

	if (!tctxt) {
		diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "cannot start a transformation");
		return NULL;
	}
	tctxt->_private = b;
	xsltSetCtxtSecurityPrefs(b->security, tctxt);
	xsltSetTransformErrorFunc(tctxt, b, on_error);
	if (xsltQuoteUserParams(tctxt, params) == 0)
		result = xsltApplyStylesheetUser(style, input, NULL, NULL, NULL, tctxt);
	flush_errors(b);
	if (result && (tctxt->state != XSLT_STATE_OK || diag_count(b->d, DIAG_ERROR) != before)) {
		xmlFreeDoc(result);
		result = NULL;
	}
	if (!result && diag_count(b->d, DIAG_ERROR) == before)
		diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "cannot write %s", b->page);
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
static int write_page(struct build *b, xmlNodePtr page, const char *path)
{
	xmlChar *template = xmlGetProp(page, BAD_CAST "template");
	xmlChar *input_name = xmlGetProp(page, BAD_CAST "input");
	const char **params = NULL;
	size_t nparams = 0, alloc = 0;
	char *root = path_to_root(path);
	xsltStylesheetPtr style;
	xmlDocPtr input = b->model, result = NULL;
	xmlChar *out = NULL;
	int out_len = 0, rc = -1;
	xmlAttrPtr attr;

	style = template ? stylesheet(b, (const char *)template) : NULL;
	if (!template)
		diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "the plan gives no template for %s",
		            path);
	if (!style)
		goto out;
	if (input_name) {
		char *input_path;

		if (!safe_path((const char *)input_name)) {
			diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "unsafe input '%s' for %s",
			            (const char *)input_name, path);
			goto out;
		}
		input_path = join(b->opts->xml_dir, (const char *)input_name, NULL);
		input = xmldoc_read_file(input_path, b->d);
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

	result = transform(b, style, input, params);
	if (!result)
		goto out;
	if (xsltSaveResultToString(&out, &out_len, result, style) != 0) {
		diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "cannot serialize %s", path);
		goto out;
	}
	rc = write_file(b, path, out ? (const char *)out : "", (size_t)out_len);
out:
	xmlFree(out);
	xmlFreeDoc(result);
	if (input != b->model)
		xmlFreeDoc(input);
	free(params);
	free(root);
	xmlFree(template);
	xmlFree(input_name);
	return rc;
}

/* One <copy> of the plan: a static file of the templates folder (the stylesheet). */
static int copy_file(struct build *b, xmlNodePtr copy, const char *path)
{
	xmlChar *src = xmlGetProp(copy, BAD_CAST "src");
	char *from, *data;
	size_t len = 0;
	int rc = -1;

	if (!src || !safe_path((const char *)src)) {
		diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "missing or unsafe source to copy to %s",
		            path);
		xmlFree(src);
		return -1;
	}
	from = join(b->opts->templates_dir, (const char *)src, NULL);
	data = read_file(b, from, &len);
	if (data)
		rc = write_file(b, path, data, len);
	free(data);
	free(from);
	xmlFree(src);
	return rc;
}

/* --- The list of files written ------------------------------------------------- */

/* Removes DIR and the folders above it, up to the output folder, while empty. */
static void remove_empty_folders(struct build *b, char *dir)
{
	char *slash;

	while ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if (strcmp(dir, b->opts->out_dir) == 0 || rmdir(dir) != 0)
			break;
	}
}

/*
 * Removes the files that the previous build listed and this plan has not,
 * then lists this build's files for the next one.
 */
static int update_file_list(struct build *b, const struct buf *list)
{
	char *list_path = join(b->opts->out_dir, FILE_LIST, NULL);
	size_t len = 0;
	char *old = NULL, *line, *next;
	int rc;

	if (access(list_path, F_OK) == 0)
		old = read_file(b, list_path, &len);
	for (line = old; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (safe_path(line) && !xmlHashLookup(b->paths, BAD_CAST line)) {
			char *path = join(b->opts->out_dir, line, NULL);

			if (unlink(path) == 0) {
				b->stats->removed++;
				remove_empty_folders(b, path);
			}
			free(path);
		}
	}
	free(old);
	free(list_path);
	rc = write_file(b, FILE_LIST, buf_str(list), list->len);
	return rc < 0 ? -1 : 0;
}

/* --- The build ---------------------------------------------------------------- */

static int run_plan(struct build *b)
{
	xsltStylesheetPtr planner = stylesheet(b, "site.xsl");
	const char *params[] = { "root", "", NULL };
	struct buf list = BUF_INIT;
	xmlDocPtr plan;
	xmlNodePtr node;
	int rc = 0;

	if (!planner)
		return -1;
	b->page = "the plan (site.xsl)";
	plan = transform(b, planner, b->model, params);
	b->page = NULL;
	if (!plan)
		return -1;
	for (node = xmlDocGetRootElement(plan) ? xmlDocGetRootElement(plan)->children : NULL;
	     node && rc == 0; node = node->next) {
		int is_page = xmlStrEqual(node->name, BAD_CAST "page");
		xmlChar *path;

		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (!is_page && !xmlStrEqual(node->name, BAD_CAST "copy")) {
			diag_report(b->d, DIAG_ERROR, NULL, 0, 0,
			            "site.xsl: unknown <%s> in the plan", (const char *)node->name);
			rc = -1;
			break;
		}
		path = xmlGetProp(node, BAD_CAST "path");
		if (!path || !safe_path((const char *)path)) {
			diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "site.xsl: unsafe page path '%s'",
			            path ? (const char *)path : "");
			rc = -1;
		} else if (xmlHashAddEntry(b->paths, path, b) != 0) {
			diag_report(b->d, DIAG_ERROR, NULL, 0, 0, "site.xsl: '%s' is planned twice",
			            (const char *)path);
			rc = -1;
		} else {
			b->page = (const char *)path;
			rc = is_page ? write_page(b, node, (const char *)path)
			             : copy_file(b, node, (const char *)path);
			b->page = NULL;
			if (rc > 0)
				b->stats->written++;
			rc = rc < 0 ? -1 : 0;
			b->stats->files++;
			if (is_page && xmlHasProp(node, BAD_CAST "input"))
				b->stats->articles++;
			buf_addf(&list, "%s\n", (const char *)path);
		}
		xmlFree(path);
	}
	xmlFreeDoc(plan);
	if (rc == 0)
		rc = update_file_list(b, &list);
	buf_release(&list);
	return rc;
}

int site_build(const struct site_options *opts, struct site_stats *stats, struct diag *d)
{
	struct site_stats local;
	struct build b;
	unsigned long before = diag_count(d, DIAG_ERROR);
	size_t i;
	int rc;

	memset(&b, 0, sizeof b);
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	b.opts = opts;
	b.stats = stats;
	b.d = d;
	b.stylesheets = xmlHashCreate(16);
	b.paths = xmlHashCreate(1024);

	xmlSetGenericErrorFunc(&b, on_error);
	xsltSetGenericErrorFunc(&b, on_error);
	exsltRegisterAll();
	xsltext_register();
	xsltRegisterExtModuleFunction(BAD_CAST "model", BAD_CAST XSLTEXT_NS, fn_model);
	xsltRegisterExtModuleFunction(BAD_CAST "versions", BAD_CAST XSLTEXT_NS, fn_versions);
	/* Templates read files (document()) but neither write nor go online. */
	b.security = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(b.security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(b.security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(b.security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(b.security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);

	rc = load_model(&b);
	if (rc == 0 && mkdir(opts->out_dir, 0777) != 0 && errno != EEXIST) {
		diag_report(d, DIAG_ERROR, opts->out_dir, 0, 0, "cannot create folder: %s",
		            strerror(errno));
		rc = -1;
	}
	if (rc == 0)
		rc = run_plan(&b);
	flush_errors(&b);

	xmlHashFree(b.stylesheets, free_stylesheet);
	xmlHashFree(b.paths, NULL);
	if (b.versions)
		xmlHashFree(b.versions, free_versions);
	xmlFreeDoc(b.model);
	xsltFreeSecurityPrefs(b.security);
	for (i = 0; i < b.language_count; i++)
		free(b.languages[i]);
	free(b.languages);
	buf_release(&b.error_line);
	free(b.error_file);
	xsltCleanupGlobals();
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	if (rc == 0 && diag_count(d, DIAG_ERROR) != before)
		rc = -1;
	return rc;
}
