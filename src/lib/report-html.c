/*
 * report: the HTML status page and the SVG badges.  See report.h; the
 * review pages are in report-review.c, and what both kinds of page share
 * is here (report-html.h).
 *
 * Pages and badges are libxml2 trees, serialized by libxml2, so that
 * every title, file name, message and problem text is escaped by the
 * library, never by hand.  A page carries its style inline and works
 * without its one script (which sorts the tables): it can be opened from
 * disk, attached to a CI run or published as it is.
 */
#include <config.h>

#include "report-html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "atomic.h"
#include "buf.h"
#include "file.h"
#include "mem.h"
#include "msgindex.h"
#include "uni.h"

/* --- What the pages share ---------------------------------------------------------- */

static const char page_css[] =
    "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72em;padding:.5em 1em 3em;"
    "color:#1b1b1b;background:#fff;line-height:1.45}"
    "h1{font-size:1.6em;margin:.6em 0 .3em}h2{margin-top:2em;border-bottom:2px solid #ddd;"
    "padding-bottom:.2em}h3{margin:1.5em 0 .5em}a{color:#0b57a3}"
    "table{border-collapse:collapse;width:100%}"
    "th,td{text-align:left;padding:.35em .5em;border-bottom:1px solid #e3e3e3;vertical-align:top}"
    "thead th{border-bottom:2px solid #bbb;font-size:.9em;white-space:nowrap}"
    "th button{font:inherit;font-weight:bold;color:inherit;background:none;border:0;padding:0;"
    "cursor:pointer;text-align:left}"
    "th[aria-sort=ascending] button::after{content:\" \\25B2\"}"
    "th[aria-sort=descending] button::after{content:\" \\25BC\"}"
    "td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
    "td.date{white-space:nowrap}"
    ".bar{display:flex;height:.8em;min-width:6em;background:#c62828;border-radius:3px;"
    "overflow:hidden;margin-top:.25em}"
    ".bar .t{background:#2e7d32}.bar .f{background:#f9a825}.bar .r{background:#6a1b9a}"
    ".bar .u{background:#c62828}"
    ".file{color:#555;font-size:.85em;overflow-wrap:anywhere}"
    ".fail{color:#b71c1c;font-weight:bold}.pass{color:#1b5e20;font-weight:bold}"
    ".prep{color:#555;font-style:italic}"
    ".label{display:inline-block;padding:0 .4em;border-radius:3px;font-size:.8em;"
    "font-weight:bold;color:#fff;background:#555}"
    ".label.error,.label.untranslated,.label.same-as-source{background:#b71c1c}"
    ".label.warning,.label.fuzzy{background:#8a5300}"
    ".label.rejected{background:#6a1b9a}.label.translated{background:#1b5e20}"
    ".legend .key{white-space:nowrap;margin-right:1em}"
    ".legend .key span{display:inline-block;width:.8em;height:.8em;margin-right:.3em;"
    "border-radius:2px}"
    "ul.problems{padding-left:0;list-style:none}"
    "ul.problems li{margin:.6em 0;padding:.4em .6em;border-left:4px solid #8a5300;"
    "background:#fafafa}"
    "ul.problems li.error{border-color:#b71c1c}ul.problems li.rejected{border-color:#6a1b9a}"
    "dl.pair{display:grid;grid-template-columns:max-content 1fr;gap:.2em .8em;margin:.4em 0 0}"
    "dl.pair dt{color:#555;font-size:.85em}dl.pair dd{margin:0;overflow-wrap:anywhere}"
    ".tag{font-family:ui-monospace,monospace;font-size:.85em;color:#6a1b9a;background:#f3e5f5;"
    "border-radius:2px;padding:0 .15em}"
    ".note{color:#555;font-size:.9em}code{font-size:.9em}"
    ".unit{border:1px solid #ddd;border-left:6px solid #c62828;border-radius:4px;"
    "margin:1em 0;padding:.5em .8em}"
    ".unit.translated{border-left-color:#2e7d32}.unit.fuzzy{border-left-color:#f9a825}"
    ".unit.rejected{border-left-color:#6a1b9a}"
    ".unit .head{display:flex;flex-wrap:wrap;gap:.3em .8em;align-items:baseline;"
    "font-size:.9em}"
    ".columns{display:grid;grid-template-columns:1fr 1fr;gap:.3em 1.5em}"
    ".columns p{margin:.2em 0}.col{color:#555;font-size:.8em;margin:.4em 0 0}"
    ".missing{color:#555;font-style:italic}"
    "del{background:#ffebee;color:#8e0000}ins{background:#e8f5e9;color:#1b5e20}"
    "#only-work:checked~ol .unit.translated:not(.problem){display:none}"
    "ol.units{list-style:none;padding:0}"
    "@media (max-width:40em){"
    "table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0)}"
    "table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}"
    "table.cards tr{border:1px solid #ddd;border-radius:4px;margin:.6em 0;padding:.3em}"
    "table.cards td{border:0;padding:.1em .3em;text-align:left}"
    "table.cards td[data-label]::before{content:attr(data-label) \": \";font-weight:bold;"
    "font-size:.85em;color:#555}"
    "table.cards td.num{display:inline-block;margin-right:1em}"
    "dl.pair,.columns{grid-template-columns:1fr}}";

/* Sorts a table by the column whose header is clicked (data-sort, else the text). */
static const char sort_script[] =
    "document.querySelectorAll('table.sortable').forEach(function(t){"
    "var heads=Array.prototype.slice.call(t.tHead.rows[0].cells);"
    "heads.forEach(function(th,i){"
    "var b=document.createElement('button');b.type='button';b.textContent=th.textContent;"
    "th.textContent='';th.appendChild(b);"
    "b.addEventListener('click',function(){"
    "var up=th.getAttribute('aria-sort')!=='ascending';"
    "heads.forEach(function(h){h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',up?'ascending':'descending');"
    "var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);"
    "function key(r){var c=r.cells[i];return c.hasAttribute('data-sort')?"
    "parseFloat(c.getAttribute('data-sort')):c.textContent.trim();}"
    "rows.sort(function(x,y){var a=key(x),z=key(y);"
    "var d=typeof a==='number'?a-z:String(a).localeCompare(z);return up?d:-d;});"
    "rows.forEach(function(r){body.appendChild(r);});});});});";

xmlNodePtr report_el(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name, text ? BAD_CAST text : NULL);
}

void report_attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlNewProp(node, BAD_CAST name, BAD_CAST value);
}

void report_text(xmlNodePtr parent, const char *text)
{
	xmlAddChild(parent, xmlNewText(BAD_CAST text));
}

xmlDocPtr report_page_new(const char *title, xmlNodePtr *body)
{
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html, head, meta;

	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
	html = xmlNewNode(NULL, BAD_CAST "html");
	report_attr(html, "lang", "en");
	xmlDocSetRootElement(doc, html);
	head = report_el(html, "head", NULL);
	report_attr(report_el(head, "meta", NULL), "charset", "utf-8");
	meta = report_el(head, "meta", NULL);
	report_attr(meta, "name", "viewport");
	report_attr(meta, "content", "width=device-width, initial-scale=1");
	/* A tool of the team's, wherever it is published. */
	meta = report_el(head, "meta", NULL);
	report_attr(meta, "name", "robots");
	report_attr(meta, "content", "noindex");
	report_el(head, "title", title);
	report_el(head, "style", page_css);
	*body = report_el(html, "body", NULL);
	return doc;
}

int report_page_write(xmlDocPtr doc, const char *path, int one_of_many, struct diag *d)
{
	xmlOutputBufferPtr out;
	int rc;

	/* UTF-8 as it is: with no encoding given, libxml2 would write every
	 * accented letter as a named entity. */
	doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
	out = xmlAllocOutputBuffer(NULL);
	htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 1);
	xmlOutputBufferFlush(out);
	if (one_of_many)
		rc = atomic_write(path, (const char *)xmlOutputBufferGetContent(out),
		                  xmlOutputBufferGetSize(out), ATOMIC_KEEP_SAME | ATOMIC_NO_SYNC,
		                  d) < 0
		         ? -1
		         : 0;
	else
		rc = report_write(path, (const char *)xmlOutputBufferGetContent(out),
		                  xmlOutputBufferGetSize(out), d);
	xmlOutputBufferClose(out);
	xmlFreeDoc(doc);
	return rc;
}

void report_bar(xmlNodePtr parent, const struct check_counts *c)
{
	static const char *const classes[] = { "t", "f", "r", "u" };
	unsigned long parts[4];
	char label[200], style[48];
	xmlNodePtr bar = report_el(parent, "div", NULL);
	int i;

	parts[0] = c->words_translated;
	parts[1] = c->words_fuzzy;
	parts[2] = c->words_rejected;
	parts[3] = c->words_untranslated;
	snprintf(label, sizeof label,
	         "%lu words translated, %lu fuzzy, %lu rejected, %lu untranslated", parts[0],
	         parts[1], parts[2], parts[3]);
	report_attr(bar, "class", "bar");
	report_attr(bar, "role", "img");
	report_attr(bar, "aria-label", label);
	report_attr(bar, "title", label);
	for (i = 0; i < 4; i++) {
		char pct[32];
		xmlNodePtr span;

		if (!c->words || !parts[i])
			continue;
		report_percent(100.0 * (double)parts[i] / (double)c->words, pct, sizeof pct);
		snprintf(style, sizeof style, "width:%s%%", pct);
		span = report_el(bar, "span", NULL);
		report_attr(span, "class", classes[i]);
		report_attr(span, "style", style);
	}
}

void report_message(xmlNodePtr parent, const char *text)
{
	const char *p = text;

	while (*p) {
		const char *lt = strchr(p, '<'), *gt = lt ? strchr(lt, '>') : NULL;
		struct buf part = BUF_INIT;

		if (!lt || !gt) {
			report_text(parent, p);
			break;
		}
		if (lt > p) {
			buf_add(&part, p, (size_t)(lt - p));
			report_text(parent, buf_str(&part));
			buf_truncate(&part, 0);
		}
		buf_add(&part, lt, (size_t)(gt + 1 - lt));
		report_attr(report_el(parent, "span", buf_str(&part)), "class", "tag");
		buf_release(&part);
		p = gt + 1;
	}
}

/* 1 when NAME can be a file or folder name as it is. */
static int safe_name(const char *name)
{
	return name[0] && name[0] != '.' &&
	       strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-@.") ==
	           strlen(name);
}

/*
 * The fragment identifier of the I-th language of R: "lang-nl", or
 * "lang-nl-2" for a second catalog of the same language.
 */
static void lang_anchor(const struct check_report *r, size_t i, char *out, size_t size)
{
	size_t j, same = 0;

	for (j = 0; j < i; j++)
		same += strcmp(r->langs[j].lang, r->langs[i].lang) == 0;
	if (same)
		snprintf(out, size, "lang-%s-%zu", r->langs[i].lang, same + 1);
	else
		snprintf(out, size, "lang-%s", r->langs[i].lang);
}

char *report_review_dir(const struct check_report *r, size_t i)
{
	char anchor[128];

	if (!safe_name(r->langs[i].lang) || strlen(r->langs[i].lang) > 64)
		return NULL;
	lang_anchor(r, i, anchor, sizeof anchor);
	return xstrdup(anchor + strlen("lang-"));
}

char **report_review_names(const struct check_lang *l)
{
	char **names = xcalloc(l->file_count + 1, sizeof *names);
	struct msgindex taken;
	size_t i;

	msgindex_init(&taken);
	for (i = 0; i < l->file_count; i++) {
		const char *path = l->files[i].path, *slash = strrchr(path, '/'), *dot;
		struct buf stem = BUF_INIT, name = BUF_INIT;
		size_t k, n = 1;

		path = slash ? slash + 1 : path;
		dot = strrchr(path, '.');
		buf_add(&stem, path, dot && dot != path ? (size_t)(dot - path) : strlen(path));
		/* Whatever a reference holds, the name is a plain one. */
		for (k = 0; k < stem.len; k++)
			if (!strchr(
			        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
			        stem.data[k]))
				stem.data[k] = '-';
		if (!stem.len || stem.len > 200) {
			buf_release(&stem);
			continue;
		}
		buf_addf(&name, "%s.html", buf_str(&stem));
		while (msgindex_find(&taken, NULL, buf_str(&name)) != MSGINDEX_NONE) {
			buf_truncate(&name, 0);
			buf_addf(&name, "%s-%zu.html", buf_str(&stem), ++n);
		}
		names[i] = buf_detach(&name);
		msgindex_add(&taken, NULL, names[i]);
		buf_release(&stem);
	}
	msgindex_release(&taken);
	return names;
}

void report_review_names_free(char **names, size_t count)
{
	size_t i;

	for (i = 0; names && i < count; i++)
		free(names[i]);
	free(names);
}

int report_page_address(const struct report_options *o, const struct check_lang *l,
                        const struct check_file *f, const char *up, struct buf *out)
{
	const char *p;

	buf_truncate(out, 0);
	if (!o->page_link || !f->id || !safe_name(f->id) || !safe_name(l->lang))
		return -1;
	if (up && !strstr(o->page_link, "://") && o->page_link[0] != '/')
		buf_adds(out, up);
	for (p = o->page_link; *p;) {
		if (strncmp(p, "{lang}", 6) == 0) {
			buf_adds(out, l->lang);
			p += 6;
		} else if (strncmp(p, "{id}", 4) == 0) {
			buf_adds(out, f->id);
			p += 4;
		} else {
			buf_addc(out, *p++);
		}
	}
	return 0;
}

/* --- The status page ----------------------------------------------------------------- */

/* The gate's verdict for L (check_verdict), in a span that says pass or fail. */
static void verdict(xmlNodePtr parent, const struct check_lang *l, int strict)
{
	struct buf text = BUF_INIT;

	check_verdict(l, strict, &text);
	if (text.len)
		report_attr(report_el(parent, "span", buf_str(&text)), "class",
		            l->preparing              ? "prep"
		            : check_failed(l, strict) ? "fail"
		                                      : "pass");
	buf_release(&text);
}

static xmlNodePtr cell(xmlNodePtr row, const char *label, const char *text)
{
	xmlNodePtr td = report_el(row, "td", text);

	if (label)
		report_attr(td, "data-label", label);
	return td;
}

static xmlNodePtr number_cell(xmlNodePtr row, const char *label, unsigned long n)
{
	char text[32];
	xmlNodePtr td;

	snprintf(text, sizeof text, "%lu", n);
	td = cell(row, label, text);
	report_attr(td, "class", "num");
	report_attr(td, "data-sort", text);
	return td;
}

/* "72.3%" and a bar under it, sorted by the percentage. */
static void progress_cell(xmlNodePtr row, const char *label, const struct check_counts *c)
{
	char pct[32];
	xmlNodePtr td;

	report_percent(check_percent(c), pct, sizeof pct);
	td = cell(row, label, NULL);
	report_attr(td, "data-sort", pct);
	strcat(pct, "%");
	report_text(td, pct);
	report_bar(td, c);
}

static void head_row(xmlNodePtr table, const char *const *names)
{
	xmlNodePtr row = report_el(report_el(table, "thead", NULL), "tr", NULL);

	for (; *names; names++)
		report_attr(report_el(row, "th", *names), "scope", "col");
}

/* "Dutch (nl)", or the code alone when ICU does not know it. */
static void language_label(const struct check_lang *l, struct buf *out)
{
	char *name = uni_language_name(l->lang, "en");

	buf_truncate(out, 0);
	if (name && strcmp(name, l->lang) != 0)
		buf_addf(out, "%s (%s)", name, l->lang);
	else
		buf_adds(out, l->lang);
	free(name);
}

/* The number of L's files that are articles (with an id), and of those published. */
static void count_articles(const struct check_lang *l, size_t *articles, size_t *published)
{
	size_t i;

	*articles = *published = 0;
	for (i = 0; i < l->file_count; i++) {
		if (!l->files[i].id)
			continue;
		(*articles)++;
		*published += check_file_published(l, &l->files[i]) == 1;
	}
}

static void problems_text(const struct check_lang *l, struct buf *out)
{
	size_t rejected = check_rejections(l);
	size_t errors = check_problems(l, NULL, DIAG_ERROR) - rejected;
	size_t warnings = check_problems(l, NULL, DIAG_WARNING) - errors - rejected;

	buf_truncate(out, 0);
	if (rejected)
		buf_addf(out, "%zu rejected, ", rejected);
	buf_addf(out, "%zu error%s, %zu warning%s", errors, errors == 1 ? "" : "s", warnings,
	         warnings == 1 ? "" : "s");
}

static void summary_table(xmlNodePtr body, const struct check_report *r, int strict)
{
	static const char *const heads[] = { "Language", "Translated", "Articles on the site",
		                             "Gate",     "Problems",   NULL };
	xmlNodePtr table = report_el(body, "table", NULL), row, td, a;
	struct buf text = BUF_INIT;
	size_t i;

	report_attr(table, "class", "cards");
	head_row(table, heads);
	table = report_el(table, "tbody", NULL);
	for (i = 0; i < r->lang_count; i++) {
		const struct check_lang *l = &r->langs[i];
		char href[96], n[64];
		size_t articles, published;

		row = report_el(table, "tr", NULL);
		td = cell(row, NULL, NULL);
		href[0] = '#';
		lang_anchor(r, i, href + 1, sizeof href - 1);
		language_label(l, &text);
		a = report_el(td, "a", buf_str(&text));
		report_attr(a, "href", href);
		progress_cell(row, heads[1], &l->counts);
		count_articles(l, &articles, &published);
		if (l->threshold >= 0 && !l->preparing)
			snprintf(n, sizeof n, "%zu of %zu", published, articles);
		else
			snprintf(n, sizeof n, "none (%zu articles)", articles);
		cell(row, heads[2], n);
		verdict(cell(row, heads[3], NULL), l, strict);
		problems_text(l, &text);
		cell(row, heads[4], buf_str(&text));
	}
	buf_release(&text);
}

/*
 * The order of L's files on the page: articles newest first, as the site
 * lists them (then by path), and the other files (the site's texts) last.
 */
static int compare_files(const void *a, const void *b)
{
	const struct check_file *x = *(const struct check_file *const *)a;
	const struct check_file *y = *(const struct check_file *const *)b;
	int c;

	if (!x->date != !y->date)
		return x->date ? -1 : 1;
	if (x->date && (c = strcmp(y->date, x->date)) != 0)
		return c;
	return strcmp(x->path, y->path);
}

/* The number of L's problems in each of its source files, in the order
 * of L's files: one pass, where a search per file would be quadratic. */
static size_t *file_problems(const struct check_lang *l)
{
	size_t *n = xcalloc(l->file_count + 1, sizeof *n);
	size_t i;

	for (i = 0; i < l->problem_count; i++) {
		const struct check_file *f = check_file_find(l, l->problems[i].source_file);

		if (f)
			n[f - l->files]++;
	}
	return n;
}

/* "yes, read it", "yes, with outdated passages", "no"; or the reason there is no answer. */
static void published_cell(xmlNodePtr row, const char *label, const struct check_lang *l,
                           const struct check_file *f, const struct report_options *o)
{
	xmlNodePtr td = cell(row, label, NULL);
	struct buf href = BUF_INIT;
	int published = check_file_published(l, f);

	if (!f->id) {
		report_text(td, published < 0 ? "\xe2\x80\x94" : "with the language");
		report_attr(td, "data-sort", "2");
		return;
	}
	if (published < 0) {
		report_text(td, l->preparing ? "no (in preparation)" : "\xe2\x80\x94");
		report_attr(td, "data-sort", "0");
		return;
	}
	report_attr(td, "data-sort", published ? "1" : "0");
	if (!published) {
		report_text(td, "no");
		return;
	}
	report_text(td, f->counts.fuzzy ? "yes, outdated in places " : "yes ");
	if (report_page_address(o, l, f, NULL, &href) == 0) {
		xmlNodePtr a = report_el(td, "a", "read it");

		report_attr(a, "href", buf_str(&href));
		report_attr(a, "hreflang", l->lang);
	}
	buf_release(&href);
}

static void files_table(xmlNodePtr section, const struct check_report *r, size_t li,
                        const struct report_options *o)
{
	static const char *const heads[] = {
		"Article",      "Date",  "Translated", "On the site", "Words to translate",
		"Untranslated", "Fuzzy", "Rejected",   "Problems",    NULL
	};
	const struct check_lang *l = &r->langs[li];
	const struct check_file **order;
	size_t *problems;
	char **names = o->review ? report_review_names(l) : NULL;
	char *dir = o->review ? report_review_dir(r, li) : NULL;
	xmlNodePtr table, row, td, title;
	struct buf href = BUF_INIT;
	size_t i;

	if (!l->file_count)
		return;
	report_el(section, "h3", "Articles");
	order = xmalloc(l->file_count * sizeof *order);
	for (i = 0; i < l->file_count; i++)
		order[i] = &l->files[i];
	qsort(order, l->file_count, sizeof *order, compare_files);
	problems = file_problems(l);
	table = report_el(section, "table", NULL);
	report_attr(table, "class", "cards sortable");
	head_row(table, heads);
	table = report_el(table, "tbody", NULL);
	for (i = 0; i < l->file_count; i++) {
		const struct check_file *f = order[i];
		const char *name = names ? names[f - l->files] : NULL;
		char sort[32];

		row = report_el(table, "tr", NULL);
		td = cell(row, NULL, NULL);
		title = td;
		if (dir && name) {
			buf_truncate(&href, 0);
			buf_addf(&href, "%s/%s", dir, name);
			title = report_el(td, "a", NULL);
			report_attr(title, "href", buf_str(&href));
		}
		/* The title is in the source language: say so to screen readers. */
		if (f->title)
			report_attr(report_el(title, "span", f->title), "lang", l->source_lang);
		else
			report_text(title, f->path);
		report_el(td, "br", NULL);
		report_attr(report_el(td, "span", f->path), "class", "file");
		td = cell(row, heads[1], f->date ? f->date : "");
		report_attr(td, "class", "date");
		/* "2015-11-25" sorts as 20151125. */
		snprintf(sort, sizeof sort, "%.4s%.2s%.2s",
		         f->date && strlen(f->date) == 10 ? f->date : "0000-00-00",
		         f->date && strlen(f->date) == 10 ? f->date + 5 : "00",
		         f->date && strlen(f->date) == 10 ? f->date + 8 : "00");
		report_attr(td, "data-sort", sort);
		progress_cell(row, heads[2], &f->counts);
		published_cell(row, heads[3], l, f, o);
		number_cell(row, heads[4],
		            check_file_published(l, f) == 0
		                ? check_words_missing(f->counts.words, f->counts.words_translated,
		                                      l->threshold)
		                : 0);
		number_cell(row, heads[5], f->counts.untranslated);
		number_cell(row, heads[6], f->counts.fuzzy);
		number_cell(row, heads[7], f->counts.rejected);
		number_cell(row, heads[8], problems[f - l->files]);
	}
	free(problems);
	free(order);
	free(dir);
	report_review_names_free(names, l->file_count);
	buf_release(&href);
}

void report_msg_anchor(uint64_t key, char *out, size_t size)
{
	snprintf(out, size, "m%016llx", (unsigned long long)key);
}

/* The review page that shows P's message, "nl/slug.html#m6f0c…", into OUT. */
static int review_anchor(const struct check_report *r, size_t li, char **names,
                         const struct check_problem *p, struct buf *out)
{
	const struct check_lang *l = &r->langs[li];
	const struct check_file *f;
	char *dir, anchor[24];
	size_t i;

	if (!names || !p->msg_key || !(f = check_file_find(l, p->source_file)))
		return -1;
	i = (size_t)(f - l->files);
	if (!names[i] || !(dir = report_review_dir(r, li)))
		return -1;
	report_msg_anchor(p->msg_key, anchor, sizeof anchor);
	buf_addf(out, "%s/%s#%s", dir, names[i], anchor);
	free(dir);
	return 0;
}

/* What a problem's severity means on the site: rejected, error or warning. */
static const char *problem_kind(const struct check_problem *p)
{
	return p->rejected ? "rejected" : diag_severity_name(p->severity);
}

/* 1 when P is an error, or a rejection. */
static int is_error(const struct check_problem *p)
{
	return p->rejected || p->severity == DIAG_ERROR;
}

/*
 * The problems of L the status page lists, in *SHOWN (to free): all of
 * them in the catalog's order (LIMIT 0: whatever their number), or, past
 * LIMIT, the errors first, then the warnings, as many as LIMIT allows.
 * Returns their number.
 */
static size_t problems_shown(const struct check_lang *l, size_t limit, size_t **shown)
{
	size_t *at = xmalloc((l->problem_count + 1) * sizeof *at), n = 0, i;
	int pass;

	if (!limit || l->problem_count <= limit) {
		for (i = 0; i < l->problem_count; i++)
			at[n++] = i;
	} else {
		for (pass = 0; pass < 2; pass++)
			for (i = 0; i < l->problem_count && n < limit; i++)
				if (is_error(&l->problems[i]) == !pass)
					at[n++] = i;
	}
	*shown = at;
	return n;
}

static void problems_list(xmlNodePtr section, const struct check_report *r, size_t li,
                          const struct report_options *o)
{
	const struct check_lang *l = &r->langs[li];
	char **names = o->review ? report_review_names(l) : NULL;
	xmlNodePtr list, item, p_el, a, dl;
	size_t i, *shown, count;
	char heading[64], text[256];

	snprintf(heading, sizeof heading, "Problems (%zu)", l->problem_count);
	report_el(section, "h3", heading);
	if (!l->problem_count) {
		report_el(section, "p", "None found.");
		report_review_names_free(names, l->file_count);
		return;
	}
	count = problems_shown(l, o->html_problems, &shown);
	if (count < l->problem_count) {
		snprintf(text, sizeof text,
		         "Listed here: %zu of them, errors first.  All of them are %sin the report "
		         "(traduki check --format=json).",
		         count, o->review ? "on the review pages and " : "");
		report_attr(report_el(section, "p", text), "class", "more");
	}
	list = report_el(section, "ul", NULL);
	report_attr(list, "class", "problems");
	for (i = 0; i < count; i++) {
		const struct check_problem *p = &l->problems[shown[i]];
		struct buf href = BUF_INIT, where = BUF_INIT, tail = BUF_INIT;

		item = report_el(list, "li", NULL);
		report_attr(item, "class", problem_kind(p));
		p_el = report_el(item, "p", NULL);
		buf_addf(&where, "%s", p->file);
		if (p->line)
			buf_addf(&where, ":%ld", p->line);
		/* A link only where it leads somewhere: the message on its review
		 * page, else (the header, a file) the repository, if given. */
		if (review_anchor(r, li, names, p, &href) == 0 || o->link_base) {
			if (!href.len) {
				buf_addf(&href, "%s%s", o->link_base, p->file);
				if (p->line)
					buf_addf(&href, "#L%ld", p->line);
			}
			a = report_el(p_el, "a", buf_str(&where));
			report_attr(a, "href", buf_str(&href));
		} else {
			report_el(p_el, "code", buf_str(&where));
		}
		report_text(p_el, " ");
		report_attr(report_el(p_el, "span", problem_kind(p)), "class",
		            p->rejected                 ? "label rejected"
		            : p->severity == DIAG_ERROR ? "label error"
		                                        : "label warning");
		buf_addf(&tail, " [%s]", p->id);
		report_el(p_el, "code", buf_str(&tail) + 1);
		buf_truncate(&tail, 0);
		buf_addf(&tail, " %s", p->text);
		report_text(p_el, buf_str(&tail));
		if (p->source) {
			dl = report_el(item, "dl", NULL);
			report_attr(dl, "class", "pair");
			report_el(dl, "dt", "Source");
			report_message(report_el(dl, "dd", NULL), p->source);
			xmlSetProp(dl->last, BAD_CAST "lang", BAD_CAST l->source_lang);
			if (p->translation) {
				report_el(dl, "dt", "Translation");
				report_message(report_el(dl, "dd", NULL), p->translation);
				xmlSetProp(dl->last, BAD_CAST "lang", BAD_CAST l->lang);
			}
		}
		buf_release(&href);
		buf_release(&where);
		buf_release(&tail);
	}
	free(shown);
	report_review_names_free(names, l->file_count);
}

/* The section of the I-th language: SECTION, which has its id, gets its contents. */
static void lang_section(xmlNodePtr section, const struct check_report *r, size_t i,
                         const struct report_options *o)
{
	const struct check_lang *l = &r->langs[i];
	xmlNodePtr h2, p;
	char text[256], pct[32];
	const struct check_counts *c = &l->counts;
	struct buf label = BUF_INIT;

	language_label(l, &label);
	if (l->unreadable) {
		snprintf(text, sizeof text, "%s: ", buf_str(&label));
		h2 = report_el(section, "h2", text);
		verdict(h2, l, o->strict);
		p = report_el(section, "p", "Catalog ");
		report_el(p, "code", l->po);
		report_text(p, ": nothing of this language is updated until it can be read again; "
		               "the site keeps its pages of the last good run.");
		problems_list(section, r, i, o);
		buf_release(&label);
		return;
	}
	report_percent(check_percent(c), pct, sizeof pct);
	snprintf(text, sizeof text, "%s: %s%% ", buf_str(&label), pct);
	buf_release(&label);
	h2 = report_el(section, "h2", text);
	verdict(h2, l, o->strict);
	report_bar(section, c);
	snprintf(text, sizeof text,
	         "%lu of %lu source words translated.  Messages: %lu translated, %lu fuzzy, "
	         "%lu untranslated",
	         c->words_translated, c->words, c->translated, c->fuzzy, c->untranslated);
	p = report_el(section, "p", text);
	if (c->identical) {
		snprintf(text, sizeof text, " (%lu of them copies of the source)", c->identical);
		report_text(p, text);
	}
	if (c->rejected) {
		snprintf(text, sizeof text, ", %lu rejected (shown in the source language)",
		         c->rejected);
		report_text(p, text);
	}
	snprintf(text, sizeof text, ", %lu obsolete.  Catalog: ", c->obsolete);
	report_text(p, text);
	report_el(p, "code", l->po);
	if (l->threshold >= 0 && !l->preparing) {
		snprintf(text, sizeof text,
		         "An article is on the site in this language when %g%% of its words are "
		         "translated; one with outdated passages stays down to %g%%.",
		         l->threshold,
		         l->threshold > l->keep_margin ? l->threshold - l->keep_margin : 0.0);
		report_el(section, "p", text);
	}
	files_table(section, r, i, o);
	problems_list(section, r, i, o);
}

static void legend(xmlNodePtr body)
{
	static const char *const colours[] = { "#2e7d32", "#f9a825", "#6a1b9a", "#c62828" };
	static const char *const names[] = { "translated", "fuzzy (outdated)", "rejected",
		                             "untranslated" };
	xmlNodePtr p = report_el(body, "p", "Bars: "), key, span;
	char style[48];
	int i;

	report_attr(p, "class", "legend");
	for (i = 0; i < 4; i++) {
		key = report_el(p, "span", NULL);
		report_attr(key, "class", "key");
		span = report_el(key, "span", NULL);
		snprintf(style, sizeof style, "background:%s", colours[i]);
		report_attr(span, "style", style);
		report_text(key, names[i]);
		report_text(p, " ");
	}
}

/* NODE of DOC as it is in the whole document's HTML, into OUT. */
static void dump_node(xmlDocPtr doc, xmlNodePtr node, struct buf *out)
{
	xmlOutputBufferPtr o = xmlAllocOutputBuffer(NULL);

	htmlNodeDumpFormatOutput(o, doc, node, "UTF-8", 1);
	xmlOutputBufferFlush(o);
	buf_truncate(out, 0);
	buf_add(out, (const char *)xmlOutputBufferGetContent(o), xmlOutputBufferGetSize(o));
	xmlOutputBufferClose(o);
}

/*
 * The status page, one language at a time.  A large site's page holds
 * tens of thousands of problems, and its whole tree took hundreds of
 * megabytes a language.  So the page is written with each language's
 * section empty, then each section is made, written and freed in turn,
 * its HTML put in place of the empty one's.  libxml2 writes a node the
 * same way alone as within its document (what it adds around an element
 * depends on its parent and siblings, which stay), so the bytes are the
 * same as the whole tree's: tests/check/html.t and the other goldens of
 * the status page hold them.
 */
int report_html(const struct check_report *r, const struct report_options *o, const char *path,
                struct diag *d)
{
	xmlNodePtr body, main, script, *sections;
	xmlDocPtr doc = report_page_new("Translation status", &body);
	xmlOutputBufferPtr whole;
	struct buf page = BUF_INIT, empty = BUF_INIT, full = BUF_INIT;
	const char *text, *at;
	size_t i, len, from = 0;
	int rc;

	main = report_el(body, "main", NULL);
	report_el(main, "h1", "Translation status");
	report_el(main, "p",
	          "Progress counts the words of the source text: fuzzy (outdated) and rejected "
	          "translations are not counted as translated, and the pages show the source text "
	          "in their place.  Article titles are given in the source language; each leads "
	          "to its review page, where every message of the article is shown with its "
	          "translation.");
	legend(main);
	summary_table(main, r, o->strict);
	sections = xcalloc(r->lang_count + 1, sizeof *sections);
	for (i = 0; i < r->lang_count; i++) {
		char id[96];

		sections[i] = report_el(main, "section", NULL);
		lang_anchor(r, i, id, sizeof id);
		report_attr(sections[i], "id", id);
	}
	script = report_el(body, "script", sort_script);
	(void)script;

	/* UTF-8 as it is (see report_page_write). */
	doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
	whole = xmlAllocOutputBuffer(NULL);
	htmlDocContentDumpFormatOutput(whole, doc, "UTF-8", 1);
	xmlOutputBufferFlush(whole);
	text = (const char *)xmlOutputBufferGetContent(whole);
	len = xmlOutputBufferGetSize(whole);
	for (i = 0; i < r->lang_count; i++) {
		dump_node(doc, sections[i], &empty);
		lang_section(sections[i], r, i, o);
		dump_node(doc, sections[i], &full);
		xmlFreeNodeList(sections[i]->children);
		sections[i]->children = sections[i]->last = NULL;
		/* Each empty section is there once, with its id, after the last. */
		at = memmem(text + from, len - from, buf_str(&empty), empty.len);
		if (!at)
			break;
		buf_add(&page, text + from, (size_t)(at - text) - from);
		buf_add(&page, buf_str(&full), full.len);
		from = (size_t)(at - text) + empty.len;
	}
	if (i < r->lang_count) {
		rc = diag_error(d, path, 0, 0,
		                "internal error: a language's section is not in the page");
	} else {
		buf_add(&page, text + from, len - from);
		rc = report_write(path, buf_str(&page), page.len, d);
	}
	xmlOutputBufferClose(whole);
	xmlFreeDoc(doc);
	free(sections);
	buf_release(&page);
	buf_release(&empty);
	buf_release(&full);
	return rc;
}

/* --- Badges ------------------------------------------------------------------------ */

/* An estimate of the width of TEXT in 11px Verdana, as shields.io draws it. */
static int text_width(const char *text)
{
	size_t len = strlen(text), pos = 0;
	int w = 0;

	while (pos < len) {
		long c = uni_next(text, len, &pos);

		w += c == ' ' ? 4 : (c == '%' ? 11 : 7);
	}
	return w;
}

static const char *badge_colour(const struct check_lang *l)
{
	double pct = check_percent(&l->counts);

	if (l->unreadable)
		return "#c62828";
	if (l->threshold < 0)
		return "#0366d6";
	if (!check_below(l))
		return "#2e7d32";
	return pct >= l->threshold - 20 ? "#b35c00" : "#c62828";
}

static xmlNodePtr svg_child(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *text)
{
	return xmlNewTextChild(parent, ns, BAD_CAST name, text ? BAD_CAST text : NULL);
}

static void attr_int(xmlNodePtr node, const char *name, int value)
{
	char s[16];

	snprintf(s, sizeof s, "%d", value);
	report_attr(node, name, s);
}

static int write_badge(const struct check_lang *l, const char *dir, struct diag *d)
{
	char value[32], label[96], pct[32];
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr svg = xmlNewNode(NULL, BAD_CAST "svg"), node, g;
	xmlNsPtr ns = xmlNewNs(svg, BAD_CAST "http://www.w3.org/2000/svg", NULL);
	int lw = text_width(l->lang) + 12, vw, rc;
	struct buf path = BUF_INIT;
	long whole;

	/* The language comes from a PO header: it names no other file. */
	if (!l->lang[0] || l->lang[0] == '.' ||
	    strspn(l->lang, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-@.") !=
	        strlen(l->lang)) {
		diag_report(d, DIAG_ERROR, l->po, 0, 0,
		            "no badge for the language '%s': not a language code", l->lang);
		xmlFreeDoc(doc);
		xmlFreeNode(svg);
		return -1;
	}
	report_percent(check_percent(&l->counts), pct, sizeof pct);
	whole = strtol(pct, NULL, 10);
	snprintf(value, sizeof value, "%ld%%", whole);
	if (l->unreadable)
		snprintf(value, sizeof value, "unreadable");
	vw = text_width(value) + 12;
	snprintf(label, sizeof label, "%s: %s%s", l->lang, value,
	         l->unreadable ? "" : " translated");
	xmlSetNs(svg, ns);
	xmlDocSetRootElement(doc, svg);
	attr_int(svg, "width", lw + vw);
	report_attr(svg, "height", "20");
	report_attr(svg, "role", "img");
	report_attr(svg, "aria-label", label);
	svg_child(svg, ns, "title", label);
	node = svg_child(svg, ns, "rect", NULL);
	attr_int(node, "width", lw);
	report_attr(node, "height", "20");
	report_attr(node, "fill", "#555");
	node = svg_child(svg, ns, "rect", NULL);
	attr_int(node, "x", lw);
	attr_int(node, "width", vw);
	report_attr(node, "height", "20");
	report_attr(node, "fill", badge_colour(l));
	g = svg_child(svg, ns, "g", NULL);
	report_attr(g, "fill", "#fff");
	report_attr(g, "text-anchor", "middle");
	report_attr(g, "font-family", "Verdana,DejaVu Sans,sans-serif");
	report_attr(g, "font-size", "11");
	node = svg_child(g, ns, "text", l->lang);
	attr_int(node, "x", lw / 2);
	report_attr(node, "y", "14");
	node = svg_child(g, ns, "text", value);
	attr_int(node, "x", lw + vw / 2);
	report_attr(node, "y", "14");

	buf_addf(&path, "%s/%s.svg", dir, l->lang);
	rc = report_write_xml(buf_str(&path), doc, d);
	buf_release(&path);
	xmlFreeDoc(doc);
	return rc;
}

int report_badges(const struct check_report *r, const char *dir, struct diag *d)
{
	size_t i;
	int rc = 0;

	if (file_make_folders(dir, FILE_FOLDER_ITSELF, d) != 0)
		return -1;
	for (i = 0; i < r->lang_count; i++)
		if (write_badge(&r->langs[i], dir, d) != 0)
			rc = -1;
	return rc;
}
