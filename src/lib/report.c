/*
 * report: JSON and JUnit XML reports.  See report.h; the HTML page and the
 * badges are in report-html.c.
 */
#include <config.h>

#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "atomic.h"
#include "buf.h"

void report_percent(double percent, char *out, size_t size)
{
	/* Tenths as an integer: no locale's decimal comma, no rounding up. */
	long tenths = (long)floor(percent * 10.0 + 1e-9);

	snprintf(out, size, "%ld.%ld", tenths / 10, tenths % 10);
}

int report_write(const char *path, const char *data, size_t len, struct diag *d)
{
	return atomic_write(path, data, len, ATOMIC_KEEP_SAME, d) < 0 ? -1 : 0;
}

int report_write_xml(const char *path, xmlDocPtr doc, struct diag *d)
{
	xmlChar *mem = NULL;
	int len = 0, rc;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
	if (!mem)
		return diag_error(d, path, 0, 0, "cannot serialize the report");
	rc = report_write(path, (const char *)mem, (size_t)len, d);
	xmlFree(mem);
	return rc;
}

/* --- JSON ---------------------------------------------------------------------- */

/* S as a JSON string: quotes, backslashes and control characters escaped. */
static void json_string(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c == '\n') {
			buf_adds(b, "\\n");
		} else if (c == '\t') {
			buf_adds(b, "\\t");
		} else if (c < 0x20 || c == 0x7f) {
			buf_addf(b, "\\u%04x", c);
		} else if (c == 0xe2 && (unsigned char)s[1] == 0x80 &&
		           ((unsigned char)s[2] == 0xa8 || (unsigned char)s[2] == 0xa9)) {
			/* U+2028 and U+2029 are valid JSON, not valid JavaScript. */
			buf_addf(b, "\\u%04x", (unsigned char)s[2] == 0xa8 ? 0x2028 : 0x2029);
			s += 2;
		} else {
			buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
}

static void json_indent(struct buf *b, int depth)
{
	buf_addc(b, '\n');
	while (depth-- > 0)
		buf_adds(b, "  ");
}

static void json_counts(struct buf *b, const struct check_counts *c, int depth)
{
	char pct[32];

	json_indent(b, depth);
	buf_addf(
	    b,
	    "\"messages\": {\"total\": %lu, \"translated\": %lu, \"fuzzy\": %lu, "
	    "\"untranslated\": %lu, \"rejected\": %lu, \"obsolete\": %lu, \"identical\": %lu},",
	    c->messages, c->translated, c->fuzzy, c->untranslated, c->rejected, c->obsolete,
	    c->identical);
	json_indent(b, depth);
	buf_addf(b,
	         "\"words\": {\"total\": %lu, \"translated\": %lu, \"fuzzy\": %lu, "
	         "\"untranslated\": %lu, \"rejected\": %lu},",
	         c->words, c->words_translated, c->words_fuzzy, c->words_untranslated,
	         c->words_rejected);
	report_percent(check_percent(c), pct, sizeof pct);
	json_indent(b, depth);
	buf_addf(b, "\"percent\": %s", pct);
}

/* S as a JSON string, or null. */
static void json_string_or_null(struct buf *b, const char *s)
{
	if (s)
		json_string(b, s);
	else
		buf_adds(b, "null");
}

/* A line of an object: "KEY": VALUE (a string, or null for NULL), and a comma. */
static void json_member(struct buf *b, int depth, const char *key, const char *value)
{
	json_indent(b, depth);
	buf_addf(b, "\"%s\": ", key);
	json_string_or_null(b, value);
	buf_adds(b, ",");
}

/* A line of an object: "KEY": true or false, and a comma. */
static void json_flag(struct buf *b, int depth, const char *key, int value)
{
	json_indent(b, depth);
	buf_addf(b, "\"%s\": %s,", key, value ? "true" : "false");
}

static void json_lang(struct buf *b, const struct check_lang *l, int strict)
{
	size_t i;

	buf_adds(b, "{");
	json_member(b, 3, "lang", l->lang);
	json_member(b, 3, "po", l->po);
	json_member(b, 3, "source_lang", l->source_lang);
	json_indent(b, 3);
	if (l->threshold >= 0)
		buf_addf(b, "\"threshold\": %g,", l->threshold);
	else
		buf_adds(b, "\"threshold\": null,");
	json_flag(b, 3, "below", check_below(l));
	json_flag(b, 3, "preparing", l->preparing);
	json_flag(b, 3, "unreadable", l->unreadable);
	json_flag(b, 3, "passed", !check_failed(l, strict));
	json_counts(b, &l->counts, 3);
	buf_adds(b, ",");
	json_indent(b, 3);
	buf_adds(b, "\"files\": [");
	for (i = 0; i < l->file_count; i++) {
		const struct check_file *f = &l->files[i];

		buf_adds(b, i ? ", {" : "{");
		json_member(b, 5, "file", f->path);
		json_member(b, 5, "title", f->title);
		json_indent(b, 5);
		switch (check_file_published(l, f)) {
		case 1:
			buf_adds(b, "\"published\": true, \"missing\": 0,");
			break;
		case 0:
			buf_addf(b, "\"published\": false, \"missing\": %lu,",
			         check_words_missing(f->counts.words, f->counts.words_translated,
			                             l->threshold));
			break;
		default:
			buf_adds(b, "\"published\": null, \"missing\": null,");
			break;
		}
		json_counts(b, &f->counts, 5);
		json_indent(b, 4);
		buf_adds(b, "}");
	}
	buf_adds(b, "],");
	json_indent(b, 3);
	buf_adds(b, "\"problems\": [");
	for (i = 0; i < l->problem_count; i++) {
		const struct check_problem *p = &l->problems[i];

		buf_adds(b, i ? "," : "");
		json_indent(b, 4);
		buf_adds(b, "{\"id\": ");
		json_string(b, p->id);
		buf_addf(b, ", \"severity\": \"%s\", \"file\": ", diag_severity_name(p->severity));
		json_string(b, p->file);
		buf_addf(b, ", \"line\": %ld, \"rejected\": %s, \"message\": ", p->line,
		         p->rejected ? "true" : "false");
		json_string(b, p->text);
		buf_adds(b, ", \"msgid\": ");
		json_string_or_null(b, p->source);
		buf_adds(b, ", \"msgstr\": ");
		json_string_or_null(b, p->translation);
		buf_adds(b, "}");
	}
	if (l->problem_count)
		json_indent(b, 3);
	buf_adds(b, "]");
	json_indent(b, 2);
	buf_adds(b, "}");
}

int report_json(const struct check_report *r, const struct report_options *o, const char *path,
                struct diag *d)
{
	struct buf b = BUF_INIT;
	size_t i;
	int passed = 1, rc;

	for (i = 0; i < r->lang_count; i++)
		passed &= !check_failed(&r->langs[i], o->strict);
	buf_addf(&b, "{\n  \"version\": 1,\n  \"strict\": %s,\n  \"passed\": %s,\n  \"checks\": [",
	         o->strict ? "true" : "false", passed ? "true" : "false");
	for (i = 0; check_rule_id(i); i++) {
		buf_adds(&b, i ? "," : "");
		json_indent(&b, 2);
		buf_adds(&b, "{\"id\": ");
		json_string(&b, check_rule_id(i));
		buf_addf(&b, ", \"severity\": \"%s\", \"enabled\": %s, \"summary\": ",
		         diag_severity_name(check_rule_severity(i)),
		         (o->skip & (1UL << i)) ? "false" : "true");
		json_string(&b, check_rule_summary(i));
		buf_adds(&b, "}");
	}
	buf_adds(&b, "\n  ],\n  \"languages\": [");
	for (i = 0; i < r->lang_count; i++) {
		buf_adds(&b, i ? ", " : "");
		json_lang(&b, &r->langs[i], o->strict);
	}
	buf_adds(&b, "]\n}\n");
	rc = report_write(path, buf_str(&b), b.len, d);
	buf_release(&b);
	return rc;
}

/* --- JUnit XML ------------------------------------------------------------------- */

static xmlNodePtr add_text_child(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST text);
}

static void set_attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlNewProp(node, BAD_CAST name, BAD_CAST value);
}

static void set_attr_num(xmlNodePtr node, const char *name, unsigned long value)
{
	char s[32];

	snprintf(s, sizeof s, "%lu", value);
	set_attr(node, name, s);
}

/* The lines of L's problems of check ID, as the text report prints them. */
static void problem_lines(const struct check_lang *l, const char *id, struct buf *out)
{
	size_t i;

	for (i = 0; i < l->problem_count; i++) {
		const struct check_problem *p = &l->problems[i];

		if (strcmp(p->id, id) != 0)
			continue;
		buf_addf(out, "%s:%ld: %s: [%s] %s\n", p->file, p->line,
		         diag_severity_name(p->severity), p->id, p->text);
	}
}

/* The number of L's problems of check ID that are rejected translations. */
static size_t rejections(const struct check_lang *l, const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < l->problem_count; i++)
		n += l->problems[i].rejected && strcmp(l->problems[i].id, id) == 0;
	return n;
}

/* Adds L's test cases to SUITE; returns the number that failed. */
static unsigned long junit_lang(xmlNodePtr suite, const struct check_lang *l,
                                const struct report_options *o, unsigned long *tests,
                                unsigned long *skipped)
{
	char classname[96], pct[32], text[256];
	unsigned long failures = 0;
	xmlNodePtr tc, node;
	size_t i;

	snprintf(classname, sizeof classname, "traduki.check.%s", l->lang);
	tc = xmlNewChild(suite, NULL, BAD_CAST "testcase", NULL);
	set_attr(tc, "classname", classname);
	set_attr(tc, "name", "coverage");
	report_percent(check_percent(&l->counts), pct, sizeof pct);
	(*tests)++;
	if (check_below(l)) {
		snprintf(text, sizeof text,
		         "%s%% of the source words translated, below the %g%% gate", pct,
		         l->threshold);
		node = xmlNewChild(tc, NULL, BAD_CAST "failure", NULL);
		set_attr(node, "type", "coverage");
		set_attr(node, "message", text);
		failures++;
	} else {
		snprintf(text, sizeof text, "%s%% of the source words translated\n", pct);
		add_text_child(tc, "system-out", text);
	}
	for (i = 0; check_rule_id(i); i++) {
		const char *id = check_rule_id(i);
		size_t errors = check_problems(l, id, DIAG_ERROR);
		size_t all = check_problems(l, id, DIAG_WARNING);
		struct buf lines = BUF_INIT;

		tc = xmlNewChild(suite, NULL, BAD_CAST "testcase", NULL);
		set_attr(tc, "classname", classname);
		set_attr(tc, "name", id);
		(*tests)++;
		if (o->skip & (1UL << i)) {
			xmlNewChild(tc, NULL, BAD_CAST "skipped", NULL);
			(*skipped)++;
			continue;
		}
		problem_lines(l, id, &lines);
		if (errors || (o->strict && all)) {
			size_t rejected = rejections(l, id);

			/* A rejected translation is not on the site; another error
			 * is, with its fault. */
			if (rejected)
				snprintf(text, sizeof text,
				         "%zu rejected translation%s (the source text is shown "
				         "instead), %zu other error%s, %zu warning%s",
				         rejected, rejected == 1 ? "" : "s", errors - rejected,
				         errors - rejected == 1 ? "" : "s", all - errors,
				         all - errors == 1 ? "" : "s");
			else
				snprintf(text, sizeof text, "%zu error%s, %zu warning%s", errors,
				         errors == 1 ? "" : "s", all - errors,
				         all - errors == 1 ? "" : "s");
			node = add_text_child(tc, "failure", buf_str(&lines));
			set_attr(node, "type", rejected ? "rejected" : id);
			set_attr(node, "message", text);
			failures++;
		} else if (all) {
			/* Warnings do not fail the case, but a dashboard shows them. */
			add_text_child(tc, "system-out", buf_str(&lines));
		}
		buf_release(&lines);
	}
	return failures;
}

int report_junit(const struct check_report *r, const struct report_options *o, const char *path,
                 struct diag *d)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "testsuites");
	unsigned long tests = 0, failures = 0;
	size_t i;
	int rc;

	xmlDocSetRootElement(doc, root);
	set_attr(root, "name", "traduki check");
	for (i = 0; i < r->lang_count; i++) {
		const struct check_lang *l = &r->langs[i];
		xmlNodePtr suite = xmlNewChild(root, NULL, BAD_CAST "testsuite", NULL);
		unsigned long t = 0, f, s = 0;

		set_attr(suite, "name", l->lang);
		set_attr(suite, "package", l->po);
		f = junit_lang(suite, l, o, &t, &s);
		set_attr_num(suite, "tests", t);
		set_attr_num(suite, "failures", f);
		set_attr_num(suite, "errors", 0);
		set_attr_num(suite, "skipped", s);
		tests += t;
		failures += f;
	}
	set_attr_num(root, "tests", tests);
	set_attr_num(root, "failures", failures);
	rc = report_write_xml(path, doc, d);
	xmlFreeDoc(doc);
	return rc;
}
