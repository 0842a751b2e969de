/*
 * site: libxslt's side of a run: its errors, the templates, and the
 * functions t:in-site and t:picture-versions.  See site-impl.h.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libexslt/exslt.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>

#include "file.h"
#include "mem.h"
#include "picture.h"
#include "sitepath.h"
#include "site-impl.h"

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
		struct buf data = BUF_INIT;

		if (file_read(from, FILE_MAX_CATALOG, &data, run->d) == 0 &&
		    picture_size((const unsigned char *)(data.data ? data.data : ""), data.len,
		                 &size->width, &size->height) != 0)
			diag_report(
			    run->d, DIAG_WARNING, from, 0, 0,
			    "cannot tell the size of this picture (%s): its page gives none",
			    run->page ? run->page : "");
		buf_release(&data);
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
	struct site_picture *pic;
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
	key = site_picture_key(path ? (const char *)path : "");
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

/* --- Templates ------------------------------------------------------------------ */

xsltStylesheetPtr site_stylesheet(struct site_run *run, const char *name)
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

xmlDocPtr site_transform(struct site_run *run, xsltStylesheetPtr style, xmlDocPtr input,
                         const char **params)
{
	xmlNodePtr root = xmlDocGetRootElement(input);
	xsltTransformContextPtr tctxt;
	unsigned long mark = diag_mark(run->d);
	xmlDocPtr result = NULL;

	/* The elements numbered in document order, for XPath's sorts: once
	 * per document, where libxslt would do it at every transformation
	 * (site_xslt_begin).  A numbered root is negative. */
	if (root && (ptrdiff_t)root->content >= 0)
		xmlXPathOrderDocElems(input);
	tctxt = xsltNewTransformContext(style, input);
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
	if (result && (tctxt->state != XSLT_STATE_OK || diag_failed_since(run->d, mark))) {
		xmlFreeDoc(result);
		result = NULL;
	}
	if (!result && !diag_failed_since(run->d, mark))
		diag_report(run->d, DIAG_ERROR, NULL, 0, 0, "cannot write %s", run->page);
	xsltFreeTransformContext(tctxt);
	return result;
}

/* --- A run's libxslt --------------------------------------------------------- */

void site_xslt_begin(struct site_run *run)
{
	run->stylesheets = xmlHashCreate(16);
	xmldoc_catch(&run->xml_saved, NULL, on_error, run);
	xsltext_catch(&run->xslt_saved, on_error, run);
	exsltRegisterAll();
	xsltext_register();
	/*
	 * libxslt numbers the elements of a transformation's input in
	 * document order each time it starts one, unless a debugger is said
	 * to be attached.  Every page without an input of its own is given
	 * the model, so a site of N articles walked the whole model for each
	 * of its thousands of such pages (the unavailable articles, the
	 * tags): quadratic, 85% of the time at 10,000 articles.
	 * site_transform numbers each document once instead.  No debugger's
	 * callbacks are set, so libxslt's calls to them do nothing; the
	 * documents that document() reads are left unnumbered, which XPath
	 * sorts correctly, only more slowly.
	 */
	run->debugger_saved = xsltGetDebuggerStatus();
	xsltSetDebuggerStatus(XSLT_DEBUG_RUN);
	xsltRegisterExtModuleFunction(BAD_CAST "in-site", BAD_CAST XSLTEXT_NS, fn_in_site);
	xsltRegisterExtModuleFunction(BAD_CAST "picture-versions", BAD_CAST XSLTEXT_NS,
	                              fn_picture_versions);
	/* Templates read files (document()) but neither write nor go online. */
	run->security = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(run->security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(run->security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(run->security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(run->security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
}

void site_xslt_end(struct site_run *run)
{
	flush_errors(run);
	xmlHashFree(run->stylesheets, free_stylesheet);
	xsltFreeSecurityPrefs(run->security);
	buf_release(&run->error_line);
	free(run->error_file);
	xsltext_clear_locales();
	xsltSetDebuggerStatus(run->debugger_saved);
	xsltext_release(&run->xslt_saved);
	xmldoc_release(&run->xml_saved);
}
