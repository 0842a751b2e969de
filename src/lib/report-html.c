/*
 * report: the HTML status page and the SVG badges.  See report.h.
 *
 * Both are libxml2 trees, serialized by libxml2, so that every title,
 * file name and problem text is escaped by the library, never by hand.
 * The page carries its CSS inline and needs no script: it can be opened
 * from disk, attached to a CI run or published as it is.
 */
#include <config.h>

#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "buf.h"
#include "uni.h"

static const char page_css[] =
    "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;"
    "color:#1b1b1b;line-height:1.4}"
    "h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;width:100%}"
    "th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #eee;vertical-align:top}"
    "td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
    ".bar{display:flex;height:1em;min-width:10em;background:#d32f2f;border-radius:3px;"
    "overflow:hidden}"
    ".bar .t{background:#2e7d32}.bar .f{background:#f9a825}.bar .r{background:#6a1b9a}.bar "
    ".u{background:#d32f2f}"
    ".file{color:#555;font-size:.85em}"
    ".below{color:#b71c1c;font-weight:bold}.ok{color:#1b5e20;font-weight:bold}"
    ".prep{color:#555;font-style:italic}"
    ".error{color:#b71c1c}.warning{color:#8d5a00}"
    ".legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em}"
    "ul.problems{padding-left:1.2em}ul.problems li{margin:.2em 0}"
    "code{font-size:.9em}";

static xmlNodePtr element(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name, text ? BAD_CAST text : NULL);
}

static void attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlNewProp(node, BAD_CAST name, BAD_CAST value);
}

static void add_text(xmlNodePtr parent, const char *text)
{
	xmlAddChild(parent, xmlNewText(BAD_CAST text));
}

/* A bar of translated, fuzzy, rejected and untranslated words, with a text equivalent. */
static void progress_bar(xmlNodePtr parent, const struct check_counts *c)
{
	static const char *const classes[] = { "t", "f", "r", "u" };
	static const char *const names[] = { "translated", "fuzzy", "rejected", "untranslated" };
	unsigned long parts[4];
	char label[200], style[48];
	xmlNodePtr bar = element(parent, "div", NULL);
	int i;

	parts[0] = c->words_translated;
	parts[1] = c->words_fuzzy;
	parts[2] = c->words_rejected;
	parts[3] = c->words_untranslated;
	snprintf(label, sizeof label,
	         "%lu words translated, %lu fuzzy, %lu rejected, %lu untranslated", parts[0],
	         parts[1], parts[2], parts[3]);
	attr(bar, "class", "bar");
	attr(bar, "role", "img");
	attr(bar, "aria-label", label);
	attr(bar, "title", label);
	for (i = 0; i < 4; i++) {
		char pct[32];
		xmlNodePtr span;

		if (!c->words || !parts[i])
			continue;
		report_percent(100.0 * (double)parts[i] / (double)c->words, pct, sizeof pct);
		snprintf(style, sizeof style, "width:%s%%", pct);
		span = element(bar, "span", NULL);
		attr(span, "class", classes[i]);
		attr(span, "style", style);
		attr(span, "title", names[i]);
	}
}

/*
 * The gate's verdict for L, exactly check_failed's, with its reason: "below
 * the 80% gate", "fails the gate: 2 errors", "at or above the 60% gate"...
 */
static void gate_text(xmlNodePtr parent, const struct check_lang *l, int strict)
{
	size_t errors = check_problems(l, NULL, strict ? DIAG_WARNING : DIAG_ERROR);
	char text[128];
	xmlNodePtr span;

	if (l->unreadable)
		snprintf(text, sizeof text, "the catalog cannot be read");
	else if (l->preparing)
		snprintf(text, sizeof text, "in preparation: not on the site, not gated");
	else if (check_below(l))
		snprintf(text, sizeof text, "below the %g%% gate", l->threshold);
	else if (errors)
		snprintf(text, sizeof text, "fails the gate: %zu %s%s", errors,
		         strict ? "problem" : "error", errors == 1 ? "" : "s");
	else if (l->threshold >= 0)
		snprintf(text, sizeof text, "at or above the %g%% gate", l->threshold);
	else
		return;
	span = element(parent, "span", text);
	attr(span, "class", check_failed(l, strict) ? "below" : l->preparing ? "prep" : "ok");
}

static void number_cell(xmlNodePtr row, const char *text)
{
	attr(element(row, "td", text), "class", "num");
}

static void counts_cells(xmlNodePtr row, const struct check_counts *c)
{
	char text[64];

	report_percent(check_percent(c), text, sizeof text);
	strcat(text, "%");
	number_cell(row, text);
	progress_bar(element(row, "td", NULL), c);
	snprintf(text, sizeof text, "%lu / %lu", c->words_translated, c->words);
	number_cell(row, text);
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

static void summary_table(xmlNodePtr body, const struct check_report *r, int strict)
{
	xmlNodePtr table = element(body, "table", NULL), row, cell, a;
	size_t i;

	row = element(element(table, "thead", NULL), "tr", NULL);
	element(row, "th", "Language");
	element(row, "th", "Translated");
	element(row, "th", "Progress (words)");
	element(row, "th", "Words");
	element(row, "th", "Gate");
	element(row, "th", "Problems");
	table = element(table, "tbody", NULL);
	for (i = 0; i < r->lang_count; i++) {
		const struct check_lang *l = &r->langs[i];
		char href[96], text[64];

		row = element(table, "tr", NULL);
		cell = element(row, "td", NULL);
		href[0] = '#';
		lang_anchor(r, i, href + 1, sizeof href - 1);
		a = element(cell, "a", l->lang);
		attr(a, "href", href);
		counts_cells(row, &l->counts);
		cell = element(row, "td", NULL);
		gate_text(cell, l, strict);
		snprintf(text, sizeof text, "%zu errors, %zu warnings",
		         check_problems(l, NULL, DIAG_ERROR),
		         check_problems(l, NULL, DIAG_WARNING) -
		             check_problems(l, NULL, DIAG_ERROR));
		element(row, "td", text);
	}
}

static void files_table(xmlNodePtr section, const struct check_lang *l)
{
	xmlNodePtr table, row, cell, title;
	size_t i;

	if (!l->file_count)
		return;
	element(section, "h3", "Articles");
	table = element(section, "table", NULL);
	row = element(element(table, "thead", NULL), "tr", NULL);
	element(row, "th", "Article");
	element(row, "th", "Translated");
	element(row, "th", "Progress (words)");
	element(row, "th", "Words");
	table = element(table, "tbody", NULL);
	for (i = 0; i < l->file_count; i++) {
		const struct check_file *f = &l->files[i];

		row = element(table, "tr", NULL);
		cell = element(row, "td", NULL);
		if (f->title) {
			/* The title is in the source language: say so to screen readers. */
			title = element(cell, "span", f->title);
			attr(title, "lang", l->source_lang);
			element(cell, "br", NULL);
		}
		attr(element(cell, "span", f->path), "class", "file");
		counts_cells(row, &f->counts);
	}
}

static void problems_list(xmlNodePtr section, const struct check_lang *l,
                          const struct report_options *o)
{
	xmlNodePtr list, item, a;
	size_t i;
	char heading[64];

	snprintf(heading, sizeof heading, "Problems (%zu)", l->problem_count);
	element(section, "h3", heading);
	if (!l->problem_count) {
		element(section, "p", "None found.");
		return;
	}
	list = element(section, "ul", NULL);
	attr(list, "class", "problems");
	for (i = 0; i < l->problem_count; i++) {
		const struct check_problem *p = &l->problems[i];
		struct buf href = BUF_INIT, where = BUF_INIT, tail = BUF_INIT;

		item = element(list, "li", NULL);
		attr(item, "class", diag_severity_name(p->severity));
		buf_addf(&href, "%s%s", o->link_base ? o->link_base : "", p->file);
		buf_addf(&where, "%s", p->file);
		if (p->line) {
			buf_addf(&href, "#L%ld", p->line);
			buf_addf(&where, ":%ld", p->line);
		}
		a = element(item, "a", buf_str(&where));
		attr(a, "href", buf_str(&href));
		buf_addf(&tail, ": %s: ", diag_severity_name(p->severity));
		add_text(item, buf_str(&tail));
		buf_truncate(&tail, 0);
		buf_addf(&tail, "[%s]", p->id);
		element(item, "code", buf_str(&tail));
		buf_truncate(&tail, 0);
		buf_addf(&tail, " %s", p->text);
		add_text(item, buf_str(&tail));
		buf_release(&href);
		buf_release(&where);
		buf_release(&tail);
	}
}

static void lang_section(xmlNodePtr body, const struct check_report *r, size_t i,
                         const struct report_options *o)
{
	const struct check_lang *l = &r->langs[i];
	xmlNodePtr section = element(body, "section", NULL), h2, p;
	char id[96], text[256], pct[32];
	const struct check_counts *c = &l->counts;

	lang_anchor(r, i, id, sizeof id);
	attr(section, "id", id);
	if (l->unreadable) {
		snprintf(text, sizeof text, "%s: ", l->lang);
		h2 = element(section, "h2", text);
		gate_text(h2, l, o->strict);
		p = element(section, "p", "Catalog ");
		element(p, "code", l->po);
		add_text(p, ": nothing of this language is updated until it can be read again; "
		            "the site keeps its pages of the last good run.");
		problems_list(section, l, o);
		return;
	}
	report_percent(check_percent(c), pct, sizeof pct);
	snprintf(text, sizeof text, "%s: %s%% ", l->lang, pct);
	h2 = element(section, "h2", text);
	gate_text(h2, l, o->strict);
	progress_bar(section, c);
	snprintf(text, sizeof text,
	         "%lu of %lu source words translated.  Messages: %lu translated, %lu fuzzy, "
	         "%lu untranslated",
	         c->words_translated, c->words, c->translated, c->fuzzy, c->untranslated);
	p = element(section, "p", text);
	if (c->identical) {
		snprintf(text, sizeof text, " (%lu of them copies of the source)", c->identical);
		add_text(p, text);
	}
	if (c->rejected) {
		snprintf(text, sizeof text, ", %lu rejected (shown in the source language)",
		         c->rejected);
		add_text(p, text);
	}
	snprintf(text, sizeof text, ", %lu obsolete.  Catalog: ", c->obsolete);
	add_text(p, text);
	element(p, "code", l->po);
	files_table(section, l);
	problems_list(section, l, o);
}

int report_html(const struct check_report *r, const struct report_options *o, const char *path,
                struct diag *d)
{
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html, head, body, legend, span;
	xmlOutputBufferPtr out;
	int rc;
	size_t i;

	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
	html = xmlNewNode(NULL, BAD_CAST "html");
	attr(html, "lang", "en");
	xmlDocSetRootElement(doc, html);
	head = element(html, "head", NULL);
	attr(element(head, "meta", NULL), "charset", "utf-8");
	span = element(head, "meta", NULL);
	attr(span, "name", "viewport");
	attr(span, "content", "width=device-width, initial-scale=1");
	element(head, "title", "Translation status");
	element(head, "style", page_css);
	body = element(html, "body", NULL);
	element(body, "h1", "Translation status");
	element(body, "p",
	        "Progress counts the words of the source text (fuzzy translations are not "
	        "counted as translated); article titles are given in the source language.");
	legend = element(body, "p", NULL);
	attr(legend, "class", "legend");
	span = element(legend, "span", NULL);
	attr(span, "style", "background:#2e7d32");
	add_text(legend, "translated");
	span = element(legend, "span", NULL);
	attr(span, "style", "background:#f9a825");
	add_text(legend, "fuzzy");
	span = element(legend, "span", NULL);
	attr(span, "style", "background:#d32f2f");
	add_text(legend, "untranslated");
	summary_table(body, r, o->strict);
	for (i = 0; i < r->lang_count; i++)
		lang_section(body, r, i, o);

	/* UTF-8 as it is: with no encoding given, libxml2 would write every
	 * accented letter as a named entity. */
	doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
	out = xmlAllocOutputBuffer(NULL);
	htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 1);
	xmlOutputBufferFlush(out);
	rc = report_write(path, (const char *)xmlOutputBufferGetContent(out),
	                  xmlOutputBufferGetSize(out), d);
	xmlOutputBufferClose(out);
	xmlFreeDoc(doc);
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
	attr(node, name, s);
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
	attr(svg, "height", "20");
	attr(svg, "role", "img");
	attr(svg, "aria-label", label);
	svg_child(svg, ns, "title", label);
	node = svg_child(svg, ns, "rect", NULL);
	attr_int(node, "width", lw);
	attr(node, "height", "20");
	attr(node, "fill", "#555");
	node = svg_child(svg, ns, "rect", NULL);
	attr_int(node, "x", lw);
	attr_int(node, "width", vw);
	attr(node, "height", "20");
	attr(node, "fill", badge_colour(l));
	g = svg_child(svg, ns, "g", NULL);
	attr(g, "fill", "#fff");
	attr(g, "text-anchor", "middle");
	attr(g, "font-family", "Verdana,DejaVu Sans,sans-serif");
	attr(g, "font-size", "11");
	node = svg_child(g, ns, "text", l->lang);
	attr_int(node, "x", lw / 2);
	attr(node, "y", "14");
	node = svg_child(g, ns, "text", value);
	attr_int(node, "x", lw + vw / 2);
	attr(node, "y", "14");

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

	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_report(d, DIAG_ERROR, dir, 0, 0, "cannot create the badge directory: %s",
		            strerror(errno));
		return -1;
	}
	for (i = 0; i < r->lang_count; i++)
		if (write_badge(&r->langs[i], dir, d) != 0)
			rc = -1;
	return rc;
}
