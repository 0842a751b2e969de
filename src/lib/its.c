/*
 * its: the data-category values of a document, from ITS 2.0 rules (read
 * by its-rules.c) and local markup.  See its.h.
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
 * read (its-rules.c).  Per document, each selector is evaluated once over
 * the whole document and marks the nodes it selects in an array indexed
 * by node number; one walk in document order then settles every value.
 * Pointers (locNotePointer, langPointer, idValue...) are evaluated only
 * for the nodes whose winning rule has one.
 */
#include <config.h>

#include "its.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "its-impl.h"
#include "mem.h"
#include "xmldoc.h"

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
			if (its_is_element(node, "rules")) {
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
                       const struct its_capture *cap, struct diag *d)
{
	if (xp->opLimit && xp->opCount >= xp->opLimit)
		diag_report(d, DIAG_ERROR, r->file, r->line, 0,
		            "the %s of its:%s takes more than the %lu XPath operations that the "
		            "rules may do on %s: not evaluated",
		            what, its_categories[r->category].rule, xp->opLimit,
		            xmldoc_name(xp->doc));
	else
		diag_report(d, DIAG_ERROR, r->file, r->line, 0,
		            "cannot evaluate the %s of its:%s: %s", what,
		            its_categories[r->category].rule,
		            cap->seen ? cap->message : "XPath error");
}

/* Evaluates R's pointer at NODE: a fresh string, or NULL if empty. */
static char *eval_pointer(struct its_doc *its, xmlXPathContextPtr xp, const struct rule *r,
                          xmlNodePtr node, struct diag *d)
{
	xmlXPathObjectPtr res;
	struct its_capture cap;
	xmlChar *s;
	char *out = NULL;

	/* Past the bound, said once: the next pointers are not tried. */
	if (xp->opLimit && xp->opCount >= xp->opLimit)
		return NULL;
	use_rule(xp, r, node);
	its_capture_start(&cap);
	res = xmlXPathCompiledEval(r->pointer, xp);
	its_capture_stop(&cap);
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

/* Where each local attribute goes: those of the xml: namespace, then ITS's. */
struct local_attr {
	const char *name;
	size_t offset; /* of its field in struct local */
};

static const struct local_attr xml_attrs[] = {
	{ "space", offsetof(struct local, space) },
	{ "lang", offsetof(struct local, lang) },
	{ "id", offsetof(struct local, id) },
	{ NULL, 0 },
};

static const struct local_attr its_attrs[] = {
	{ "translate", offsetof(struct local, translate) },
	{ "locNote", offsetof(struct local, note) },
	{ "locNoteRef", offsetof(struct local, note_ref) },
	{ "locNoteType", offsetof(struct local, note_type) },
	{ "withinText", offsetof(struct local, within) },
	{ "localeFilterList", offsetof(struct local, filter_list) },
	{ "localeFilterType", offsetof(struct local, filter_type) },
	{ "term", offsetof(struct local, term) },
	{ "termInfoRef", offsetof(struct local, term_info) },
	{ NULL, 0 },
};

static void read_local(xmlNodePtr el, struct local *l)
{
	/* On its:span, local ITS attributes have no prefix (§6.1); on the
	 * other ITS elements unprefixed attributes are rule parameters. */
	int span = its_is_element(el, "span");
	xmlAttrPtr a;

	memset(l, 0, sizeof *l);
	for (a = el->properties; a; a = a->next) {
		const xmlChar *v =
		    a->children && a->children->type == XML_TEXT_NODE && !a->children->next
		        ? a->children->content
		        : NULL;
		const struct local_attr *k = NULL;

		if (!v)
			continue; /* entity references in an ITS attribute: not ours */
		if (a->ns && xmlStrEqual(a->ns->href, XML_XML_NAMESPACE))
			k = xml_attrs;
		else if (a->ns ? xmlStrEqual(a->ns->href, BAD_CAST ITS_NS) : span)
			k = its_attrs;
		while (k && k->name && !xmlStrEqual(a->name, BAD_CAST k->name))
			k++;
		if (k && k->name)
			*(const xmlChar **)(void *)((char *)l + k->offset) = v;
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
		struct its_capture cap;

		use_rule(xp, r, (xmlNodePtr)its->doc);
		its_capture_start(&cap);
		res = xmlXPathCompiledEval(r->selector, xp);
		its_capture_stop(&cap);
		if (!res) {
			eval_error(xp, r, "selector", &cap, d);
			return -1;
		}
		if (res->type != XPATH_NODESET) {
			xmlXPathFreeObject(res);
			return diag_error(
			    d, r->file, r->line, 0,
			    "cannot evaluate the selector of its:%s: the selector does "
			    "not select nodes",
			    its_categories[r->category].rule);
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
	unsigned long mark = diag_mark(d);

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
		if (l.translate && (k = its_one_of((const char *)l.translate, its_yes_no)) >= 0)
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
			v->note = keep(its, its_normalize_space(xstrdup(
			                        (const char *)(l.note ? l.note : l.note_ref))));
			k = l.note_type ? its_one_of((const char *)l.note_type, its_note_types) : 0;
			v->note_type = its_note_types[k < 0 ? 0 : k];
		} else if (w[ITS_LOCNOTE]) {
			const struct rule *r = w[ITS_LOCNOTE];

			v->note_is_ref = r->is_ref;
			v->note_type = r->note_type;
			if (r->pointer) {
				char *s = eval_pointer(its, xp, r, node, d);

				v->note = keep(its, r->is_ref ? s : its_normalize_space(s));
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
			if (l.within &&
			    (k = its_one_of((const char *)l.within, its_within_values)) >= 0)
				v->within = (unsigned)k;
			else if (w[ITS_WITHIN_TEXT])
				v->within = w[ITS_WITHIN_TEXT]->value;
		}

		/* Preserve Space: inherited, attributes included (§8.11). */
		if (l.space && (k = its_one_of((const char *)l.space, its_space_values)) >= 0)
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
		if (l.term && (k = its_one_of((const char *)l.term, its_yes_no)) >= 0) {
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
	return diag_failed_since(d, mark) ? -1 : 0;
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
		rc = its_ruleset_read(&its->own, embedded[i], xmldoc_name(doc), d);
	free(embedded);
	if (rc != 0) {
		its_doc_free(its);
		return NULL;
	}

	its->values = xcalloc(its->count ? its->count : 1, sizeof *its->values);
	win = xcalloc(its->count * ITS_CATEGORY_COUNT + 1, sizeof *win);
	xp = xmlXPathNewContext(doc);
	if (!xp) {
		rc = diag_error(d, xmldoc_name(doc), 0, 0, "cannot create an XPath context");
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
	its_ruleset_release(&its->own);
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
	return its_is_element(element, NULL) && !xmlStrEqual(element->name, BAD_CAST "span");
}

/* --- The W3C test-suite report ---------------------------------------------- */

int its_category_parse(const char *name, enum its_category *cat)
{
	int i;

	for (i = 0; i < ITS_CATEGORY_COUNT; i++)
		if (strcmp(name, its_categories[i].suite) == 0) {
			*cat = (enum its_category)i;
			return 0;
		}
	return -1;
}

static void add_qname(struct buf *out, xmlNodePtr node)
{
	xmlChar *qname = xmlBuildQName(node->name, node->ns ? node->ns->prefix : NULL, NULL, 0);

	buf_adds(out, (const char *)qname);
	if (qname != node->name)
		xmlFree(qname);
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
			buf_addf(out, "\twithinText=\"%s\"", its_within_values[v->within]);
		break;
	case ITS_PRESERVE_SPACE:
		buf_addf(out, "\tspace=\"%s\"", its_space_values[v->preserve]);
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
