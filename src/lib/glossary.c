/*
 * glossary: TBX glossaries.  See glossary.h.
 */
#include <config.h>

#include "glossary.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "mem.h"
#include "uni.h"
#include "xmldoc.h"

/* 1 when NODE is an element whose local name is one of NAMES (NULL-terminated). */
static int named(xmlNodePtr node, const char *const *names)
{
	size_t i;

	if (!node || node->type != XML_ELEMENT_NODE)
		return 0;
	for (i = 0; names[i]; i++)
		if (xmlStrEqual(node->name, BAD_CAST names[i]))
			return 1;
	return 0;
}

static const char *const entry_names[] = { "termEntry", "conceptEntry", NULL };
static const char *const lang_names[] = { "langSet", "langSec", NULL };
static const char *const term_group_names[] = { "tig", "ntig", "termSec", NULL };
static const char *const term_names[] = { "term", NULL };
static const char *const note_names[] = { "termNote", NULL };

/* The first element below NODE (NODE excluded) named one of NAMES, or NULL. */
static xmlNodePtr find_below(xmlNodePtr node, const char *const *names)
{
	xmlNodePtr n, found;

	for (n = node->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (named(n, names))
			return n;
		if ((found = find_below(n, names)) != NULL)
			return found;
	}
	return NULL;
}

/* 1 when the term group GROUP says its term is deprecated or superseded. */
static int deprecated(xmlNodePtr group)
{
	xmlNodePtr n;

	for (n = group ? group->children : NULL; n; n = n->next) {
		xmlChar *type;
		char *value;
		int bad = 0;

		if (named(n, term_group_names) || n->type != XML_ELEMENT_NODE)
			continue;
		if (!named(n, note_names)) {
			/* A <termGrp> of TBX 2008's <ntig> holds the notes. */
			if (deprecated(n))
				return 1;
			continue;
		}
		type = xmlGetNoNsProp(n, BAD_CAST "type");
		if (type && xmlStrEqual(type, BAD_CAST "administrativeStatus")) {
			value = xmldoc_collapsed_text(n);
			bad = strstr(value, "deprecated") || strstr(value, "superseded");
			free(value);
		}
		xmlFree(type);
		if (bad)
			return 1;
	}
	return 0;
}

static void add_term(struct glossary_entry *e, size_t *alloc, const char *lang, xmlNodePtr term,
                     xmlNodePtr group)
{
	struct glossary_term *t;
	struct buf plain = BUF_INIT, folded = BUF_INIT;

	xgrow((void **)&e->terms, alloc, e->term_count + 1, sizeof *e->terms);
	t = &e->terms[e->term_count++];
	memset(t, 0, sizeof *t);
	t->lang = xstrdup(lang);
	t->text = xmldoc_collapsed_text(term);
	t->deprecated = deprecated(group);
	glossary_prepare(t->text, &plain, &folded);
	t->any_case = strcmp(buf_str(&plain), buf_str(&folded)) == 0;
	t->match = buf_detach(&plain);
	buf_release(&folded);
}

/* The terms of the language section SECTION of language LANG, into E. */
static void read_section(struct glossary_entry *e, size_t *alloc, xmlNodePtr section,
                         const char *lang)
{
	xmlNodePtr n;

	for (n = section->children; n; n = n->next) {
		xmlNodePtr term;

		if (named(n, term_names))
			add_term(e, alloc, lang, n, NULL);
		else if (named(n, term_group_names) && (term = find_below(n, term_names)) != NULL)
			add_term(e, alloc, lang, term, n);
	}
}

static void read_entry(struct glossary *g, size_t *alloc, xmlNodePtr node, struct diag *d)
{
	struct glossary_entry *e;
	size_t term_alloc = 0;
	xmlNodePtr n;
	xmlChar *id;

	xgrow((void **)&g->entries, alloc, g->entry_count + 1, sizeof *g->entries);
	e = &g->entries[g->entry_count];
	memset(e, 0, sizeof *e);
	id = xmlGetNoNsProp(node, BAD_CAST "id");
	e->id = id ? xstrdup((const char *)id) : NULL;
	xmlFree(id);
	e->line = xmlGetLineNo(node);
	for (n = node->children; n; n = n->next) {
		xmlChar *lang;

		if (!named(n, lang_names))
			continue;
		lang = xmlNodeGetLang(n);
		if (lang && *lang)
			read_section(e, &term_alloc, n, (const char *)lang);
		else
			diag_report(d, DIAG_WARNING, g->path, xmlGetLineNo(n), 0,
			            "a language section without xml:lang: its terms are left out");
		xmlFree(lang);
	}
	if (!e->term_count) {
		diag_report(d, DIAG_WARNING, g->path, e->line, 0,
		            "a concept entry without a term: left out");
		free(e->id);
		return;
	}
	g->entry_count++;
}

/* Every concept entry below NODE, in document order. */
static void read_entries(struct glossary *g, size_t *alloc, xmlNodePtr node, struct diag *d)
{
	xmlNodePtr n;

	for (n = node->children; n; n = n->next) {
		if (named(n, entry_names))
			read_entry(g, alloc, n, d);
		else if (n->type == XML_ELEMENT_NODE)
			read_entries(g, alloc, n, d);
	}
}

struct glossary *glossary_load(const char *path, struct diag *d)
{
	static const char *const roots[] = { "martif", "tbx", NULL };
	xmlDocPtr doc = xmldoc_read_file(path, d);
	xmlNodePtr root;
	struct glossary *g;
	size_t alloc = 0;

	if (!doc)
		return NULL;
	root = xmlDocGetRootElement(doc);
	if (!named(root, roots)) {
		diag_report(d, DIAG_ERROR, path, root ? xmlGetLineNo(root) : 0, 0,
		            "not a TBX glossary (its root is <%s>, not <martif> or <tbx>)",
		            root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return NULL;
	}
	g = xcalloc(1, sizeof *g);
	g->path = xstrdup(path);
	read_entries(g, &alloc, root, d);
	xmlFreeDoc(doc);
	return g;
}

void glossary_free(struct glossary *g)
{
	size_t i, j;

	if (!g)
		return;
	for (i = 0; i < g->entry_count; i++) {
		for (j = 0; j < g->entries[i].term_count; j++) {
			free(g->entries[i].terms[j].lang);
			free(g->entries[i].terms[j].text);
			free(g->entries[i].terms[j].match);
		}
		free(g->entries[i].terms);
		free(g->entries[i].id);
	}
	free(g->entries);
	free(g->path);
	free(g);
}

int glossary_term_of(const struct glossary_term *t, const char *lang)
{
	size_t n = strcspn(t->lang, "-_"), m = strcspn(lang, "-_");

	/* "nl" is every Dutch's; "nl-BE" only nl_BE's and nl-BE's. */
	if (t->lang[n] == '\0')
		return n == m && strncmp(t->lang, lang, n) == 0;
	return strlen(lang) == strlen(t->lang) && strncmp(t->lang, lang, n) == 0 &&
	       lang[n] != '\0' && strcmp(t->lang + n + 1, lang + n + 1) == 0;
}

void glossary_prepare(const char *text, struct buf *plain, struct buf *folded)
{
	size_t len = strlen(text), pos = 0;
	int space = 0;
	char *f;

	buf_truncate(plain, 0);
	buf_truncate(folded, 0);
	while (pos < len) {
		size_t at = pos;
		long c = uni_next(text, len, &pos);

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 || c == 0x2007 ||
		    c == 0x2009 || c == 0x202f) {
			space = plain->len > 0;
			continue;
		}
		if (space)
			buf_addc(plain, ' ');
		space = 0;
		if (c == 0x2019 || c == 0x02bc)
			buf_addc(plain, '\'');
		else
			buf_add(plain, text + at, pos - at);
	}
	f = uni_fold_case(buf_str(plain), plain->len);
	buf_adds(folded, f ? f : buf_str(plain));
	free(f);
}

/* The code point that ends just before byte AT of TEXT, or -1 at the start. */
static long code_point_before(const char *text, size_t at)
{
	size_t start = at, pos;

	if (at == 0)
		return -1;
	do
		start--;
	while (start > 0 && ((unsigned char)text[start] & 0xc0) == 0x80);
	pos = start;
	return uni_next(text, at, &pos);
}

int glossary_has(const struct glossary_term *t, const char *plain, const char *folded)
{
	const char *text = t->any_case ? folded : plain, *p = text;
	size_t n = strlen(t->match), len = strlen(text);

	if (!n)
		return 0;
	while ((p = strstr(p, t->match)) != NULL) {
		size_t at = (size_t)(p - text), end = at + n;

		if (!uni_is_alnum(code_point_before(text, at)) &&
		    (end == len || !uni_is_alnum(uni_next(text, len, &end))))
			return 1;
		p++;
	}
	return 0;
}
