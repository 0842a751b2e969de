/*
 * its: reading ITS 2.0 global rules, from rule files (--its, and those an
 * xlink:href links) and from the its:rules elements of a document, into
 * a struct ruleset in application order (ITS 2.0 §5.3.3).  Every selector
 * and pointer is compiled to XPath here, once.  See its-impl.h; its.c
 * applies the rules to documents.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>

#include "its-impl.h"
#include "mem.h"
#include "xmldoc.h"

#define XLINK_NS "http://www.w3.org/1999/xlink"

/* Linked rule files may link further; this many levels at most. */
#define MAX_LINK_DEPTH 8

/* Frees R, whole or read only in part (a rule that failed half-way). */
static void rule_free(struct rule *r)
{
	xmlXPathFreeCompExpr(r->selector); /* NULL is harmless */
	xmlXPathFreeCompExpr(r->pointer);
	free(r->text);
	free(r->lang_attr);
	free(r->lang_attr_ns);
	xmlFree(r->ns);
	free(r);
}

void its_ruleset_release(struct ruleset *set)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		rule_free(set->rules[i]);
	free(set->rules);
	for (i = 0; i < set->ndocs; i++)
		xmlFreeDoc(set->docs[i]);
	free(set->docs);
	for (i = 0; i < set->nscopes; i++) {
		struct scope *s = set->scopes[i];
		size_t k;

		for (k = 0; k < s->count; k++) {
			free(s->names[k]);
			free(s->values[k]);
		}
		free(s->names);
		free(s->values);
		free(s);
	}
	free(set->scopes);
	for (i = 0; i < set->nfiles; i++)
		free(set->files[i]);
	free(set->files);
	memset(set, 0, sizeof *set);
}

static const char *ruleset_file(struct ruleset *set, const char *path)
{
	size_t i;

	for (i = 0; i < set->nfiles; i++)
		if (strcmp(set->files[i], path) == 0)
			return set->files[i];
	xgrow((void **)&set->files, &set->files_alloc, set->nfiles + 1, sizeof *set->files);
	set->files[set->nfiles] = xstrdup(path);
	return set->files[set->nfiles++];
}

static void capture_error(void *data, xmlErrorPtr err)
{
	struct its_capture *c = data;
	size_t len;

	if (c->seen || !err || !err->message)
		return;
	c->seen = 1;
	snprintf(c->message, sizeof c->message, "%s", err->message);
	len = strlen(c->message);
	while (len > 0 && (c->message[len - 1] == '\n' || c->message[len - 1] == ' '))
		c->message[--len] = '\0';
	c->offset = err->domain == XML_FROM_XPATH ? err->int1 : -1;
}

/* The same for the messages libxml2 prints without structure (a few XPath ones). */
static void capture_generic(void *data, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void capture_generic(void *data, const char *fmt, ...)
{
	struct its_capture *c = data;
	va_list ap;
	size_t len;

	if (c->seen)
		return;
	c->seen = 1;
	va_start(ap, fmt);
	vsnprintf(c->message, sizeof c->message, fmt, ap);
	va_end(ap);
	len = strlen(c->message);
	while (len > 0 && (c->message[len - 1] == '\n' || c->message[len - 1] == ' '))
		c->message[--len] = '\0';
	c->offset = -1;
}

void its_capture_start(struct its_capture *c)
{
	c->seen = 0;
	c->offset = -1;
	c->message[0] = '\0';
	xmldoc_catch(&c->saved, capture_error, capture_generic, c);
}

void its_capture_stop(struct its_capture *c)
{
	xmldoc_release(&c->saved);
}

/* Reports an error about ELEMENT (a rule) of FILE, at attribute ATTR if given. */
static void rule_error(struct diag *d, const char *file, xmlNodePtr element, const char *attr,
                       int offset, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void rule_error(struct diag *d, const char *file, xmlNodePtr element, const char *attr,
                       int offset, const char *fmt, ...)
{
	long line = xmlGetLineNo(element), col = 0;
	struct buf needle = BUF_INIT, text = BUF_INIT;
	va_list ap;

	if (attr) {
		buf_adds(&needle, attr);
		xmldoc_locate(file, &line, &col, buf_str(&needle), 1);
		if (col && offset > 0)
			col += offset;
	} else {
		buf_addc(&needle, '<');
		if (element->ns && element->ns->prefix)
			buf_addf(&needle, "%s:", (const char *)element->ns->prefix);
		buf_adds(&needle, (const char *)element->name);
		xmldoc_locate(file, &line, &col, buf_str(&needle), 0);
	}
	va_start(ap, fmt);
	buf_vaddf(&text, fmt, ap);
	va_end(ap);
	diag_report(d, DIAG_ERROR, file, line, col, "%s", buf_str(&text));
	buf_release(&needle);
	buf_release(&text);
}

int its_is_element(xmlNodePtr node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE && node->ns &&
	       xmlStrEqual(node->ns->href, BAD_CAST ITS_NS) &&
	       (!name || xmlStrEqual(node->name, BAD_CAST name));
}

/* An unprefixed attribute of a rule element, or NULL (xmlFree). */
static char *rule_attr(xmlNodePtr element, const char *name)
{
	return (char *)xmlGetNoNsProp(element, BAD_CAST name);
}

static int is_name_char(int c)
{
	return c == '_' || c == '-' || c == '.' || (c >= '0' && c <= '9') ||
	       (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/*
 * libxml2 finds an undeclared prefix only when a step using it runs, and
 * then without a position.  A prefix is a name followed by one ':' and a
 * name or '*', outside string literals; each must be declared on the rule
 * element (or be "xml").  Returns the offset of the first undeclared
 * prefix, or -1.
 */
static int undeclared_prefix(const char *expr, xmlNodePtr element, char *prefix, size_t size)
{
	const char *p = expr;

	while (*p) {
		const char *start;

		if (*p == '"' || *p == '\'') {
			const char *end = strchr(p + 1, *p);

			p = end ? end + 1 : p + strlen(p);
			continue;
		}
		if (!is_name_char((unsigned char)*p) || (*p >= '0' && *p <= '9')) {
			p++;
			continue;
		}
		start = p;
		while (is_name_char((unsigned char)*p))
			p++;
		if (p[0] == ':' && p[1] != ':' &&
		    (is_name_char((unsigned char)p[1]) || p[1] == '*')) {
			size_t len = (size_t)(p - start);

			snprintf(prefix, size, "%.*s", (int)len, start);
			if (strcmp(prefix, "xml") != 0 &&
			    !xmlSearchNs(element->doc, element, BAD_CAST prefix))
				return (int)(start - expr);
			p++;
		} else if (p[0] == ':' && p[1] == ':') {
			p += 2;
		}
	}
	return -1;
}

static xmlXPathCompExprPtr compile(const char *expr, const char *file, xmlNodePtr element,
                                   const char *attr, struct diag *d)
{
	struct its_capture cap;
	xmlXPathCompExprPtr comp;
	char prefix[64];
	int at;

	its_capture_start(&cap);
	comp = xmlXPathCompile(BAD_CAST expr);
	its_capture_stop(&cap);
	if (!comp) {
		rule_error(d, file, element, attr, cap.seen ? cap.offset : 0,
		           "invalid XPath expression in %s: %s", attr,
		           cap.seen ? cap.message : "cannot compile");
		return NULL;
	}
	at = undeclared_prefix(expr, element, prefix, sizeof prefix);
	if (at >= 0) {
		rule_error(d, file, element, attr, at,
		           "undeclared namespace prefix '%s' in %s (declare xmlns:%s on the rule "
		           "or an ancestor)",
		           prefix, attr, prefix);
		xmlXPathFreeCompExpr(comp);
		return NULL;
	}
	return comp;
}

const struct its_category_names its_categories[ITS_CATEGORY_COUNT] = {
	[ITS_TRANSLATE] = { "translateRule", "translate" },
	[ITS_LOCNOTE] = { "locNoteRule", "localizationnote" },
	[ITS_WITHIN_TEXT] = { "withinTextRule", "elementswithintext" },
	[ITS_PRESERVE_SPACE] = { "preserveSpaceRule", "preservespace" },
	[ITS_LANG] = { "langRule", "languageinformation" },
	[ITS_ID_VALUE] = { "idValueRule", "idvalue" },
	[ITS_LOCALE_FILTER] = { "localeFilterRule", "localefilter" },
	[ITS_TERMINOLOGY] = { "termRule", "terminology" },
};

/* Which of VALUES (NULL-terminated) S is: its index, or -1. */
int its_one_of(const char *s, const char *const *values)
{
	int i;

	for (i = 0; s && values[i]; i++)
		if (strcmp(s, values[i]) == 0)
			return i;
	return -1;
}

const char *const its_yes_no[] = { "no", "yes", NULL };
const char *const its_within_values[] = { "no", "yes", "nested", NULL };
const char *const its_space_values[] = { "default", "preserve", NULL };
const char *const its_note_types[] = { "description", "alert", NULL };
static const char *const filter_types[] = { "include", "exclude", NULL };

/* Collapses XML whitespace runs to one space and trims the ends, in place. */
char *its_normalize_space(char *s)
{
	char *r = s, *w = s;
	int space = 0;

	if (!s)
		return s;
	for (; *r; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			space = w != s;
		} else {
			if (space)
				*w++ = ' ';
			space = 0;
			*w++ = *r;
		}
	}
	*w = '\0';
	return s;
}

/*
 * When the langPointer POINTER of the rule R (read from EL) is one
 * attribute of the selected element ("@lang", "@xml:lang", "@x:lang" with
 * x bound on EL), notes its name and namespace: the merge back writes
 * languages there.  Any other pointer leaves them NULL.
 */
static void read_lang_attr(struct rule *r, xmlNodePtr el, const char *pointer)
{
	const char *p = pointer, *name, *colon = NULL;
	size_t len;
	int colons = 0;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (*p++ != '@')
		return;
	for (name = p; is_name_char((unsigned char)*p) || *p == ':'; p++)
		if (*p == ':' && colons++ == 0)
			colon = p;
	len = (size_t)(p - name);
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (*p || len == 0 || colons > 1 || (colon && (colon == name || colon == name + len - 1)))
		return;
	if (colon) {
		char *prefix = xstrndup(name, (size_t)(colon - name));
		xmlNsPtr ns = xmlSearchNs(el->doc, el, BAD_CAST prefix);

		free(prefix);
		if (!ns)
			return;
		r->lang_attr_ns = xstrdup((const char *)ns->href);
		r->lang_attr = xstrndup(colon + 1, len - (size_t)(colon + 1 - name));
	} else {
		r->lang_attr = xstrndup(name, len);
	}
}

/* Reads one rule element; returns the new rule, NULL if ignored, or sets *FAILED. */
static struct rule *read_rule(xmlNodePtr el, const char *file, const struct scope *scope,
                              struct diag *d, int *failed)
{
	struct rule *r;
	char *selector, *v = NULL;
	int cat, k;
	const char *pointer_attr = NULL;

	for (cat = 0; cat < ITS_CATEGORY_COUNT; cat++)
		if (xmlStrEqual(el->name, BAD_CAST its_categories[cat].rule))
			break;
	if (cat == ITS_CATEGORY_COUNT)
		return NULL; /* a category traduki does not use: ignored */

	selector = rule_attr(el, "selector");
	if (!selector) {
		rule_error(d, file, el, NULL, 0, "its:%s without a selector",
		           its_categories[cat].rule);
		*failed = 1;
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	r->category = cat;
	r->scope = scope;
	r->file = file;
	r->line = xmlGetLineNo(el);
	r->note_type = its_note_types[0];
	r->selector = compile(selector, file, el, "selector", d);
	xmlFree(selector);
	if (!r->selector)
		goto fail;

	switch (cat) {
	case ITS_TRANSLATE:
	case ITS_WITHIN_TEXT:
	case ITS_PRESERVE_SPACE: {
		const char *name = cat == ITS_TRANSLATE     ? "translate"
		                   : cat == ITS_WITHIN_TEXT ? "withinText"
		                                            : "space";
		const char *const *values = cat == ITS_TRANSLATE     ? its_yes_no
		                            : cat == ITS_WITHIN_TEXT ? its_within_values
		                                                     : its_space_values;

		v = rule_attr(el, name);
		k = its_one_of(v, values);
		if (k < 0) {
			rule_error(d, file, el, v ? name : NULL, 0, "its:%s: bad or missing %s",
			           its_categories[cat].rule, name);
			goto fail;
		}
		r->value = (unsigned char)k;
		break;
	}
	case ITS_LOCNOTE: {
		xmlNodePtr c;
		int sources = 0;

		v = rule_attr(el, "locNoteType");
		if (v) {
			k = its_one_of(v, its_note_types);
			if (k < 0) {
				rule_error(d, file, el, "locNoteType", 0,
				           "its:locNoteRule: bad locNoteType '%s'", v);
				goto fail;
			}
			r->note_type = its_note_types[k];
			xmlFree(v);
			v = NULL;
		}
		for (c = el->children; c; c = c->next)
			if (its_is_element(c, "locNote")) {
				char *t = (char *)xmlNodeGetContent(c);

				free(r->text); /* two notes are an error, reported below */
				r->text = its_normalize_space(xstrdup(t ? t : ""));
				xmlFree(t);
				sources++;
			}
		if ((v = rule_attr(el, "locNoteRef")) != NULL) {
			free(r->text);
			r->text = xstrdup(v);
			r->is_ref = 1;
			sources++;
			xmlFree(v);
			v = NULL;
		}
		if ((v = rule_attr(el, "locNotePointer")) != NULL)
			pointer_attr = "locNotePointer";
		else if ((v = rule_attr(el, "locNoteRefPointer")) != NULL)
			pointer_attr = "locNoteRefPointer", r->is_ref = 1;
		if (v)
			sources++;
		if (sources != 1) {
			rule_error(d, file, el, NULL, 0,
			           "its:locNoteRule needs exactly one of its:locNote, locNoteRef, "
			           "locNotePointer, locNoteRefPointer");
			goto fail;
		}
		break;
	}
	case ITS_LANG:
		pointer_attr = "langPointer";
		v = rule_attr(el, pointer_attr);
		if (v)
			read_lang_attr(r, el, v);
		break;
	case ITS_ID_VALUE:
		pointer_attr = "idValue";
		v = rule_attr(el, pointer_attr);
		break;
	case ITS_TERMINOLOGY:
		v = rule_attr(el, "term");
		k = its_one_of(v, its_yes_no);
		if (k < 0) {
			rule_error(d, file, el, v ? "term" : NULL, 0,
			           "its:termRule: bad or missing term");
			goto fail;
		}
		r->value = (unsigned char)k;
		xmlFree(v);
		/* termInfoPointer and termInfoRefPointer are not followed. */
		v = rule_attr(el, "termInfoRef");
		if (v)
			r->text = xstrdup(v);
		xmlFree(v);
		v = NULL;
		break;
	case ITS_LOCALE_FILTER: {
		char *type = rule_attr(el, "localeFilterType");

		k = type ? its_one_of(type, filter_types) : 0;
		xmlFree(type);
		v = rule_attr(el, "localeFilterList");
		if (k < 0 || !v) {
			rule_error(d, file, el, NULL, 0,
			           "its:localeFilterRule: bad or missing localeFilterList or "
			           "localeFilterType");
			goto fail;
		}
		r->value = (unsigned char)k;
		r->text = xstrdup(v);
		break;
	}
	default:
		break;
	}
	if (pointer_attr) {
		if (!v) {
			rule_error(d, file, el, NULL, 0, "its:%s without %s",
			           its_categories[cat].rule, pointer_attr);
			goto fail;
		}
		r->pointer = compile(v, file, el, pointer_attr, d);
		if (!r->pointer)
			goto fail;
	}
	xmlFree(v);
	r->ns = xmlGetNsList(el->doc, el);
	if (r->ns)
		while (r->ns[r->ns_count])
			r->ns_count++;
	return r;

fail:
	xmlFree(v);
	rule_free(r);
	*failed = 1;
	return NULL;
}

static int load_rules_file(struct ruleset *set, const char *path, int depth, struct diag *d);

/*
 * The path of HREF (from an xlink:href) relative to the file BASE, or
 * NULL (xmlFree).  Both are file names rather than URIs: escaped, so that
 * any name (a space, an "é") reads as a path, and unescaped after.
 */
static char *resolve_href(const char *href, const char *base)
{
	xmlChar *ref = xmlURIEscapeStr(BAD_CAST href, BAD_CAST "/");
	xmlChar *from = xmlURIEscapeStr(BAD_CAST base, BAD_CAST "/");
	xmlChar *uri = ref && from ? xmlBuildURI(ref, from) : NULL;
	char *path = uri ? xmlURIUnescapeString((const char *)uri, 0, NULL) : NULL;

	xmlFree(ref);
	xmlFree(from);
	xmlFree(uri);
	return path;
}

/*
 * Appends the rules of the its:rules element EL (read from FILE): first
 * the rules of the file it links to, then its own (ITS 2.0 §5.3.3).
 */
static int load_rules_element(struct ruleset *set, xmlNodePtr el, const char *file, int depth,
                              struct diag *d)
{
	char *href = (char *)xmlGetNsProp(el, BAD_CAST "href", BAD_CAST XLINK_NS);
	char *lang = rule_attr(el, "queryLanguage");
	struct scope *scope;
	xmlNodePtr c;
	int failed = 0;

	if (lang && strcmp(lang, "xpath") != 0) {
		rule_error(d, file, el, "queryLanguage", 0,
		           "unsupported query language '%s' (traduki reads XPath 1.0)", lang);
		xmlFree(lang);
		xmlFree(href);
		return -1;
	}
	xmlFree(lang);
	if (href) {
		char *path;
		int rc;

		/* Rules come from local files only: never the network. */
		if (strstr(href, "://")) {
			rule_error(d, file, el, "xlink:href", 0,
			           "linked rules '%s' are not a local file; not loaded", href);
			xmlFree(href);
			return -1;
		}
		if (depth >= MAX_LINK_DEPTH) {
			rule_error(d, file, el, "xlink:href", 0, "linked rules nested too deep");
			xmlFree(href);
			return -1;
		}
		path = resolve_href(href, file);
		if (!path) {
			rule_error(d, file, el, "xlink:href", 0,
			           "linked rules '%s' are no file name; not loaded", href);
			xmlFree(href);
			return -1;
		}
		xmlFree(href);
		rc = load_rules_file(set, path, depth + 1, d);
		xmlFree(path);
		if (rc != 0)
			return -1;
	}

	scope = xcalloc(1, sizeof *scope);
	xgrow((void **)&set->scopes, &set->scopes_alloc, set->nscopes + 1, sizeof *set->scopes);
	set->scopes[set->nscopes++] = scope;
	for (c = el->children; c; c = c->next) {
		struct rule *r;

		if (!its_is_element(c, NULL))
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "param")) {
			char *name = rule_attr(c, "name");
			char *value = (char *)xmlNodeGetContent(c);

			if (name) {
				scope->names = xrealloc(scope->names,
				                        (scope->count + 1) * sizeof *scope->names);
				scope->values = xrealloc(scope->values, (scope->count + 1) *
				                                            sizeof *scope->values);
				scope->names[scope->count] = xstrdup(name);
				scope->values[scope->count] = xstrdup(value ? value : "");
				scope->count++;
			}
			xmlFree(name);
			xmlFree(value);
			continue;
		}
		r = read_rule(c, file, scope, d, &failed);
		if (r) {
			xgrow((void **)&set->rules, &set->alloc, set->count + 1,
			      sizeof *set->rules);
			set->rules[set->count++] = r;
		}
	}
	return failed ? -1 : 0;
}

static int load_rules_file(struct ruleset *set, const char *path, int depth, struct diag *d)
{
	xmlDocPtr doc = xmldoc_read_file(path, d);
	xmlNodePtr root;
	const char *file;

	if (!doc)
		return -1;
	xgrow((void **)&set->docs, &set->docs_alloc, set->ndocs + 1, sizeof *set->docs);
	set->docs[set->ndocs++] = doc;
	file = ruleset_file(set, path);
	root = xmlDocGetRootElement(doc);
	if (!its_is_element(root, "rules")) {
		long line = root ? xmlGetLineNo(root) : 0, col = 0;

		if (root) {
			char needle[128];

			snprintf(needle, sizeof needle, "<%s%s%s",
			         root->ns && root->ns->prefix ? (const char *)root->ns->prefix : "",
			         root->ns && root->ns->prefix ? ":" : "", (const char *)root->name);
			xmldoc_locate(file, &line, &col, needle, 0);
		}
		return diag_error(
		    d, file, line, col,
		    "not an ITS rules file: the root element is '%s', not its:rules in "
		    "namespace %s",
		    root ? (const char *)root->name : "", ITS_NS);
	}
	return load_rules_element(set, root, file, depth, d);
}

struct its_rules *its_rules_new(void)
{
	return xcalloc(1, sizeof(struct its_rules));
}

void its_rules_free(struct its_rules *rules)
{
	if (!rules)
		return;
	its_ruleset_release(&rules->set);
	free(rules);
}

int its_rules_load(struct its_rules *rules, const char *path, struct diag *d)
{
	return load_rules_file(&rules->set, path, 0, d);
}

int its_ruleset_read(struct ruleset *set, xmlNodePtr rules, const char *file, struct diag *d)
{
	return load_rules_element(set, rules, file, 0, d);
}
