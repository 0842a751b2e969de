/*
 * segment: a translation back into its unit.  A translation is parsed as
 * an XML fragment (untrusted: no DTD, no entity loading, no network),
 * checked against the message of its unit (segment_check) and put in
 * place of the unit's content (segment_apply).  See segment.h.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "mem.h"
#include "segment-impl.h"
#include "segment.h"
#include "uni.h"
#include "xmldoc.h"

/* One element of a parsed message: an inline element or a placeholder. */
struct item {
	char *name; /* qualified name, or the placeholder's "fn-1" */
	char *attrs; /* sorted attribute names, " name" each, marker excluded */
	int placeholder;
	int marker;
	xmlNodePtr node; /* in the parsed fragment */
};

struct shape {
	struct item *items;
	size_t count;
	xmlDocPtr doc; /* the parsed fragment */
};

static void shape_release(struct shape *sh)
{
	size_t i;

	for (i = 0; i < sh->count; i++) {
		free(sh->items[i].name);
		free(sh->items[i].attrs);
	}
	free(sh->items);
	if (sh->doc)
		xmlFreeDoc(sh->doc);
	memset(sh, 0, sizeof *sh);
}

static char *dup_reason(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *dup_reason(const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b);
}

struct parse_error {
	char message[200];
	int seen;
};

static void on_parse_error(void *data, xmlErrorPtr err)
{
	struct parse_error *pe = data;
	size_t len;

	/* Prefixes are compared as written; undeclared ones are no error here. */
	if (pe->seen || !err || !err->message || err->domain == XML_FROM_NAMESPACE)
		return;
	pe->seen = 1;
	/* libxml2 names lines of the wrapped message ("em line 1"), which a
	 * translator would look for in vain: said without them. */
	if (err->code == XML_ERR_TAG_NAME_MISMATCH && err->str1 && err->str2 &&
	    strcmp(err->str2, "_:message") != 0) {
		snprintf(pe->message, sizeof pe->message, "<%s> is closed by </%s>", err->str1,
		         err->str2);
		return;
	}
	if ((err->code == XML_ERR_TAG_NAME_MISMATCH || err->code == XML_ERR_TAG_NOT_FINISHED) &&
	    err->str1 && strcmp(err->str1, "_:message") != 0) {
		snprintf(pe->message, sizeof pe->message, "<%s> is not closed", err->str1);
		return;
	}
	snprintf(pe->message, sizeof pe->message, "%s", err->message);
	len = strlen(pe->message);
	while (len > 0 && (pe->message[len - 1] == '\n' || pe->message[len - 1] == ' '))
		pe->message[--len] = '\0';
}

/*
 * Finds what the parser would reject less clearly: entity references
 * (only the five predefined ones and character references are text),
 * document type declarations.
 */
static char *prescan(const char *text)
{
	static const char *const predefined[] = { "amp;", "lt;", "gt;", "quot;", "apos;", NULL };
	const char *p;
	int i;

	for (p = text; (p = strchr(p, '&')) != NULL; p++) {
		size_t n = 0;

		if (p[1] == '#')
			continue;
		for (i = 0; predefined[i]; i++)
			if (strncmp(p + 1, predefined[i], strlen(predefined[i])) == 0)
				break;
		if (predefined[i])
			continue;
		while (p[1 + n] && p[1 + n] != ';' && !segment_is_space((unsigned char)p[1 + n]) &&
		       p[1 + n] != '&' && p[1 + n] != '<' && n < 40)
			n++;
		if (p[1 + n] == ';')
			return dup_reason("entity reference '&%.*s;' is not allowed: type the "
			                  "character itself",
			                  (int)n, p + 1);
		return dup_reason("a bare '&' must be written '&amp;'");
	}
	if (strstr(text, "<!DOCTYPE") || strstr(text, "<!ENTITY"))
		return dup_reason("document type declarations are not allowed");
	return NULL;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void qname_of(struct buf *out, xmlNodePtr node)
{
	buf_truncate(out, 0);
	segment_add_qname(out, node);
}

/* " a b": the qualified names of NAMES (N of them, freed here), sorted. */
static char *join_sorted(char **names, size_t n)
{
	struct buf out = BUF_INIT;
	size_t k;

	if (n > 1)
		qsort(names, n, sizeof *names, compare_strings);
	for (k = 0; k < n; k++) {
		buf_addf(&out, " %s", names[k]);
		free(names[k]);
	}
	free(names);
	return out.len ? buf_detach(&out) : xstrdup("");
}

/* Why a node of TYPE, other than text or an element, is refused in a translation. */
static const char *not_allowed(xmlElementType type)
{
	switch (type) {
	case XML_COMMENT_NODE:
		return "comments are not allowed";
	case XML_PI_NODE:
		return "processing instructions are not allowed";
	case XML_CDATA_SECTION_NODE:
		return "CDATA sections are not allowed; escape the text";
	case XML_ENTITY_REF_NODE:
		return "entity references are not allowed";
	default:
		return "unexpected markup";
	}
}

/* Lists the elements of the fragment under EL; returns a reason or NULL. */
static char *collect(struct shape *sh, xmlNodePtr el)
{
	struct buf name = BUF_INIT;
	xmlNodePtr n;
	char *reason = NULL;

	for (n = el->children; n && !reason; n = n->next) {
		struct item *it;
		xmlAttrPtr a;
		char **names = NULL;
		size_t nnames = 0;

		if (n->type == XML_TEXT_NODE)
			continue;
		if (n->type != XML_ELEMENT_NODE) {
			reason = xstrdup(not_allowed(n->type));
			continue;
		}
		sh->items = xrealloc(sh->items, (sh->count + 1) * sizeof *sh->items);
		it = &sh->items[sh->count++];
		memset(it, 0, sizeof *it);
		it->node = n;
		if (n->ns && xmlStrEqual(n->ns->href, BAD_CAST SEGMENT_NS)) {
			it->placeholder = 1;
			it->name = xstrdup((const char *)n->name);
			it->attrs = xstrdup("");
			if (n->properties || n->children)
				reason =
				    dup_reason("placeholder <_:%s/> must stay empty, as <_:%s/>",
				               it->name, it->name);
			continue;
		}
		qname_of(&name, n);
		it->name = xstrdup(buf_str(&name));
		for (a = n->properties; a; a = a->next) {
			if (a->ns && xmlStrEqual(a->ns->href, BAD_CAST SEGMENT_NS) &&
			    xmlStrEqual(a->name, BAD_CAST "n")) {
				xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);

				it->marker = v ? atoi((const char *)v) : 0;
				if (it->marker <= 0)
					reason = dup_reason("bad marker _:n=\"%s\" on <%s>",
					                    v ? (const char *)v : "", it->name);
				xmlFree(v);
				continue;
			}
			names = xrealloc(names, (nnames + 1) * sizeof *names);
			qname_of(&name, (xmlNodePtr)a);
			names[nnames++] = xstrdup(buf_str(&name));
		}
		it->attrs = join_sorted(names, nnames);
		if (!reason)
			reason = collect(sh, n);
	}
	buf_release(&name);
	return reason;
}

/*
 * 1 when TEXT is plain character data that the parser would take as it
 * is: no markup, no reference, no carriage return (which it would turn
 * into a line feed), and only characters XML allows.
 */
static int plain_text(const char *text)
{
	size_t len = strlen(text), pos = 0;

	while (pos < len) {
		unsigned char c = (unsigned char)text[pos];
		long u;

		if (c < 0x80) {
			if (c == '<' || c == '&' || c == '\r' ||
			    (c < 0x20 && c != '\t' && c != '\n'))
				return 0;
			pos++;
			continue;
		}
		u = uni_next(text, len, &pos);
		if (u < 0 || u == 0xFFFE || u == 0xFFFF)
			return 0;
	}
	return 1;
}

/*
 * The parser for every message.  Setting one up costs more than reading
 * a sentence, so it is made once and reset for each message (libxml2's
 * error handler, set around each parse, already makes this module not
 * reentrant).  segment_cleanup frees it.
 */
static xmlParserCtxtPtr message_parser;

void segment_cleanup(void)
{
	if (message_parser)
		xmlFreeParserCtxt(message_parser);
	message_parser = NULL;
}

/* Parses TEXT (message syntax) into SH; returns a reason or NULL. */
static char *parse_message(const char *text, struct shape *sh)
{
	struct buf src = BUF_INIT;
	struct parse_error pe;
	struct xmldoc_handlers saved;
	xmlParserCtxtPtr ctxt;
	size_t len = strlen(text);
	char *reason;

	memset(sh, 0, sizeof *sh);
	/* No document could hold it: libxml2 reads no longer text in one node. */
	if (len > XML_MAX_TEXT_LENGTH)
		return dup_reason("a text of %zu bytes, more than the %d that libxml2 allows in "
		                  "one node",
		                  len, XML_MAX_TEXT_LENGTH);
	reason = prescan(text);
	if (reason)
		return reason;
	/* Most messages are plain text: they need no parser. */
	if (plain_text(text)) {
		xmlNodePtr root;

		sh->doc = xmlNewDoc(BAD_CAST "1.0");
		root = xmlNewDocNode(sh->doc, NULL, BAD_CAST "message", NULL);
		xmlDocSetRootElement(sh->doc, root);
		if (*text)
			xmlAddChild(root, xmlNewDocText(sh->doc, BAD_CAST text));
		return NULL;
	}
	buf_adds(&src, "<_:message xmlns:_=\"" SEGMENT_NS "\">");
	buf_adds(&src, text);
	buf_adds(&src, "</_:message>");
	if (src.len > (size_t)1 << 30) {
		buf_release(&src);
		return dup_reason("message too long");
	}
	memset(&pe, 0, sizeof pe);
	if (!message_parser)
		message_parser = xmlNewParserCtxt();
	ctxt = message_parser;
	if (!ctxt) {
		buf_release(&src);
		return dup_reason("cannot create an XML parser");
	}
	/* No DTD, no entity loading, no network: the text is untrusted. */
	xmldoc_catch(&saved, on_parse_error, NULL, &pe);
	sh->doc = xmlCtxtReadMemory(ctxt, buf_str(&src), (int)src.len, "message", "UTF-8",
	                            XML_PARSE_NONET | XML_PARSE_NOWARNING);
	xmldoc_release(&saved);
	if (!sh->doc || !ctxt->wellFormed || pe.seen)
		reason =
		    dup_reason("not well-formed XML: %s", pe.seen ? pe.message : "cannot parse");
	buf_release(&src);
	if (!reason)
		reason = collect(sh, xmlDocGetRootElement(sh->doc));
	return reason;
}

/* The first name of the list NAMES (" a b", sorted) not in OTHER, into OUT; 0 if none. */
static int first_not_in(const char *names, const char *other, struct buf *out)
{
	const char *p = names;

	while (*p == ' ') {
		size_t n = strcspn(p + 1, " ");
		const char *q = other;
		int found = 0;

		while (*q == ' ' && !found) {
			size_t m = strcspn(q + 1, " ");

			found = m == n && strncmp(q + 1, p + 1, n) == 0;
			q += 1 + m;
		}
		if (!found) {
			buf_add(out, p + 1, n);
			return 1;
		}
		p += 1 + n;
	}
	return 0;
}

/*
 * Why the attributes of <NAME> in a translation, TR (" a b"), are not those
 * of the source element, SRC, in words a translator can act on.
 */
static char *attributes_reason(const char *name, const char *src, const char *tr)
{
	struct buf attr = BUF_INIT;
	char *reason;

	if (first_not_in(tr, src, &attr)) {
		/* The address, and every other attribute the msgid does not
		 * show, is the source's: the build puts it back. */
		if (strcmp(buf_str(&attr), "href") == 0 || strcmp(buf_str(&attr), "src") == 0)
			reason = dup_reason(
			    "<%s> has %s=\"…\": the address comes from the source text and cannot "
			    "be set in a translation; write <%s> as the source text does",
			    name, buf_str(&attr), name);
		else if (*src)
			reason = dup_reason("<%s> has the attribute %s, which the source text does "
			                    "not show; a translation may only translate those it "
			                    "shows (%s)",
			                    name, buf_str(&attr), src + 1);
		else
			reason = dup_reason("<%s> has the attribute %s, which the source text does "
			                    "not show; write <%s> as the source text does",
			                    name, buf_str(&attr), name);
	} else if (first_not_in(src, tr, &attr)) {
		reason = dup_reason("<%s> lacks the attribute %s of the source text: keep it, "
		                    "with its value translated",
		                    name, buf_str(&attr));
	} else {
		reason = dup_reason("attributes of <%s> differ from the source text", name);
	}
	buf_release(&attr);
	return reason;
}

/*
 * Pairs each inline element of TR (the translation) with one of SRC (the
 * source message): same name, same marker, same attribute names.  MAP[j]
 * is then the index in SRC of TR's item J.  Returns a reason or NULL.
 */
static char *match(const struct shape *src, const struct shape *tr, size_t *map)
{
	char *used = xcalloc(src->count + 1, 1);
	char *reason = NULL;
	size_t i, j;

	for (j = 0; j < tr->count && !reason; j++) {
		const struct item *t = &tr->items[j];
		size_t best = src->count, named = src->count;

		for (i = 0; i < src->count; i++) {
			const struct item *s = &src->items[i];

			if (used[i] || s->placeholder != t->placeholder ||
			    strcmp(s->name, t->name) != 0)
				continue;
			if (named == src->count)
				named = i;
			if (s->marker == t->marker && strcmp(s->attrs, t->attrs) == 0) {
				best = i;
				break;
			}
		}
		if (best < src->count) {
			used[best] = 1;
			map[j] = best;
			continue;
		}
		if (named < src->count) {
			const struct item *s = &src->items[named];

			if (s->marker != t->marker)
				reason = dup_reason("<%s> needs the marker _:n of the source text "
				                    "(one of each)",
				                    t->name);
			else
				reason = attributes_reason(t->name, s->attrs, t->attrs);
		} else if (t->placeholder) {
			reason = dup_reason("placeholder <_:%s/> is not in the source text, or "
			                    "appears twice",
			                    t->name);
		} else {
			int known = 0;

			for (i = 0; i < src->count; i++)
				known |= !src->items[i].placeholder &&
				         strcmp(src->items[i].name, t->name) == 0;
			reason =
			    known ? dup_reason("<%s> appears more often than in the source text",
			                       t->name)
			          : dup_reason("element <%s> is not in the source text", t->name);
		}
	}
	for (i = 0; i < src->count && !reason; i++)
		if (!used[i])
			reason =
			    src->items[i].placeholder
			        ? dup_reason("placeholder <_:%s/> is missing", src->items[i].name)
			        : dup_reason("element <%s> is missing", src->items[i].name);
	free(used);
	return reason;
}

static int give_reason(char **out, char *reason)
{
	if (out)
		*out = reason;
	else
		free(reason);
	return reason ? -1 : 0;
}

int segment_check(const char *msgid, const char *msgstr, char **reason)
{
	struct shape src, tr;
	char *why;
	size_t *map;

	if (reason)
		*reason = NULL;
	/* Two plain texts have no markup to compare: most messages, and no
	 * document needs making for them. */
	if (strlen(msgid) <= XML_MAX_TEXT_LENGTH && strlen(msgstr) <= XML_MAX_TEXT_LENGTH &&
	    plain_text(msgid) && plain_text(msgstr))
		return 0;
	why = parse_message(msgid, &src);
	if (why) {
		char *r = dup_reason("the source text itself is not valid: %s", why);

		free(why);
		shape_release(&src);
		return give_reason(reason, r);
	}
	why = parse_message(msgstr, &tr);
	if (!why) {
		map = xcalloc(tr.count + 1, sizeof *map);
		why = match(&src, &tr, map);
		free(map);
	}
	shape_release(&src);
	shape_release(&tr);
	return give_reason(reason, why);
}

struct applier {
	const struct segment *seg;
	const struct shape *src;
	const struct shape *tr;
	const size_t *map; /* translation item -> source item */
	const size_t *src_inline; /* source item -> index in seg->inlines */
	xmlNodePtr *moved; /* placeholders put back, for the nested callback */
	size_t nmoved;
};

static size_t item_index(const struct shape *sh, xmlNodePtr node)
{
	size_t i;

	for (i = 0; i < sh->count; i++)
		if (sh->items[i].node == node)
			return i;
	return sh->count;
}

/* The namespace for PREFIX/HREF where NODE now stands, declared if need be. */
static xmlNsPtr find_ns(xmlNodePtr node, xmlNsPtr ns)
{
	xmlNsPtr found;

	if (!ns)
		return NULL;
	found = xmlSearchNs(node->doc, node, ns->prefix);
	if (found && xmlStrEqual(found->href, ns->href))
		return found;
	return xmlNewNs(node, ns->href, ns->prefix);
}

/*
 * A new element like SRC with SRC's attributes, added to DEST.  Values
 * are copied as written, entity references in them included: a value is
 * never expanded, and no reference ever leaves its attribute.
 */
static xmlNodePtr copy_inline(xmlNodePtr dest, xmlNodePtr src)
{
	xmlNodePtr copy = xmlNewDocNode(src->doc, NULL, src->name, NULL);
	xmlAttrPtr a;

	xmlAddChild(dest, copy);
	xmlSetNs(copy, find_ns(copy, src->ns));
	for (a = src->properties; a; a = a->next) {
		xmlChar *value = segment_attr_raw_value(a);
		xmlAttrPtr prop = xmlNewNsProp(copy, find_ns(copy, a->ns), a->name, NULL);

		if (prop)
			xmlNodeSetContent((xmlNodePtr)prop, value);
		xmlFree(value);
	}
	return copy;
}

/* The attribute of EL whose qualified name is QNAME, or NULL. */
static xmlAttrPtr find_attr(xmlNodePtr el, const char *qname)
{
	struct buf name = BUF_INIT;
	xmlAttrPtr a;

	for (a = el->properties; a; a = a->next) {
		qname_of(&name, (xmlNodePtr)a);
		if (strcmp(buf_str(&name), qname) == 0)
			break;
	}
	buf_release(&name);
	return a;
}

static void rebuild(struct applier *ap, xmlNodePtr dest, xmlNodePtr from)
{
	struct buf name = BUF_INIT;
	xmlNodePtr n;

	for (n = from; n; n = n->next) {
		size_t j, i;

		if (n->type == XML_TEXT_NODE) {
			xmlAddChild(dest, xmlNewDocText(dest->doc, n->content));
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		j = item_index(ap->tr, n);
		i = ap->map[j];
		if (ap->src->items[i].placeholder) {
			/* "fn-3": the number after the last '-'. */
			const char *dash = strrchr(ap->src->items[i].name, '-');
			size_t k = dash ? (size_t)strtoul(dash + 1, NULL, 10) : 0;
			xmlNodePtr orig;

			if (k == 0 || k > ap->seg->nplaceholders)
				continue;
			orig = ap->seg->placeholders[k - 1];
			xmlUnlinkNode(orig);
			xmlAddChild(dest, orig);
			ap->moved[ap->nmoved++] = orig;
		} else {
			xmlNodePtr orig = ap->seg->inlines[ap->src_inline[i]];
			xmlNodePtr copy = copy_inline(dest, orig);
			xmlAttrPtr a;

			/* Translatable attributes take the translator's values. */
			for (a = n->properties; a; a = a->next) {
				xmlAttrPtr target;
				xmlChar *value;

				if (a->ns && xmlStrEqual(a->ns->href, BAD_CAST SEGMENT_NS))
					continue;
				qname_of(&name, (xmlNodePtr)a);
				target = find_attr(copy, buf_str(&name));
				if (!target)
					continue;
				value = xmlNodeGetContent((xmlNodePtr)a);
				xmlSetNsProp(copy, target->ns, target->name,
				             value ? value : BAD_CAST "");
				xmlFree(value);
			}
			rebuild(ap, copy, n->children);
		}
	}
	buf_release(&name);
}

/*
 * The shape of SEG's own message, from the segment itself: what
 * parse_message would make of SEG's text, without reading it again.
 * Inline elements come first, in message order, then placeholders.
 */
static void shape_of_segment(const struct its_doc *its, const struct segment *seg, struct shape *sh)
{
	struct buf name = BUF_INIT;
	size_t i;

	memset(sh, 0, sizeof *sh);
	sh->items = xcalloc(seg->ninlines + seg->nplaceholders + 1, sizeof *sh->items);
	for (i = 0; i < seg->ninlines; i++) {
		struct item *it = &sh->items[sh->count++];
		char **names = NULL;
		size_t nnames = 0;
		xmlAttrPtr a;

		it->node = seg->inlines[i];
		it->marker = seg->markers[i];
		qname_of(&name, it->node);
		it->name = xstrdup(buf_str(&name));
		for (a = it->node->properties; a; a = a->next) {
			if (!segment_attr_shown(its, a))
				continue;
			names = xrealloc(names, (nnames + 1) * sizeof *names);
			qname_of(&name, (xmlNodePtr)a);
			names[nnames++] = xstrdup(buf_str(&name));
		}
		it->attrs = join_sorted(names, nnames);
	}
	for (i = 0; i < seg->nplaceholders; i++) {
		struct item *it = &sh->items[sh->count++];

		buf_truncate(&name, 0);
		segment_placeholder_name(&name, seg->placeholders[i], i + 1);
		it->placeholder = 1;
		it->node = seg->placeholders[i];
		it->name = xstrdup(buf_str(&name));
		it->attrs = xstrdup("");
	}
	buf_release(&name);
}

/*
 * The whitespace at the ends of a unit's content, which its message trims
 * (unless it preserves space).  It is put back around the translation:
 * the content of a unit nested in a sentence (a footnote, a remark) is
 * often set off from the words around it by that whitespace alone, and
 * without it they would touch ("word<remark> note </remark>next").
 */
struct edges {
	xmlChar *lead, *trail; /* NULL: none */
};

/* The whitespace that starts (END 0) or ends (END 1) the text node N, or NULL. */
static xmlChar *edge_space(xmlNodePtr n, int end)
{
	const xmlChar *s, *p;
	int len;

	if (!n || n->type != XML_TEXT_NODE || !n->content || !*n->content)
		return NULL;
	s = n->content;
	len = xmlStrlen(s);
	if (!end) {
		for (p = s; segment_is_space(*p); p++)
			;
		return p > s ? xmlStrndup(s, (int)(p - s)) : NULL;
	}
	for (p = s + len; p > s && segment_is_space(p[-1]); p--)
		;
	return p < s + len ? xmlStrdup(p) : NULL;
}

static void edges_of(struct edges *e, xmlNodePtr el, int preserve)
{
	e->lead = e->trail = NULL;
	if (preserve || !el->children)
		return;
	e->lead = edge_space(el->children, 0);
	e->trail = edge_space(el->last, 1);
	/* Content that is only whitespace has one edge. */
	if (el->children == el->last && e->lead &&
	    xmlStrlen(e->lead) == xmlStrlen(el->children->content)) {
		xmlFree(e->trail);
		e->trail = NULL;
	}
}

/* Puts E's whitespace back around EL's new content, unless it has some. */
static void edges_restore(struct edges *e, xmlNodePtr el)
{
	xmlChar *have;

	if (e->lead) {
		have = edge_space(el->children, 0);
		if (!have) {
			xmlNodePtr text = xmlNewDocText(el->doc, e->lead);

			if (el->children)
				xmlAddPrevSibling(el->children, text);
			else
				xmlAddChild(el, text);
		}
		xmlFree(have);
	}
	if (e->trail) {
		have = edge_space(el->last, 1);
		if (!have)
			xmlAddChild(el, xmlNewDocText(el->doc, e->trail));
		xmlFree(have);
	}
	xmlFree(e->lead);
	xmlFree(e->trail);
}

/*
 * The translated value of the attribute unit SEG: the translation's text,
 * each placeholder (an entity reference kept whole) written back as the
 * reference it stands for, and the whitespace at the ends of the source
 * value, which the message trims, put back.
 */
static void set_attr_value(const struct segment *seg, const struct shape *src,
                           const struct shape *tr, const size_t *map)
{
	xmlNodePtr attr = seg->node, root = xmlDocGetRootElement(tr->doc), n;
	struct buf value = BUF_INIT;
	struct edges edges;
	/* As edges_restore: unless the translation has whitespace there. */
	xmlChar *lead = edge_space(root->children, 0), *trail = edge_space(root->last, 1);

	edges_of(&edges, attr, seg->preserve);
	if (edges.lead && !lead)
		buf_adds(&value, (const char *)edges.lead);
	for (n = root->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			xmlChar *text = xmlEncodeSpecialChars(attr->doc, n->content);

			buf_adds(&value, (const char *)text);
			xmlFree(text);
		} else if (n->type == XML_ELEMENT_NODE) {
			const struct item *it = &src->items[map[item_index(tr, n)]];
			const char *dash = strrchr(it->name, '-');
			size_t k = dash ? (size_t)strtoul(dash + 1, NULL, 10) : 0;

			if (k > 0 && k <= seg->nplaceholders)
				buf_addf(&value, "&%s;",
				         (const char *)seg->placeholders[k - 1]->name);
		}
	}
	if (edges.trail && !trail)
		buf_adds(&value, (const char *)edges.trail);
	xmlFree(lead);
	xmlFree(trail);
	xmlFree(edges.lead);
	xmlFree(edges.trail);
	xmlNodeSetContent(attr, BAD_CAST buf_str(&value));
	buf_release(&value);
}

int segment_apply_unit(const struct its_doc *its, const struct segment *seg, const char *msgstr,
                       segment_nested_fn *nested, void *data, char **reason)
{
	xmlNodePtr node = seg->node;
	struct shape src, tr;
	struct applier ap;
	size_t *map = NULL, *src_inline = NULL, i, k;
	char *why;

	if (reason)
		*reason = NULL;
	shape_of_segment(its, seg, &src);
	why = parse_message(msgstr, &tr);
	if (!why) {
		map = xcalloc(tr.count + 1, sizeof *map);
		why = match(&src, &tr, map);
	}
	if (!why && node->type == XML_ATTRIBUTE_NODE) {
		set_attr_value(seg, &src, &tr, map);
	} else if (!why) {
		xmlNodePtr holder = xmlNewDocNode(node->doc, NULL, BAD_CAST "old", NULL);
		xmlNodePtr c, next;
		struct edges edges;

		/* Source items in message order match seg.inlines one to one. */
		src_inline = xcalloc(src.count + 1, sizeof *src_inline);
		for (i = 0, k = 0; i < src.count; i++)
			if (!src.items[i].placeholder)
				src_inline[i] = k++;
		memset(&ap, 0, sizeof ap);
		ap.seg = seg;
		ap.src = &src;
		ap.tr = &tr;
		ap.map = map;
		ap.src_inline = src_inline;
		ap.moved = xcalloc(seg->nplaceholders + 1, sizeof *ap.moved);

		/* The old content goes aside; placeholders are taken from it. */
		edges_of(&edges, node, seg->preserve);
		for (c = node->children; c; c = next) {
			next = c->next;
			xmlUnlinkNode(c);
			xmlAddChild(holder, c);
		}
		rebuild(&ap, node, xmlDocGetRootElement(tr.doc)->children);
		edges_restore(&edges, node);
		xmlFreeNode(holder);
		if (nested)
			for (i = 0; i < ap.nmoved; i++)
				nested(ap.moved[i], data);
		free(ap.moved);
	}
	free(map);
	free(src_inline);
	shape_release(&src);
	shape_release(&tr);
	return give_reason(reason, why);
}

int segment_apply(const struct its_doc *its, xmlNodePtr node, const char *msgstr,
                  segment_nested_fn *nested, void *data, char **reason)
{
	struct segment seg;
	int rc;

	segment_init(&seg, its, node);
	rc = segment_apply_unit(its, &seg, msgstr, nested, data, reason);
	segment_release(&seg);
	return rc;
}
