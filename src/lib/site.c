/*
 * site: localized XML → HTML through libxslt.  See site.h.
 */
#include <config.h>

#include "site.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libxml/hash.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "buf.h"
#include "cache.h"
#include "digest.h"
#include "file.h"
#include "mem.h"
#include "sitemodel.h"
#include "sitepath.h"
#include "sitestate.h"
#include "site-impl.h"
#include "xmldoc.h"

void site_free_payload(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

/* --- Templates and pages ------------------------------------------------------- */

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

	style = template ? site_stylesheet(run, (const char *)template) : NULL;
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

	result = site_transform(run, style, input, params);
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
	struct buf data = BUF_INIT;
	int rc = file_read(from, FILE_MAX_CATALOG, &data, run->d) == 0
	             ? sitepath_write(run->opts->out_dir, path, data.data ? data.data : "",
	                              data.len, run->d)
	             : -1;

	buf_release(&data);
	return rc;
}

/* --- The files of a build --------------------------------------------------- */

/* One file of the site: a page or a copy of the plan, or a static file. */
struct entry {
	xmlNodePtr node; /* the plan's <page> or <copy>; NULL for a static file */
	char *path; /* below the output folder */
	char *from; /* the file copied, for a copy or a static file */
	uint64_t digest; /* of what the file is made of (site-digest.c) */
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
			return diag_error(run->d, NULL, 0, 0, "site.xsl: unknown <%s> in the plan",
			                  (const char *)node->name);
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
	char **names;
	long count = file_names(folder, &names, run->d), i;
	int rc = 0;

	if (count < 0) {
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
		} else if (!(e = add_entry(run, list, path))) {
			rc = -1;
		} else {
			e->from = xstrdup(target ? target : from);
			e->digest = site_digest_static(run, path, e->from, &st);
			xmlHashAddEntry(run->statics, BAD_CAST path, xstrdup(from));
		}
		free(target);
		free(path);
		free(rel);
		free(from);
	}
	file_names_free(names, count);
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
			rc = diag_error(run->d, dir, 0, 0,
			                "a static folder needs a plain name ('images')");
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
			rc = diag_errno(run->d, NULL, "cannot start a process");
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
	plan = site_transform(run, planner, run->model.doc, params);
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
	xsltStylesheetPtr planner = site_stylesheet(run, "site.xsl");
	struct entries list = { NULL, 0, 0 };
	xmlDocPtr plan;
	size_t i;
	int rc;

	if (!planner || site_digest_tool(run) != 0)
		return -1;
	site_digest_model(run);
	plan = make_plan(run, planner);
	if (!plan)
		return -1;
	rc = add_plan(run, plan, &list);
	if (rc == 0)
		rc = add_static_folders(run, &list);
	/* The pictures that lists show are part of every list (and of the model). */
	if (rc == 0) {
		run->lists_digest = site_digest_refs(run, run->lists_digest, run->model.refs);
		run->model_digest = site_digest_refs(run, run->model_digest, run->model.refs);
	}
	/* Once every path of the site is known: a page's digest says which
	 * of the files it refers to are there. */
	for (i = 0; rc == 0 && i < list.count; i++)
		if (list.at[i].node)
			list.at[i].digest = site_digest_entry(run, list.at[i].node);
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
	struct sitemodel_input in = { opts->site_file, opts->xml_dir, opts->languages,
		                      opts->language_count };
	unsigned long mark = diag_mark(d);
	int rc;

	memset(&run, 0, sizeof run);
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	run.opts = opts;
	run.stats = stats;
	run.d = d;
	run.paths = xmlHashCreate(1024);
	run.version_digests = xmlHashCreate(1024);
	run.tag_digests = xmlHashCreate(1024);
	if (opts->cache)
		run.cache = cache_open(opts->cache);
	run.missing = xmlHashCreate(16);
	run.statics = xmlHashCreate(256);
	run.pictures = xmlHashCreate(256);
	run.sizes = xmlHashCreate(64);
	site_xslt_begin(&run);
	sitemodel_serve(&run.model);
	rc = sitemodel_load(&run.model, &in, run.cache, d);
	stats->languages = run.model.language_count;
	if (rc == 0)
		rc = file_make_folders(opts->out_dir, FILE_FOLDER_ITSELF, d);
	if (rc == 0)
		rc = run_plan(&run);
	site_xslt_end(&run);
	sitemodel_serve(NULL);
	/* Kept even after a failure: the next build redoes only what changed. */
	if (run.cache)
		cache_save(run.cache, d);
	cache_free(run.cache);
	xmlHashFree(run.version_digests, site_free_payload);
	xmlHashFree(run.tag_digests, site_free_tag);
	xmlHashFree(run.paths, NULL);
	xmlHashFree(run.missing, NULL);
	xmlHashFree(run.statics, site_free_payload);
	xmlHashFree(run.pictures, site_free_picture);
	xmlHashFree(run.sizes, site_free_payload);
	sitestate_free(run.state);
	sitemodel_release(&run.model);
	if (rc == 0 && diag_failed_since(d, mark))
		rc = -1;
	return rc;
}
