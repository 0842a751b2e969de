/*
 * its: ITS 2.0 rules and data-category values.  See its.h.
 *
 * How values are computed (ITS 2.0 §5.5, precedence): for each node and
 * each category, local markup on the node wins; else the last global rule
 * whose selector selects the node; else, for categories that inherit, the
 * parent's value; else the default.  Global rules are applied in order:
 * the --its files, then each its:rules element of the document in
 * document order, a linked file (xlink:href) before the rules written
 * inside the element that links it (§5.3.3).
 *
 * Speed: every selector and pointer is compiled once, when its rules are
 * read.  Per document, each selector is evaluated once over the whole
 * document and marks the nodes it selects in an array indexed by node
 * number; one walk in document order then settles every value.  Pointers
 * (locNotePointer, langPointer, idValue...) are evaluated only for the
 * nodes whose winning rule has one.
 */
#include <config.h>

#include "its.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "file.h"
#include "mem.h"
#include "xmldoc.h"

#define XLINK_NS "http://www.w3.org/1999/xlink"

/* Linked rule files may link further; this many levels at most. */
#define MAX_LINK_DEPTH 8

/*
 * The work all selectors and pointers may do on one document, in
 * libxml2's XPath operations (xmlXPathContext.opLimit): a base, and as
 * much again per node.  A selector that visits every node a few times
 * costs a few operations per node; one that counts the whole document
 * for each node of each node of it would keep an 11 KB article busy for
 * minutes, and is stopped within a second.
 */
#define XPATH_OPS_BASE 50000000UL
#define XPATH_OPS_PER_NODE 2000UL

/* --- Rules ------------------------------------------------------------------ */

/* The its:param values declared in one its:rules element (§5.3.5). */
struct scope {
	char **names;
	char **values;
	size_t count;
};

struct rule {
	enum its_category category;
	xmlXPathCompExprPtr selector;
	/* locNotePointer, locNoteRefPointer, langPointer or idValue. */
	xmlXPathCompExprPtr pointer;
	unsigned char value; /* translate yes=1; withinText; space preserve=1; filter exclude=1 */
	unsigned char is_ref; /* locNoteRef or locNoteRefPointer */
	char *text; /* locNote or locNoteRef text; localeFilterList */
	const char *note_type; /* static "description" or "alert" */
	xmlNsPtr *ns; /* namespaces in scope on the rule element (xmlFree) */
	int ns_count;
	const struct scope *scope;
	/* A langRule whose pointer is one attribute of the element ("@lang"):
	 * its name and namespace (NULL: none), where a language is written. */
	char *lang_attr, *lang_attr_ns;
	const char *file; /* owned by the rule set's file list */
	long line;
};

/* Rules in application order, and everything they point into. */
struct ruleset {
	struct rule **rules;
	size_t count, alloc;
	xmlDocPtr *docs; /* linked or loaded rule files, kept for the namespaces */
	size_t ndocs, docs_alloc;
	struct scope **scopes;
	size_t nscopes, scopes_alloc;
	char **files;
	size_t nfiles, files_alloc;
};

struct its_rules {
	struct ruleset set;
};

/* One node's values. */
struct value {
	unsigned translate : 1;
	unsigned preserve : 1;
	unsigned within : 2;
	unsigned note_is_ref : 1;
	unsigned filter_exclude : 1;
	unsigned term : 1;
	const char *note;
	const char *term_info; /* termInfoRef */
	const char *note_type;
	const char *lang;
	const struct rule *lang_rule; /* the langRule that selects the node */
	const char *id;
	const char *filter;
};

struct its_doc {
	xmlDocPtr doc;
	xmlNodePtr *nodes; /* element and attribute nodes, document order */
	size_t count, alloc;
	struct value *values;
	struct ruleset own; /* the document's embedded and linked rules */
	char **strings; /* values computed here */
	size_t nstrings, strings_alloc;
};

/* Frees R, whole or read only in part (a rule that failed half-way). */
static void rule_free(struct rule *r)
{
	if (r->selector)
		xmlXPathFreeCompExpr(r->selector);
	if (r->pointer)
		xmlXPathFreeCompExpr(r->pointer);
	free(r->text);
	free(r->lang_attr);
	free(r->lang_attr_ns);
	xmlFree(r->ns);
	free(r);
}

static void ruleset_release(struct ruleset *set)
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

/* The first libxml2 error raised while a capture is active. */
struct capture {
	char message[256];
	int offset; /* in an XPath expression, or -1 */
	int seen;
};

static void capture_error(void *data, xmlErrorPtr err)
{
	struct capture *c = data;
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
	struct capture *c = data;
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

static void capture_start(struct capture *c)
{
	c->seen = 0;
	c->offset = -1;
	c->message[0] = '\0';
	xmlSetStructuredErrorFunc(c, capture_error);
	xmlSetGenericErrorFunc(c, capture_generic);
}

static void capture_stop(void)
{
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
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

/* --- Loading rules ---------------------------------------------------------- */

static int is_its(xmlNodePtr node, const char *name)
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
	struct capture cap;
	xmlXPathCompExprPtr comp;
	char prefix[64];
	int at;

	capture_start(&cap);
	comp = xmlXPathCompile(BAD_CAST expr);
	capture_stop();
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

static const char *const category_rule[ITS_CATEGORY_COUNT] = {
	[ITS_TRANSLATE] = "translateRule",
	[ITS_LOCNOTE] = "locNoteRule",
	[ITS_WITHIN_TEXT] = "withinTextRule",
	[ITS_PRESERVE_SPACE] = "preserveSpaceRule",
	[ITS_LANG] = "langRule",
	[ITS_ID_VALUE] = "idValueRule",
	[ITS_LOCALE_FILTER] = "localeFilterRule",
	[ITS_TERMINOLOGY] = "termRule",
};

/* Which of VALUES (NULL-terminated) S is: its index, or -1. */
static int one_of(const char *s, const char *const *values)
{
	int i;

	for (i = 0; s && values[i]; i++)
		if (strcmp(s, values[i]) == 0)
			return i;
	return -1;
}

static const char *const yes_no[] = { "no", "yes", NULL };
static const char *const within_values[] = { "no", "yes", "nested", NULL };
static const char *const space_values[] = { "default", "preserve", NULL };
static const char *const filter_types[] = { "include", "exclude", NULL };
static const char *const note_types[] = { "description", "alert", NULL };

/* Collapses XML whitespace runs to one space and trims the ends, in place. */
static char *normalize_space(char *s)
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
		if (xmlStrEqual(el->name, BAD_CAST category_rule[cat]))
			break;
	if (cat == ITS_CATEGORY_COUNT)
		return NULL; /* a category traduki does not use: ignored */

	selector = rule_attr(el, "selector");
	if (!selector) {
		rule_error(d, file, el, NULL, 0, "its:%s without a selector", category_rule[cat]);
		*failed = 1;
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	r->category = cat;
	r->scope = scope;
	r->file = file;
	r->line = xmlGetLineNo(el);
	r->note_type = note_types[0];
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
		const char *const *values = cat == ITS_TRANSLATE     ? yes_no
		                            : cat == ITS_WITHIN_TEXT ? within_values
		                                                     : space_values;

		v = rule_attr(el, name);
		k = one_of(v, values);
		if (k < 0) {
			rule_error(d, file, el, v ? name : NULL, 0, "its:%s: bad or missing %s",
			           category_rule[cat], name);
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
			k = one_of(v, note_types);
			if (k < 0) {
				rule_error(d, file, el, "locNoteType", 0,
				           "its:locNoteRule: bad locNoteType '%s'", v);
				goto fail;
			}
			r->note_type = note_types[k];
			xmlFree(v);
			v = NULL;
		}
		for (c = el->children; c; c = c->next)
			if (is_its(c, "locNote")) {
				char *t = (char *)xmlNodeGetContent(c);

				free(r->text); /* two notes are an error, reported below */
				r->text = normalize_space(xstrdup(t ? t : ""));
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
		k = one_of(v, yes_no);
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

		k = type ? one_of(type, filter_types) : 0;
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
			rule_error(d, file, el, NULL, 0, "its:%s without %s", category_rule[cat],
			           pointer_attr);
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

/* The path of HREF (from an xlink:href) relative to the file BASE. */
static char *resolve_href(const char *href, const char *base)
{
	const char *slash = strrchr(base, '/');
	char *out;

	if (href[0] == '/' || !slash)
		return xstrdup(href);
	out = xmalloc((size_t)(slash - base) + strlen(href) + 2);
	memcpy(out, base, (size_t)(slash - base) + 1);
	strcpy(out + (slash - base) + 1, href);
	return out;
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
		xmlFree(href);
		rc = load_rules_file(set, path, depth + 1, d);
		free(path);
		if (rc != 0)
			return -1;
	}

	scope = xcalloc(1, sizeof *scope);
	xgrow((void **)&set->scopes, &set->scopes_alloc, set->nscopes + 1, sizeof *set->scopes);
	set->scopes[set->nscopes++] = scope;
	for (c = el->children; c; c = c->next) {
		struct rule *r;

		if (!is_its(c, NULL))
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
	if (!is_its(root, "rules")) {
		long line = root ? xmlGetLineNo(root) : 0, col = 0;

		if (root) {
			char needle[128];

			snprintf(needle, sizeof needle, "<%s%s%s",
			         root->ns && root->ns->prefix ? (const char *)root->ns->prefix : "",
			         root->ns && root->ns->prefix ? ":" : "", (const char *)root->name);
			xmldoc_locate(file, &line, &col, needle, 0);
		}
		diag_report(d, DIAG_ERROR, file, line, col,
		            "not an ITS rules file: the root element is '%s', not its:rules in "
		            "namespace %s",
		            root ? (const char *)root->name : "", ITS_NS);
		return -1;
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
	ruleset_release(&rules->set);
	free(rules);
}

int its_rules_load(struct its_rules *rules, const char *path, struct diag *d)
{
	return load_rules_file(&rules->set, path, 0, d);
}

size_t its_rules_count(const struct its_rules *rules)
{
	return rules->set.count;
}

/* --- Per document ----------------------------------------------------------- */

static size_t node_index(xmlNodePtr node)
{
	return node ? (size_t)(uintptr_t)node->_private : 0;
}

static const char *keep(struct its_doc *its, char *s)
{
	if (!s)
		return NULL;
	xgrow((void **)&its->strings, &its->strings_alloc, its->nstrings + 1, sizeof *its->strings);
	its->strings[its->nstrings++] = s;
	return s;
}

static void add_node(struct its_doc *its, xmlNodePtr node)
{
	xgrow((void **)&its->nodes, &its->alloc, its->count + 1, sizeof *its->nodes);
	its->nodes[its->count++] = node;
	node->_private = (void *)(uintptr_t)its->count; /* 1-based: 0 is "unknown" */
}

/*
 * Numbers the elements and attributes in document order (an element, its
 * attributes, then its children) and lists the its:rules elements.
 * Entity content is shared between references and is not numbered.
 */
static void number_nodes(struct its_doc *its, xmlNodePtr root, xmlNodePtr **rules, size_t *nrules)
{
	size_t alloc = 0;
	xmlNodePtr node = root;

	*rules = NULL;
	*nrules = 0;
	while (node) {
		if (node->type == XML_ELEMENT_NODE) {
			xmlAttrPtr a;

			add_node(its, node);
			for (a = node->properties; a; a = a->next)
				add_node(its, (xmlNodePtr)a);
			if (is_its(node, "rules")) {
				xgrow((void **)rules, &alloc, *nrules + 1, sizeof **rules);
				(*rules)[(*nrules)++] = node;
			}
			if (node->children) {
				node = node->children;
				continue;
			}
		}
		while (node && node != root && !node->next)
			node = node->parent;
		if (!node || node == root)
			break;
		node = node->next;
	}
}

static xmlXPathObjectPtr lookup_param(void *data, const xmlChar *name, const xmlChar *ns_uri)
{
	const struct scope *scope = data;
	size_t i;

	if (!scope || ns_uri)
		return NULL;
	for (i = 0; i < scope->count; i++)
		if (strcmp(scope->names[i], (const char *)name) == 0)
			return xmlXPathNewString(BAD_CAST scope->values[i]);
	return NULL;
}

static void use_rule(xmlXPathContextPtr xp, const struct rule *r, xmlNodePtr context)
{
	xp->node = context;
	xp->namespaces = r->ns;
	xp->nsNr = r->ns_count;
	xp->varLookupData = (void *)r->scope;
}

/*
 * Reports that R's selector or pointer (WHAT) could not be evaluated on
 * the document of XP, at the rule's line: a libxml2 error, or the bound
 * on the work of the rules (XPATH_OPS_BASE) reached.
 */
static void eval_error(xmlXPathContextPtr xp, const struct rule *r, const char *what,
                       const struct capture *cap, struct diag *d)
{
	if (xp->opLimit && xp->opCount >= xp->opLimit)
		diag_report(d, DIAG_ERROR, r->file, r->line, 0,
		            "the %s of its:%s takes more than the %lu XPath operations that the "
		            "rules may do on %s: not evaluated",
		            what, category_rule[r->category], xp->opLimit, xmldoc_name(xp->doc));
	else
		diag_report(d, DIAG_ERROR, r->file, r->line, 0,
		            "cannot evaluate the %s of its:%s: %s", what,
		            category_rule[r->category], cap->seen ? cap->message : "XPath error");
}

/* Evaluates R's pointer at NODE: a fresh string, or NULL if empty. */
static char *eval_pointer(struct its_doc *its, xmlXPathContextPtr xp, const struct rule *r,
                          xmlNodePtr node, struct diag *d)
{
	xmlXPathObjectPtr res;
	struct capture cap;
	xmlChar *s;
	char *out = NULL;

	/* Past the bound, said once: the next pointers are not tried. */
	if (xp->opLimit && xp->opCount >= xp->opLimit)
		return NULL;
	use_rule(xp, r, node);
	capture_start(&cap);
	res = xmlXPathCompiledEval(r->pointer, xp);
	capture_stop();
	if (!res) {
		eval_error(xp, r, "pointer", &cap, d);
		return NULL;
	}
	s = xmlXPathCastToString(res);
	xmlXPathFreeObject(res);
	if (s && *s)
		out = xstrdup((const char *)s);
	xmlFree(s);
	(void)its;
	return out;
}

/* Local ITS markup on one element (ITS 2.0 §6 and the xml: attributes). */
struct local {
	const xmlChar *translate, *note, *note_ref, *note_type, *within, *space, *lang, *id,
	    *filter_list, *filter_type, *term, *term_info;
};

static void read_local(xmlNodePtr el, struct local *l)
{
	/* On its:span, local ITS attributes have no prefix (§6.1); on the
	 * other ITS elements unprefixed attributes are rule parameters. */
	int span = is_its(el, "span");
	xmlAttrPtr a;

	memset(l, 0, sizeof *l);
	for (a = el->properties; a; a = a->next) {
		const xmlChar *v =
		    a->children && a->children->type == XML_TEXT_NODE && !a->children->next
		        ? a->children->content
		        : NULL;
		const char *name = (const char *)a->name;
		int its_attr;

		if (!v)
			continue; /* entity references in an ITS attribute: not ours */
		if (a->ns && xmlStrEqual(a->ns->href, XML_XML_NAMESPACE)) {
			if (strcmp(name, "space") == 0)
				l->space = v;
			else if (strcmp(name, "lang") == 0)
				l->lang = v;
			else if (strcmp(name, "id") == 0)
				l->id = v;
			continue;
		}
		its_attr = a->ns ? xmlStrEqual(a->ns->href, BAD_CAST ITS_NS) : span;
		if (!its_attr)
			continue;
		if (strcmp(name, "translate") == 0)
			l->translate = v;
		else if (strcmp(name, "locNote") == 0)
			l->note = v;
		else if (strcmp(name, "locNoteRef") == 0)
			l->note_ref = v;
		else if (strcmp(name, "locNoteType") == 0)
			l->note_type = v;
		else if (strcmp(name, "withinText") == 0)
			l->within = v;
		else if (strcmp(name, "localeFilterList") == 0)
			l->filter_list = v;
		else if (strcmp(name, "localeFilterType") == 0)
			l->filter_type = v;
		else if (strcmp(name, "term") == 0)
			l->term = v;
		else if (strcmp(name, "termInfoRef") == 0)
			l->term_info = v;
	}
}

/* Applies the rules of SET to the document: marks the winner per node and category. */
static int apply_rules(struct its_doc *its, const struct ruleset *set, xmlXPathContextPtr xp,
                       const struct rule **win, struct diag *d)
{
	size_t i;
	int k;

	for (i = 0; i < set->count; i++) {
		const struct rule *r = set->rules[i];
		xmlXPathObjectPtr res;
		struct capture cap;

		use_rule(xp, r, (xmlNodePtr)its->doc);
		capture_start(&cap);
		res = xmlXPathCompiledEval(r->selector, xp);
		capture_stop();
		if (!res) {
			eval_error(xp, r, "selector", &cap, d);
			return -1;
		}
		if (res->type != XPATH_NODESET) {
			diag_report(d, DIAG_ERROR, r->file, r->line, 0,
			            "cannot evaluate the selector of its:%s: the selector does not "
			            "select nodes",
			            category_rule[r->category]);
			xmlXPathFreeObject(res);
			return -1;
		}
		for (k = 0; res->nodesetval && k < res->nodesetval->nodeNr; k++) {
			xmlNodePtr n = res->nodesetval->nodeTab[k];
			size_t idx;

			if (n->type != XML_ELEMENT_NODE && n->type != XML_ATTRIBUTE_NODE)
				continue;
			idx = node_index(n);
			if (idx && idx <= its->count && its->nodes[idx - 1] == n)
				win[(idx - 1) * ITS_CATEGORY_COUNT + r->category] = r;
		}
		xmlXPathFreeObject(res);
	}
	return 0;
}

/* Settles every value, parents before children (ITS 2.0 §5.5). */
static int settle(struct its_doc *its, xmlXPathContextPtr xp, const struct rule **win,
                  struct diag *d)
{
	size_t i;
	unsigned long errors = diag_count(d, DIAG_ERROR);

	for (i = 0; i < its->count; i++) {
		xmlNodePtr node = its->nodes[i];
		struct value *v = &its->values[i];
		const struct rule **w = &win[i * ITS_CATEGORY_COUNT];
		const struct value *up = NULL;
		struct local l;
		int k;

		if (node->type == XML_ATTRIBUTE_NODE) {
			up = &its->values[node_index(node->parent) - 1];
			memset(&l, 0, sizeof l);
		} else {
			if (node->parent && node->parent->type == XML_ELEMENT_NODE)
				up = &its->values[node_index(node->parent) - 1];
			read_local(node, &l);
		}

		/* Translate: elements inherit, attributes default to no (§8.2). */
		if (l.translate && (k = one_of((const char *)l.translate, yes_no)) >= 0)
			v->translate = (unsigned)k;
		else if (w[ITS_TRANSLATE])
			v->translate = w[ITS_TRANSLATE]->value;
		else
			v->translate = node->type == XML_ATTRIBUTE_NODE ? 0
			               : up                             ? up->translate
			                                                : 1;

		/* Localization Note: elements inherit, attributes do not (§8.3). */
		if (l.note || l.note_ref) {
			v->note_is_ref = !l.note;
			v->note = keep(its, normalize_space(xstrdup(
			                        (const char *)(l.note ? l.note : l.note_ref))));
			k = l.note_type ? one_of((const char *)l.note_type, note_types) : 0;
			v->note_type = note_types[k < 0 ? 0 : k];
		} else if (w[ITS_LOCNOTE]) {
			const struct rule *r = w[ITS_LOCNOTE];

			v->note_is_ref = r->is_ref;
			v->note_type = r->note_type;
			if (r->pointer) {
				char *s = eval_pointer(its, xp, r, node, d);

				v->note = keep(its, r->is_ref ? s : normalize_space(s));
			} else {
				v->note = r->text;
			}
		} else if (up && node->type == XML_ELEMENT_NODE) {
			v->note = up->note;
			v->note_is_ref = up->note_is_ref;
			v->note_type = up->note_type;
		}

		/* Elements Within Text: not inherited (§8.7). */
		if (node->type == XML_ELEMENT_NODE) {
			if (l.within && (k = one_of((const char *)l.within, within_values)) >= 0)
				v->within = (unsigned)k;
			else if (w[ITS_WITHIN_TEXT])
				v->within = w[ITS_WITHIN_TEXT]->value;
		}

		/* Preserve Space: inherited, attributes included (§8.11). */
		if (l.space && (k = one_of((const char *)l.space, space_values)) >= 0)
			v->preserve = (unsigned)k;
		else if (w[ITS_PRESERVE_SPACE])
			v->preserve = w[ITS_PRESERVE_SPACE]->value;
		else if (up)
			v->preserve = up->preserve;

		/* Language Information: inherited, attributes included (§8.8). */
		v->lang_rule = w[ITS_LANG];
		if (l.lang)
			v->lang = (const char *)l.lang;
		else if (w[ITS_LANG])
			v->lang = keep(its, eval_pointer(its, xp, w[ITS_LANG], node, d));
		/* A rule that selects every element of a vocabulary points
		 * at an attribute most of them lack: they inherit. */
		if (!v->lang && up)
			v->lang = up->lang;

		/* Id Value: never inherited (§8.15). */
		if (l.id)
			v->id = (const char *)l.id;
		else if (w[ITS_ID_VALUE])
			v->id = keep(its, eval_pointer(its, xp, w[ITS_ID_VALUE], node, d));

		/* Terminology: not inherited (§8.4). */
		if (l.term && (k = one_of((const char *)l.term, yes_no)) >= 0) {
			v->term = (unsigned)k;
			v->term_info = (const char *)l.term_info;
		} else if (w[ITS_TERMINOLOGY]) {
			v->term = w[ITS_TERMINOLOGY]->value;
			v->term_info = w[ITS_TERMINOLOGY]->text;
		}

		/* Locale Filter: inherited, attributes included (§8.10). */
		if (l.filter_list) {
			v->filter = (const char *)l.filter_list;
			v->filter_exclude =
			    l.filter_type && strcmp((const char *)l.filter_type, "exclude") == 0;
		} else if (w[ITS_LOCALE_FILTER]) {
			v->filter = w[ITS_LOCALE_FILTER]->text;
			v->filter_exclude = w[ITS_LOCALE_FILTER]->value;
		} else if (up) {
			v->filter = up->filter;
			v->filter_exclude = up->filter_exclude;
		} else {
			v->filter = "*";
		}
	}
	return diag_count(d, DIAG_ERROR) == errors ? 0 : -1;
}

struct its_doc *its_doc_new(const struct its_rules *rules, xmlDocPtr doc, struct diag *d)
{
	struct its_doc *its = xcalloc(1, sizeof *its);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr *embedded;
	size_t nembedded, i;
	const struct rule **win;
	xmlXPathContextPtr xp;
	int rc = 0;

	its->doc = doc;
	if (!root)
		return its;
	number_nodes(its, root, &embedded, &nembedded);
	for (i = 0; i < nembedded && rc == 0; i++)
		rc = load_rules_element(&its->own, embedded[i], xmldoc_name(doc), 0, d);
	free(embedded);
	if (rc != 0) {
		its_doc_free(its);
		return NULL;
	}

	its->values = xcalloc(its->count ? its->count : 1, sizeof *its->values);
	win = xcalloc(its->count * ITS_CATEGORY_COUNT + 1, sizeof *win);
	xp = xmlXPathNewContext(doc);
	if (!xp) {
		diag_report(d, DIAG_ERROR, xmldoc_name(doc), 0, 0,
		            "cannot create an XPath context");
		rc = -1;
	} else {
		xmlXPathRegisterVariableLookup(xp, lookup_param, NULL);
		xp->opLimit = XPATH_OPS_BASE + XPATH_OPS_PER_NODE * its->count;
		xp->opCount = 0;
		if (rules)
			rc = apply_rules(its, &rules->set, xp, win, d);
		if (rc == 0)
			rc = apply_rules(its, &its->own, xp, win, d);
		if (rc == 0)
			rc = settle(its, xp, win, d);
		xp->namespaces = NULL;
		xp->nsNr = 0;
		xmlXPathFreeContext(xp);
	}
	free(win);
	if (rc != 0) {
		its_doc_free(its);
		return NULL;
	}
	return its;
}

void its_doc_free(struct its_doc *its)
{
	size_t i;

	if (!its)
		return;
	/* The nodes' _private numbers are left: the document may have been
	 * changed (segment_apply frees nodes) or freed already.  value_of
	 * checks a number against the table before trusting it. */
	free(its->nodes);
	free(its->values);
	for (i = 0; i < its->nstrings; i++)
		free(its->strings[i]);
	free(its->strings);
	ruleset_release(&its->own);
	free(its);
}

/* --- Getters ---------------------------------------------------------------- */

static const struct value *value_of(const struct its_doc *its, xmlNodePtr node)
{
	size_t idx = node_index(node);

	if (idx && idx <= its->count && its->nodes[idx - 1] == node)
		return &its->values[idx - 1];
	return NULL;
}

int its_translate(const struct its_doc *its, xmlNodePtr node)
{
	const struct value *v = value_of(its, node);

	return v ? v->translate : node->type != XML_ATTRIBUTE_NODE;
}

enum its_within its_within_text(const struct its_doc *its, xmlNodePtr node)
{
	const struct value *v = value_of(its, node);

	return v ? (enum its_within)v->within : ITS_WITHIN_NO;
}

int its_preserve_space(const struct its_doc *its, xmlNodePtr node)
{
	const struct value *v = value_of(its, node);

	return v ? v->preserve : 0;
}

const char *its_note(const struct its_doc *its, xmlNodePtr node, int *is_ref, const char **type)
{
	const struct value *v = value_of(its, node);

	if (is_ref)
		*is_ref = v ? v->note_is_ref : 0;
	if (type)
		*type = v && v->note ? v->note_type : NULL;
	return v ? v->note : NULL;
}

const char *its_lang(const struct its_doc *its, xmlNodePtr node)
{
	const struct value *v = value_of(its, node);

	return v ? v->lang : NULL;
}

int its_lang_attribute(const struct its_doc *its, xmlNodePtr node, const char **ns_href,
                       const char **name)
{
	const struct value *v = value_of(its, node);
	const struct rule *r = v ? v->lang_rule : NULL;

	if (!r || !r->lang_attr) {
		*ns_href = (const char *)XML_XML_NAMESPACE;
		*name = "lang";
		return 0;
	}
	*ns_href = r->lang_attr_ns;
	*name = r->lang_attr;
	return 1;
}

const char *its_id_value(const struct its_doc *its, xmlNodePtr node)
{
	const struct value *v = value_of(its, node);

	return v ? v->id : NULL;
}

int its_term(const struct its_doc *its, xmlNodePtr node, const char **info)
{
	const struct value *v = value_of(its, node);

	if (info)
		*info = v && v->term ? v->term_info : NULL;
	return v ? v->term : 0;
}

const char *its_locale_filter(const struct its_doc *its, xmlNodePtr node, int *exclude)
{
	const struct value *v = value_of(its, node);

	if (exclude)
		*exclude = v ? v->filter_exclude : 0;
	return v ? v->filter : "*";
}

/* The length of the subtag at P (up to '-', '_', or the end of the range at END). */
static size_t subtag_len(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && *q != '-' && *q != '_')
		q++;
	return (size_t)(q - p);
}

static int same_subtag(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* Goes past the subtag of length N at *P and the separator after it. */
static void next_subtag(const char **p, size_t n, const char *end)
{
	*p += n;
	if (*p < end)
		(*p)++;
}

/* RFC 4647 §3.3.2, extended filtering: the range [R, REND) against TAG. */
static int range_matches(const char *r, const char *rend, const char *tag)
{
	const char *t = tag, *tend = tag + strlen(tag);
	size_t nr = subtag_len(r, rend), nt = subtag_len(t, tend);

	if (!(nr == 1 && *r == '*') && !same_subtag(r, nr, t, nt))
		return 0;
	next_subtag(&r, nr, rend);
	next_subtag(&t, nt, tend);
	while (r < rend) {
		nr = subtag_len(r, rend);
		nt = subtag_len(t, tend);
		if (nr == 1 && *r == '*') {
			next_subtag(&r, nr, rend);
		} else if (t >= tend) {
			return 0;
		} else if (same_subtag(r, nr, t, nt)) {
			next_subtag(&r, nr, rend);
			next_subtag(&t, nt, tend);
		} else if (nt == 1) {
			return 0; /* a singleton ends what a range may skip */
		} else {
			next_subtag(&t, nt, tend);
		}
	}
	return 1;
}

int its_locale_admits(const struct its_doc *its, xmlNodePtr node, const char *lang)
{
	int exclude, found = 0;
	const char *p = its_locale_filter(its, node, &exclude);

	while (*p && !found) {
		const char *end;

		while (*p == ',' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		end = p;
		while (*end && *end != ',' && *end != ' ' && *end != '\t' && *end != '\n' &&
		       *end != '\r')
			end++;
		if (end > p)
			found = range_matches(p, end, lang);
		p = end;
	}
	return exclude ? !found : found;
}

int its_is_markup(xmlNodePtr element)
{
	return is_its(element, NULL) && !xmlStrEqual(element->name, BAD_CAST "span");
}

/* --- The W3C test-suite report ---------------------------------------------- */

static const char *const category_names[ITS_CATEGORY_COUNT] = {
	[ITS_TRANSLATE] = "translate",
	[ITS_LOCNOTE] = "localizationnote",
	[ITS_WITHIN_TEXT] = "elementswithintext",
	[ITS_PRESERVE_SPACE] = "preservespace",
	[ITS_LANG] = "languageinformation",
	[ITS_ID_VALUE] = "idvalue",
	[ITS_LOCALE_FILTER] = "localefilter",
	[ITS_TERMINOLOGY] = "terminology",
};

int its_category_parse(const char *name, enum its_category *cat)
{
	int i;

	for (i = 0; i < ITS_CATEGORY_COUNT; i++)
		if (strcmp(name, category_names[i]) == 0) {
			*cat = (enum its_category)i;
			return 0;
		}
	return -1;
}

static void add_qname(struct buf *out, xmlNodePtr node)
{
	if (node->ns && node->ns->prefix) {
		buf_adds(out, (const char *)node->ns->prefix);
		buf_addc(out, ':');
	}
	buf_adds(out, (const char *)node->name);
}

static int same_qname(xmlNodePtr a, xmlNodePtr b)
{
	const xmlChar *pa = a->ns ? a->ns->prefix : NULL, *pb = b->ns ? b->ns->prefix : NULL;

	return xmlStrEqual(a->name, b->name) && xmlStrEqual(pa, pb);
}

static void report_values(const struct its_doc *its, enum its_category cat, xmlNodePtr node,
                          struct buf *out)
{
	const struct value *v = value_of(its, node);
	int element = node->type == XML_ELEMENT_NODE;

	if (!v)
		return;
	switch (cat) {
	case ITS_TRANSLATE:
		buf_addf(out, "\ttranslate=\"%s\"", v->translate ? "yes" : "no");
		break;
	case ITS_LOCNOTE:
		if (v->note)
			buf_addf(out, "\t%s=\"%s\"\tlocNoteType=\"%s\"",
			         v->note_is_ref ? "locNoteRef" : "locNote", v->note, v->note_type);
		break;
	case ITS_WITHIN_TEXT:
		if (element)
			buf_addf(out, "\twithinText=\"%s\"", within_values[v->within]);
		break;
	case ITS_PRESERVE_SPACE:
		buf_addf(out, "\tspace=\"%s\"", space_values[v->preserve]);
		break;
	case ITS_LANG:
		if (v->lang)
			buf_addf(out, "\tlang=\"%s\"", v->lang);
		break;
	case ITS_ID_VALUE:
		if (element && v->id)
			buf_addf(out, "\tidValue=\"%s\"", v->id);
		break;
	case ITS_LOCALE_FILTER:
		buf_addf(out, "\tlocaleFilterList=\"%s\"\tlocaleFilterType=\"%s\"", v->filter,
		         v->filter_exclude ? "exclude" : "include");
		break;
	case ITS_TERMINOLOGY:
		buf_addf(out, "\tterm=\"%s\"", v->term ? "yes" : "no");
		if (v->term && v->term_info)
			buf_addf(out, "\ttermInfoRef=\"%s\"", v->term_info);
		break;
	default:
		break;
	}
}

static int compare_attr_names(const void *a, const void *b)
{
	xmlNodePtr x = *(xmlNodePtr const *)a, y = *(xmlNodePtr const *)b;
	struct buf bx = BUF_INIT, by = BUF_INIT;
	int rc;

	add_qname(&bx, x);
	add_qname(&by, y);
	rc = strcmp(buf_str(&bx), buf_str(&by));
	buf_release(&bx);
	buf_release(&by);
	return rc;
}

static void report_element(const struct its_doc *its, enum its_category cat, xmlNodePtr el,
                           struct buf *path, struct buf *out)
{
	size_t len = path->len;
	xmlNodePtr attrs[64], *list = attrs, c;
	size_t n = 0, i;
	xmlAttrPtr a;

	buf_addc(path, '/');
	add_qname(path, el);
	if (el->parent && el->parent->type == XML_ELEMENT_NODE) {
		int pos = 1;

		for (c = el->prev; c; c = c->prev)
			if (c->type == XML_ELEMENT_NODE && same_qname(c, el))
				pos++;
		buf_addf(path, "[%d]", pos);
	}
	buf_add(out, buf_str(path), path->len);
	report_values(its, cat, el, out);
	buf_addc(out, '\n');

	for (a = el->properties; a; a = a->next)
		n++;
	if (n > sizeof attrs / sizeof attrs[0])
		list = xmalloc(n * sizeof *list);
	for (i = 0, a = el->properties; a; a = a->next)
		list[i++] = (xmlNodePtr)a;
	qsort(list, n, sizeof *list, compare_attr_names);
	for (i = 0; i < n; i++) {
		buf_add(out, buf_str(path), path->len);
		buf_adds(out, "/@");
		add_qname(out, list[i]);
		report_values(its, cat, list[i], out);
		buf_addc(out, '\n');
	}
	if (list != attrs)
		free(list);

	for (c = el->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			report_element(its, cat, c, path, out);
	buf_truncate(path, len);
}

void its_report(const struct its_doc *its, enum its_category category, struct buf *out)
{
	struct buf path = BUF_INIT;
	xmlNodePtr root = xmlDocGetRootElement(its->doc);

	if (root)
		report_element(its, category, root, &path, out);
	buf_release(&path);
}
