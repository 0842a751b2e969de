/*
 * rngexplain: RELAX NG errors an editor can act on.  See rngexplain.h.
 */
#include <config.h>

#include "rngexplain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#include "buf.h"
#include "mem.h"
#include "xmldoc.h"

#define RNG_NS "http://relaxng.org/ns/structure/1.0"
#define XSD_TYPES "http://www.w3.org/2001/XMLSchema-datatypes"
#define XML_NS_URI "http://www.w3.org/XML/1998/namespace"

/* The pattern of a slug, as schemas write it (content/article.rng). */
#define SLUG_PATTERN "[a-z0-9]+(-[a-z0-9]+)*"

/* How deep references may lead (a schema that refers to itself ends here). */
#define SCHEMA_DEPTH 40

void rngexplain_error_init(struct rngexplain_error *e, const void *err)
{
	const xmlError *x = err;

	memset(e, 0, sizeof *e);
	e->code = x->code;
	e->node = x->node;
	e->line = x->node ? xmlGetLineNo(x->node) : x->line;
	e->str1 = x->str1 ? xstrdup(x->str1) : NULL;
	e->str2 = x->str2 ? xstrdup(x->str2) : NULL;
	e->message = xstrdup(x->message ? x->message : "does not match the schema");
}

void rngexplain_error_release(struct rngexplain_error *e)
{
	free(e->str1);
	free(e->str2);
	free(e->message);
}

/* --- What the schema allows in an element -------------------------------------------- */

struct attr_def {
	char *name; /* "alt", "xml:lang" */
	xmlNodePtr pattern; /* its <attribute> in the schema */
	int required;
};

struct shape {
	int defined; /* the schema has an element of this name */
	struct buf children; /* " title summary body " in the schema's order */
	struct buf child_ns; /* " URI " of namespaces any element of which may be there */
	int any_element;
	int text;
	struct attr_def *attrs;
	size_t attr_count, attr_alloc;
	struct buf attr_ns; /* " URI " of namespaces any attribute of which may be there */
	int any_attr;
};

static void shape_release(struct shape *s)
{
	size_t i;

	buf_release(&s->children);
	buf_release(&s->child_ns);
	buf_release(&s->attr_ns);
	for (i = 0; i < s->attr_count; i++)
		free(s->attrs[i].name);
	free(s->attrs);
	memset(s, 0, sizeof *s);
}

static int is_rng(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
	       (!name || xmlStrEqual(n->name, BAD_CAST name));
}

/* The value of attribute NAME of N, spaces trimmed, freshly allocated, or NULL. */
static char *prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
	char *s, *end;

	if (!v)
		return NULL;
	s = (char *)v + strspn((char *)v, " \t\r\n");
	end = s + strlen(s);
	while (end > s && strchr(" \t\r\n", end[-1]))
		end--;
	s = xstrndup(s, (size_t)(end - s));
	xmlFree(v);
	return s;
}

/* 1 when the word-list LIST (" a b ") has WORD. */
static int listed(const struct buf *list, const char *word)
{
	const char *p = buf_str(list);
	size_t n = strlen(word);

	while ((p = strstr(p, word)) != NULL) {
		if (p > buf_str(list) && p[-1] == ' ' && p[n] == ' ')
			return 1;
		p++;
	}
	return 0;
}

static void list_add(struct buf *list, const char *word)
{
	if (!list->len)
		buf_addc(list, ' ');
	if (!listed(list, word)) {
		buf_adds(list, word);
		buf_addc(list, ' ');
	}
}

/* The name a pattern's name class gives (a name attribute, or a <name> child). */
static char *pattern_name(xmlNodePtr pattern)
{
	xmlNodePtr c;
	char *name = prop(pattern, "name");

	if (name)
		return name;
	for (c = pattern->children; c; c = c->next)
		if (is_rng(c, "name")) {
			xmlChar *t = xmlNodeGetContent(c);
			char *s = xstrdup(t ? (const char *)t : "");

			xmlFree(t);
			return s;
		}
	return NULL;
}

/* The namespace of a wildcard name class (<nsName ns="..."/>), "" for <anyName/>, or NULL. */
static char *wildcard(xmlNodePtr pattern)
{
	xmlNodePtr c;

	for (c = pattern->children; c; c = c->next) {
		if (is_rng(c, "anyName"))
			return xstrdup("");
		if (is_rng(c, "nsName")) {
			char *ns = prop(c, "ns");
			xmlNodePtr a;

			/* The ns attribute may be inherited. */
			for (a = c->parent; !ns && a && a->type == XML_ELEMENT_NODE; a = a->parent)
				ns = prop(a, "ns");
			return ns ? ns : xstrdup("");
		}
	}
	return NULL;
}

static void walk(xmlDocPtr schema, struct shape *s, xmlNodePtr pattern, int optional, int depth);

/* Walks every <define name="NAME"> of SCHEMA (a name may be defined in parts). */
static void walk_define(xmlDocPtr schema, struct shape *s, xmlNodePtr n, const char *name,
                        int optional, int depth)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_rng(n, "define")) {
			char *dn = prop(n, "name");

			if (dn && strcmp(dn, name) == 0)
				walk(schema, s, n, optional, depth + 1);
			free(dn);
		} else if (is_rng(n, "grammar") || is_rng(n, "div")) {
			walk_define(schema, s, n->children, name, optional, depth);
		}
	}
}

/* What PATTERN's children allow, into S; OPTIONAL: they may be left out. */
static void walk(xmlDocPtr schema, struct shape *s, xmlNodePtr pattern, int optional, int depth)
{
	xmlNodePtr c;

	if (depth > SCHEMA_DEPTH)
		return;
	for (c = pattern->children; c; c = c->next) {
		char *name, *ns;

		if (c->type != XML_ELEMENT_NODE || !is_rng(c, NULL))
			continue;
		if (is_rng(c, "element")) {
			if ((name = pattern_name(c)) != NULL) {
				const char *colon = strchr(name, ':');

				list_add(&s->children, colon ? colon + 1 : name);
				free(name);
			} else if ((ns = wildcard(c)) != NULL) {
				if (*ns)
					list_add(&s->child_ns, ns);
				else
					s->any_element = 1;
				free(ns);
			}
		} else if (is_rng(c, "attribute")) {
			if ((name = pattern_name(c)) != NULL) {
				struct attr_def *a;

				xgrow((void **)&s->attrs, &s->attr_alloc, s->attr_count + 1,
				      sizeof *s->attrs);
				a = &s->attrs[s->attr_count++];
				a->name = name;
				a->pattern = c;
				a->required = !optional;
			} else if ((ns = wildcard(c)) != NULL) {
				if (*ns)
					list_add(&s->attr_ns, ns);
				else
					s->any_attr = 1;
				free(ns);
			}
		} else if (is_rng(c, "text") || is_rng(c, "data") || is_rng(c, "value") ||
		           is_rng(c, "list")) {
			s->text = 1;
		} else if (is_rng(c, "mixed")) {
			s->text = 1;
			walk(schema, s, c, optional, depth + 1);
		} else if (is_rng(c, "optional") || is_rng(c, "zeroOrMore") ||
		           is_rng(c, "choice")) {
			walk(schema, s, c, 1, depth + 1);
		} else if (is_rng(c, "oneOrMore") || is_rng(c, "group") ||
		           is_rng(c, "interleave")) {
			walk(schema, s, c, optional, depth + 1);
		} else if (is_rng(c, "ref") || is_rng(c, "parentRef")) {
			if ((name = prop(c, "name")) != NULL) {
				walk_define(schema, s, xmlDocGetRootElement(schema), name, optional,
				            depth);
				free(name);
			}
		}
	}
}

/* Every <element> of the schema named NAME (its local name), walked into S. */
static void find_elements(xmlDocPtr schema, struct shape *s, xmlNodePtr n, const char *name)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_rng(n, "element")) {
			char *en = pattern_name(n);
			const char *local = en ? strchr(en, ':') : NULL;

			if (en && strcmp(local ? local + 1 : en, name) == 0) {
				s->defined = 1;
				walk(schema, s, n, 0, 0);
			}
			free(en);
		}
		find_elements(schema, s, n->children, name);
	}
}

static void shape_of(xmlDocPtr schema, xmlNodePtr element, struct shape *s)
{
	memset(s, 0, sizeof *s);
	find_elements(schema, s, xmlDocGetRootElement(schema), (const char *)element->name);
}

/* "a, abbr, em" from the word-list LIST, each as "<a>". */
static void names_text(const struct buf *list, struct buf *out)
{
	const char *p = buf_str(list);
	int first = 1;

	while (*p) {
		size_t n;

		p += strspn(p, " ");
		n = strcspn(p, " ");
		if (!n)
			break;
		buf_addf(out, "%s<%.*s>", first ? "" : ", ", (int)n, p);
		first = 0;
		p += n;
	}
}

/* --- The document against it ------------------------------------------------------------- */

/* What is wrong, where. */
struct fault {
	int found;
	xmlNodePtr node; /* the element at fault, or the one that holds it */
	char *attr; /* the attribute at fault, or NULL */
	struct buf text;
};

static void fault_set(struct fault *f, xmlNodePtr node, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void fault_set(struct fault *f, xmlNodePtr node, const char *attr, const char *fmt, ...)
{
	va_list ap;

	f->found = 1;
	f->node = node;
	free(f->attr);
	f->attr = attr ? xstrdup(attr) : NULL;
	buf_truncate(&f->text, 0);
	va_start(ap, fmt);
	buf_vaddf(&f->text, fmt, ap);
	va_end(ap);
}

/* The qualified name of attribute A as a schema writes it ("xml:lang", "alt"). */
static void attr_qname(xmlAttrPtr a, struct buf *out)
{
	buf_truncate(out, 0);
	if (a->ns && xmlStrEqual(a->ns->href, BAD_CAST XML_NS_URI))
		buf_adds(out, "xml:");
	else if (a->ns && a->ns->prefix)
		buf_addf(out, "%s:", (const char *)a->ns->prefix);
	buf_adds(out, (const char *)a->name);
}

static const struct attr_def *attr_of(const struct shape *s, const char *qname)
{
	size_t i;

	for (i = 0; i < s->attr_count; i++)
		if (strcmp(s->attrs[i].name, qname) == 0)
			return &s->attrs[i];
	return NULL;
}

static int leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Why VALUE is no xsd:date, in words, into OUT. */
static void date_reason(const char *value, struct buf *out)
{
	static const char *const months[] = { "January",   "February", "March",    "April",
		                              "May",       "June",     "July",     "August",
		                              "September", "October",  "November", "December" };
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, dd, n = 0;

	if (sscanf(value, "%4d-%2d-%2d%n", &y, &m, &dd, &n) == 3 && value[n] == '\0' &&
	    strlen(value) == 10) {
		if (m < 1 || m > 12) {
			buf_addf(out, "there is no month %d", m);
			return;
		}
		if (dd >= 1 && dd > days[m - 1] + (m == 2 && leap(y)))
			buf_addf(out, "%s %d has %d days", months[m - 1], y,
			         days[m - 1] + (m == 2 && leap(y)));
		else
			buf_adds(out, "not a day that exists");
		return;
	}
	buf_adds(out, "a date is written YYYY-MM-DD, as 2015-11-25");
}

/* 1 when VALUE passes the facet PARAM (a <param> of the schema). */
static int facet_ok(xmlNodePtr param, const char *value)
{
	char *name = prop(param, "name");
	xmlChar *arg = xmlNodeGetContent(param);
	const char *a = arg ? (const char *)arg : "";
	int ok = 1;

	if (!name) {
		xmlFree(arg);
		return 1;
	}
	if (strcmp(name, "pattern") == 0) {
		xmlRegexpPtr re = xmlRegexpCompile(BAD_CAST a);

		ok = !re || xmlRegexpExec(re, BAD_CAST value) == 1;
		xmlRegFreeRegexp(re);
	} else if (strcmp(name, "minLength") == 0) {
		ok = xmlUTF8Strlen(BAD_CAST value) >= atoi(a);
	} else if (strcmp(name, "maxLength") == 0) {
		ok = xmlUTF8Strlen(BAD_CAST value) <= atoi(a);
	} else if (strcmp(name, "minInclusive") == 0) {
		ok = strtod(value, NULL) >= strtod(a, NULL);
	} else if (strcmp(name, "maxInclusive") == 0) {
		ok = strtod(value, NULL) <= strtod(a, NULL);
	}
	free(name);
	xmlFree(arg);
	return ok;
}

/* Friendly names of the XML Schema types schemas use most. */
static const char *type_words(const char *type)
{
	static const struct {
		const char *type, *words;
	} names[] = {
		{ "positiveInteger", "a whole number above 0" },
		{ "nonNegativeInteger", "a whole number, 0 or more" },
		{ "integer", "a whole number" },
		{ "decimal", "a number" },
		{ "anyURI", "an address" },
		{ "language", "a language code (fr, en, nl-BE)" },
		{ "NCName", "a name without spaces or colons" },
		{ "boolean", "true or false" },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].type, type) == 0)
			return names[i].words;
	return NULL;
}

/* The datatype library in force at N (inherited), or "". */
static char *datatype_library(xmlNodePtr n)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		char *lib = prop(n, "datatypeLibrary");

		if (lib)
			return lib;
	}
	return xstrdup("");
}

/*
 * Checks VALUE of attribute QNAME of ELEMENT against its pattern DEF
 * (<data>, a <choice> of <value>s, <text>); a fault goes into F.
 */
static void check_value(const struct attr_def *def, xmlNodePtr element, const char *qname,
                        const char *value, struct fault *f)
{
	xmlNodePtr c;

	for (c = def->pattern->children; c; c = c->next) {
		if (is_rng(c, "data")) {
			char *type = prop(c, "type"), *lib = datatype_library(c);
			xmlSchemaTypePtr t = NULL;
			xmlNodePtr param;

			if (type && strcmp(lib, XSD_TYPES) == 0)
				t = xmlSchemaGetPredefinedType(BAD_CAST type, BAD_CAST
				                               "http://www.w3.org/2001/XMLSchema");
			if (t && xmlSchemaValPredefTypeNode(t, BAD_CAST value, NULL, NULL) != 0) {
				struct buf why = BUF_INIT;

				if (strcmp(type, "date") == 0)
					date_reason(value, &why);
				else if (type_words(type))
					buf_addf(&why, "it must be %s", type_words(type));
				else
					buf_addf(&why, "not a valid %s", type);
				fault_set(f, element, qname, "%s=\"%s\" on <%s>: %s", qname, value,
				          (const char *)element->name, buf_str(&why));
				buf_release(&why);
			}
			for (param = c->children; t && !f->found && param; param = param->next) {
				if (!is_rng(param, "param") || facet_ok(param, value))
					continue;
				if (!*value)
					fault_set(
					    f, element, qname, "%s on <%s> is empty%s", qname,
					    (const char *)element->name,
					    strcmp(qname, "alt") == 0
					        ? ": say what the picture shows, for those who "
					          "cannot see it"
					        : "");
				else {
					xmlChar *arg = xmlNodeGetContent(param);
					char *pname = prop(param, "name");

					/* The slug's pattern, said in words. */
					if (arg && strcmp((const char *)arg, SLUG_PATTERN) == 0)
						fault_set(
						    f, element, qname,
						    "%s=\"%s\" on <%s>: write it in lowercase "
						    "letters and digits, with a hyphen between "
						    "words (campagne-i-say-stop)",
						    qname, value, (const char *)element->name);
					else
						fault_set(
						    f, element, qname,
						    "%s=\"%s\" on <%s> does not have the form the "
						    "schema asks for (%s %s)",
						    qname, value, (const char *)element->name,
						    pname ? pname : "",
						    arg ? (const char *)arg : "");
					free(pname);
					xmlFree(arg);
				}
			}
			free(type);
			free(lib);
			return;
		}
		if (is_rng(c, "choice") || is_rng(c, "value")) {
			struct buf values = BUF_INIT;
			xmlNodePtr v = is_rng(c, "value") ? c : c->children;
			int ok = 0, n = 0;

			for (; v; v = is_rng(c, "value") ? NULL : v->next) {
				xmlChar *text;

				if (!is_rng(v, "value"))
					continue;
				text = xmlNodeGetContent(v);
				ok |= text && strcmp((const char *)text, value) == 0;
				buf_addf(&values, "%s\"%s\"", n++ ? " or " : "",
				         text ? (const char *)text : "");
				xmlFree(text);
			}
			if (n && !ok)
				fault_set(f, element, qname, "%s=\"%s\" on <%s>: it must be %s",
				          qname, value, (const char *)element->name,
				          buf_str(&values));
			buf_release(&values);
			return;
		}
	}
}

/* A better element for one the schema does not allow, when the schema allows it. */
static const char *instead_of(const char *name, const struct shape *s)
{
	static const char *const pairs[][2] = {
		{ "i", "em" },   { "b", "strong" },     { "u", "em" },
		{ "cite", "q" }, { "blockquote", "q" },
	};
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (strcmp(pairs[i][0], name) == 0 && listed(&s->children, pairs[i][1]))
			return pairs[i][1];
	return NULL;
}

/* The attributes of ELEMENT against S. */
static void check_attributes(xmlNodePtr element, const struct shape *s, struct fault *f)
{
	struct buf qname = BUF_INIT, names = BUF_INIT;
	xmlAttrPtr a;
	size_t i;

	for (a = element->properties; a && !f->found; a = a->next) {
		const struct attr_def *def;

		attr_qname(a, &qname);
		def = attr_of(s, buf_str(&qname));
		if (def) {
			xmlChar *value = xmlNodeListGetString(element->doc, a->children, 1);

			check_value(def, element, def->name, value ? (const char *)value : "", f);
			xmlFree(value);
			continue;
		}
		if (s->any_attr || (a->ns && listed(&s->attr_ns, (const char *)a->ns->href)))
			continue;
		for (i = 0; i < s->attr_count; i++)
			buf_addf(&names, "%s%s", i ? ", " : "", s->attrs[i].name);
		fault_set(f, element, NULL, "<%s> may not have the attribute %s (%s%s)",
		          (const char *)element->name, buf_str(&qname),
		          names.len ? "it may have " : "it may have none", buf_str(&names));
		buf_release(&names);
	}
	for (i = 0; i < s->attr_count && !f->found; i++) {
		const char *name = s->attrs[i].name, *colon = strchr(name, ':');
		int has;

		if (!s->attrs[i].required)
			continue;
		if (colon && strncmp(name, "xml:", 4) == 0)
			has =
			    xmlHasNsProp(element, BAD_CAST(colon + 1), BAD_CAST XML_NS_URI) != NULL;
		else
			has = xmlHasProp(element, BAD_CAST name) != NULL;
		if (has)
			continue;
		if (strcmp(name, "alt") == 0)
			fault_set(
			    f, element, NULL,
			    "<%s> has no alt attribute: every picture needs one, the text read "
			    "out to those who cannot see it (alt=\"what the picture shows\")",
			    (const char *)element->name);
		else
			fault_set(f, element, NULL,
			          "<%s> lacks the attribute %s, which the schema requires",
			          (const char *)element->name, name);
	}
	buf_release(&qname);
}

/* The first fault in ELEMENT and below, in document order, into F. */
static void inspect(xmlDocPtr schema, xmlNodePtr element, struct fault *f, int depth)
{
	struct shape s;
	xmlNodePtr c;

	shape_of(schema, element, &s);
	if (!s.defined || depth > 200) {
		shape_release(&s);
		return;
	}
	check_attributes(element, &s, f);
	for (c = element->children; c && !f->found; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const xmlChar *t = c->content;

			if (!s.text && t && t[strspn((const char *)t, " \t\r\n")]) {
				struct buf allowed = BUF_INIT;

				names_text(&s.children, &allowed);
				fault_set(f, element, NULL,
				          "text directly in <%s>, which holds only elements: put "
				          "it in one "
				          "of them (%s)",
				          (const char *)element->name, buf_str(&allowed));
				/* The text's own line, rather than its parent's. */
				f->node = c;
				buf_release(&allowed);
			}
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns && c->ns->href && listed(&s.child_ns, (const char *)c->ns->href))
			continue; /* foreign markup the schema lets through as it is */
		if (!s.any_element && !listed(&s.children, (const char *)c->name)) {
			struct buf allowed = BUF_INIT;
			const char *better = instead_of((const char *)c->name, &s);

			names_text(&s.children, &allowed);
			if (better)
				fault_set(
				    f, c, NULL,
				    "<%s> is not allowed in <%s>: use <%s> (allowed in <%s>: %s%s)",
				    (const char *)c->name, (const char *)element->name, better,
				    (const char *)element->name, s.text ? "text, " : "",
				    buf_str(&allowed));
			else
				fault_set(f, c, NULL,
				          "<%s> is not allowed in <%s> (allowed there: %s%s)",
				          (const char *)c->name, (const char *)element->name,
				          s.text ? "text, " : "",
				          allowed.len ? buf_str(&allowed) : "nothing");
			buf_release(&allowed);
			continue;
		}
		inspect(schema, c, f, depth + 1);
	}
	shape_release(&s);
}

/* --- What libxml2 says that the inspection cannot see: order, counts --------------------- */

/* A fault from libxml2's error E about order or a missing element, if it is one. */
static void from_error(xmlDocPtr schema, const struct rngexplain_error *e, struct fault *f)
{
	struct shape s;
	struct buf order = BUF_INIT;
	xmlNodePtr parent;

	if (!e->node || !e->str1)
		return;
	switch (e->code) {
	case XML_RELAXNG_ERR_ELEMNAME:
		if (e->str2 && xmlStrEqual(e->node->name, BAD_CAST e->str2) &&
		    (!e->node->parent || e->node->parent->type != XML_ELEMENT_NODE)) {
			fault_set(f, e->node, NULL,
			          "the root element is <%s>, where the schema wants <%s>", e->str2,
			          e->str1);
			break;
		}
		/* "Expecting element title, got summary": the node is the parent
		 * (or the element itself); find the element that came instead. */
		parent = e->node;
		if (e->str2 && xmlStrEqual(parent->name, BAD_CAST e->str2) && parent->parent &&
		    parent->parent->type == XML_ELEMENT_NODE)
			parent = parent->parent;
		shape_of(schema, parent, &s);
		names_text(&s.children, &order);
		{
			xmlNodePtr c, got = NULL;

			for (c = parent->children; c && e->str2; c = c->next)
				if (c->type == XML_ELEMENT_NODE &&
				    xmlStrEqual(c->name, BAD_CAST e->str2)) {
					got = c;
					break;
				}
			fault_set(f, got ? got : e->node, NULL,
			          "<%s> is out of place in <%s>: <%s> is expected here (the order "
			          "in <%s>: %s)",
			          e->str2 ? e->str2 : "?", (const char *)parent->name, e->str1,
			          (const char *)parent->name, buf_str(&order));
		}
		shape_release(&s);
		break;
	case XML_RELAXNG_ERR_NOELEM:
		fault_set(f, e->node, NULL, "<%s> lacks <%s>", (const char *)e->node->name,
		          e->str1);
		break;
	case XML_RELAXNG_ERR_ELEMWRONG:
		fault_set(f, e->node, NULL, "<%s> is not expected there", e->str1);
		break;
	default:
		break;
	}
	buf_release(&order);
}

/*
 * Where the first character of the text node TEXT that is not a space is:
 * libxml2 gives the line where the text ends.  The column is known when a
 * line break of the text precedes it.
 */
static void text_position(xmlNodePtr text, long *line, long *col)
{
	const char *t = (const char *)text->content, *first = t + strspn(t, " \t\r\n"), *p;
	const char *bol = NULL;

	for (p = first; *p; p++)
		if (*p == '\n')
			(*line)--;
	for (p = t; p < first; p++)
		if (*p == '\n')
			bol = p + 1;
	*col = 0;
	if (bol)
		for (*col = 1, p = bol; p < first; p++)
			*col += ((unsigned char)*p & 0xC0) != 0x80;
}

/* The depth of NODE in its document. */
static int depth_of(xmlNodePtr node)
{
	int d = 0;

	for (; node && node->type != XML_DOCUMENT_NODE; node = node->parent)
		d++;
	return d;
}

void rngexplain_report(xmlDocPtr schema, xmlDocPtr doc, const char *file,
                       const struct rngexplain_error *errors, size_t count, struct diag *d)
{
	struct fault best, f;
	struct buf needle = BUF_INIT;
	long line, col = 0;
	size_t i;

	memset(&best, 0, sizeof best);
	if (schema && xmlDocGetRootElement(doc))
		inspect(schema, xmlDocGetRootElement(doc), &best, 0);
	/* An element out of order before the first fault found wins; a
	 * missing or unexpected element only explains a document where
	 * nothing else was found (after another fault, it follows from it). */
	for (i = 0; i < count; i++) {
		memset(&f, 0, sizeof f);
		if (schema)
			from_error(schema, &errors[i], &f);
		if (f.found && f.node &&
		    (!best.found || (errors[i].code == XML_RELAXNG_ERR_ELEMNAME &&
		                     xmlGetLineNo(f.node) < xmlGetLineNo(best.node)))) {
			buf_release(&best.text);
			free(best.attr);
			best = f;
		} else {
			buf_release(&f.text);
			free(f.attr);
		}
	}
	if (!best.found) {
		/* libxml2's own words, about the innermost node it names. */
		const struct rngexplain_error *pick = NULL;

		for (i = 0; i < count; i++)
			if (!pick || (errors[i].node && pick->node &&
			              depth_of(errors[i].node) > depth_of(pick->node)))
				pick = &errors[i];
		if (pick) {
			line = pick->line;
			if (pick->node && pick->node->type == XML_ELEMENT_NODE) {
				buf_addf(&needle, "<%s", (const char *)pick->node->name);
				xmldoc_locate(file, &line, &col, buf_str(&needle), 0);
			}
			diag_report(d, DIAG_ERROR, file, line, col, "%s", pick->message);
		} else {
			diag_report(d, DIAG_ERROR, file, 0, 0,
			            "document does not match the schema");
		}
		buf_release(&needle);
		return;
	}
	line = xmlGetLineNo(best.node);
	if (best.node->type == XML_TEXT_NODE && best.node->content)
		text_position(best.node, &line, &col);
	else if (best.attr) {
		xmldoc_locate(file, &line, &col, best.attr, 1);
	} else if (best.node->type == XML_ELEMENT_NODE) {
		buf_addf(&needle, "<%s", (const char *)best.node->name);
		xmldoc_locate(file, &line, &col, buf_str(&needle), 0);
	}
	diag_report(d, DIAG_ERROR, file, line, col, "%s", buf_str(&best.text));
	buf_release(&best.text);
	free(best.attr);
	buf_release(&needle);
}
