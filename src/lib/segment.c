/*
 * segment: a translation unit to its message text, and the text of a
 * message.  See segment.h, and doc/msgid-syntax.md for the syntax that
 * translators see; segment-apply.c reads translations back.
 */
#include <config.h>

#include "segment.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>

#include "mem.h"
#include "segment-impl.h"
#include "uni.h"

/* Entities referring to entities: expanded this deep at most. */
#define MAX_ENTITY_DEPTH 8

/* --- Node to text ------------------------------------------------------------ */

struct builder {
	const struct its_doc *its;
	struct segment *seg;
	struct buf *out;
	int pending; /* collapsible whitespace seen and not written yet */
	int started; /* something was written */
	int depth; /* entity expansion depth */
};

/* Writes a pending space unless at the start of the message (trimming). */
static void flush_space(struct builder *b)
{
	if (b->pending && b->started)
		buf_addc(b->out, ' ');
	b->pending = 0;
	b->started = 1;
}

/* Appends LEN bytes of S, escaped for the message syntax (in an attribute value if ATTRIBUTE). */
static void add_escaped(struct buf *out, const char *s, size_t len, int attribute)
{
	const char *end = s + len;

	while (s < end) {
		const char *run = s;

		while (s < end && *s != '&' && *s != '<' && *s != '>' &&
		       !(attribute && (*s == '"' || *s == '\t' || *s == '\n' || *s == '\r')))
			s++;
		buf_add(out, run, (size_t)(s - run));
		if (s >= end)
			break;
		switch (*s) {
		case '&':
			buf_adds(out, "&amp;");
			break;
		case '<':
			buf_adds(out, "&lt;");
			break;
		case '>':
			buf_adds(out, "&gt;");
			break;
		case '"':
			buf_adds(out, "&quot;");
			break;
		default:
			/* Tab, LF, CR: kept as references, or the parser would make them spaces. */
			buf_addf(out, "&#%d;", *s);
		}
		s++;
	}
}

/*
 * Adds text.  Unless PRESERVE, XML whitespace (space, tab, CR, LF: not
 * NBSP, not U+202F) collapses across the whole message, whatever the
 * nodes and markup around it (ITS 2.0 §8.11 leaves the how to us).
 */
static void add_text(struct builder *b, const char *s, int preserve)
{
	while (*s) {
		const char *run = s;

		if (!preserve && segment_is_space((unsigned char)*s)) {
			while (segment_is_space((unsigned char)*s))
				s++;
			b->pending = 1;
			continue;
		}
		while (*s && (preserve || !segment_is_space((unsigned char)*s))) {
			if (!segment_is_space((unsigned char)*s))
				b->seg->has_text = 1;
			s++;
		}
		flush_space(b);
		add_escaped(b->out, run, (size_t)(s - run), 0);
	}
}

void segment_add_qname(struct buf *out, xmlNodePtr node)
{
	xmlChar *qname = xmlBuildQName(node->name, node->ns ? node->ns->prefix : NULL, NULL, 0);

	buf_adds(out, (const char *)qname);
	if (qname != node->name)
		xmlFree(qname);
}

/*
 * An element's name has no colon, but an entity's may (Namespaces in XML
 * forbids it, libxml2 lets it through); "_:lea:-1" would not be XML a
 * translator's tool or the merge could read, so a colon becomes '_'.
 */
void segment_placeholder_name(struct buf *out, xmlNodePtr node, size_t number)
{
	const xmlChar *p;

	for (p = node->name; *p; p++)
		buf_addc(out, *p == ':' ? '_' : (char)*p);
	buf_addf(out, "-%zu", number);
}

static void add_placeholder(struct builder *b, xmlNodePtr node)
{
	struct segment *seg = b->seg;

	seg->placeholders =
	    xrealloc(seg->placeholders, (seg->nplaceholders + 1) * sizeof *seg->placeholders);
	seg->placeholders[seg->nplaceholders++] = node;
	flush_space(b);
	buf_adds(b->out, "<_:");
	segment_placeholder_name(b->out, node, seg->nplaceholders);
	buf_adds(b->out, "/>");
}

static void add_nodes(struct builder *b, xmlNodePtr first, int preserve);

/*
 * The entity that the reference REF expands to as text, or NULL when the
 * reference is kept whole: an entity the document does not declare (from
 * an external DTD subset that is never read), an external one, one whose
 * replacement holds markup or a reference kept whole, or one nested
 * deeper than MAX_ENTITY_DEPTH.  The replacement of an entity is shared by
 * all its references: nothing in it may become a placeholder, which the
 * merge back would move out of the entity into one unit.
 */
static xmlEntityPtr text_entity(xmlNodePtr ref, int depth)
{
	xmlEntityPtr ent = xmlGetDocEntity(ref->doc, ref->name);
	xmlNodePtr n;

	if (!ent || ent->etype != XML_INTERNAL_GENERAL_ENTITY || depth >= MAX_ENTITY_DEPTH)
		return NULL;
	for (n = ent->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE ||
		    (n->type == XML_ENTITY_REF_NODE && !text_entity(n, depth + 1)))
			return NULL;
	return ent;
}

/*
 * 1 when the value of the attribute A is text once its entities are
 * expanded: no reference in it is kept whole.
 */
static int attr_is_text(xmlAttrPtr a)
{
	xmlNodePtr n;

	for (n = a->children; n; n = n->next)
		if (n->type == XML_ENTITY_REF_NODE && !text_entity(n, 0))
			return 0;
	return 1;
}

/*
 * A value holding a reference kept whole cannot be written in a message
 * (a placeholder cannot stand inside an attribute value): it is hidden,
 * and restored from the source as it is.
 */
int segment_attr_shown(const struct its_doc *its, xmlAttrPtr a)
{
	return its_translate(its, (xmlNodePtr)a) && attr_is_text(a);
}

xmlChar *segment_attr_raw_value(xmlAttrPtr a)
{
	xmlChar *v = xmlNodeListGetString(a->doc, a->children, 0);

	return v ? v : xmlStrdup(BAD_CAST "");
}

static void add_inline(struct builder *b, xmlNodePtr el)
{
	struct segment *seg = b->seg;
	size_t index = seg->ninlines;
	const char *note, *up;
	xmlAttrPtr a;

	seg->inlines = xrealloc(seg->inlines, (index + 1) * sizeof *seg->inlines);
	seg->markers = xrealloc(seg->markers, (index + 1) * sizeof *seg->markers);
	seg->inlines[index] = el;
	seg->markers[index] = 0;
	seg->ninlines++;

	flush_space(b);
	buf_addc(b->out, '<');
	segment_add_qname(b->out, el);
	for (a = el->properties; a; a = a->next) {
		xmlChar *value;

		if (!segment_attr_shown(b->its, a))
			continue; /* hidden: restored from the source on merge */
		value = xmlNodeGetContent((xmlNodePtr)a);
		buf_addc(b->out, ' ');
		segment_add_qname(b->out, (xmlNodePtr)a);
		buf_adds(b->out, "=\"");
		add_escaped(b->out, value ? (const char *)value : "",
		            value ? strlen((const char *)value) : 0, 1);
		buf_addc(b->out, '"');
		if (value) {
			const xmlChar *p;

			for (p = value; *p; p++)
				if (!segment_is_space(*p))
					seg->has_text = 1;
		}
		xmlFree(value);
	}
	/* The marker slot; filled in by mark_inlines when needed. */
	buf_addc(b->out, '\x01');
	if (!el->children) {
		buf_adds(b->out, "/>");
	} else {
		buf_addc(b->out, '>');
		add_nodes(b, el->children, its_preserve_space(b->its, el));
		flush_space(b);
		buf_adds(b->out, "</");
		segment_add_qname(b->out, el);
		buf_addc(b->out, '>');
	}

	/* A note of the inline element's own, not one inherited. */
	note = its_note(b->its, el, NULL, NULL);
	up = el->parent ? its_note(b->its, el->parent, NULL, NULL) : NULL;
	if (note && note != up) {
		buf_addc(&seg->notes, '<');
		segment_add_qname(&seg->notes, el);
		buf_addf(&seg->notes, ">: %s\n", note);
	}
	if (its_term(b->its, el, NULL))
		segment_term_note(&seg->notes, el);
}

void segment_term_note(struct buf *notes, xmlNodePtr node)
{
	xmlChar *text = xmlNodeGetContent(node);
	const char *p = text ? (const char *)text : "";
	int space = 0;

	p += strspn(p, " \t\r\n");
	if (!*p) {
		xmlFree(text);
		return;
	}
	buf_adds(notes, SEGMENT_TERM_NOTE);
	for (; *p; p++) {
		if (segment_is_space((unsigned char)*p)) {
			space = 1;
			continue;
		}
		if (space)
			buf_addc(notes, ' ');
		space = 0;
		buf_addc(notes, *p);
	}
	buf_addc(notes, '\n');
	xmlFree(text);
}

static void add_element(struct builder *b, xmlNodePtr el)
{
	if (!its_is_markup(el) && its_within_text(b->its, el) == ITS_WITHIN_YES &&
	    its_translate(b->its, el))
		add_inline(b, el);
	else
		add_placeholder(b, el);
}

static void add_nodes(struct builder *b, xmlNodePtr first, int preserve)
{
	xmlNodePtr n;

	for (n = first; n; n = n->next) {
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content)
				add_text(b, (const char *)n->content, preserve);
			break;
		case XML_ELEMENT_NODE:
			add_element(b, n);
			break;
		case XML_ENTITY_REF_NODE: {
			/*
			 * An internal entity whose replacement is text is
			 * expanded: translators see the text, and the
			 * localized document gets the translation.  Any
			 * other stays whole, as a placeholder (text_entity),
			 * and counts as text: what it stands for is in no
			 * other message, so a unit that holds only
			 * <title>&product;</title> is still a message.
			 */
			xmlEntityPtr ent = text_entity(n, b->depth);

			if (ent) {
				b->depth++;
				if (ent->children)
					add_nodes(b, ent->children, preserve);
				else if (ent->content)
					add_text(b, (const char *)ent->content, preserve);
				b->depth--;
			} else {
				add_placeholder(b, n);
				b->seg->has_text = 1;
			}
			break;
		}
		default:
			/* Comments and processing instructions are not text. */
			break;
		}
	}
}

/* What an inline element hides: its untranslatable attributes. */
static char *hidden_signature(const struct its_doc *its, xmlNodePtr el)
{
	struct buf sig = BUF_INIT;
	xmlAttrPtr a;

	for (a = el->properties; a; a = a->next) {
		xmlChar *value;

		if (segment_attr_shown(its, a))
			continue;
		/* As written: two values that differ only in an entity differ. */
		value = segment_attr_raw_value(a);
		segment_add_qname(&sig, (xmlNodePtr)a);
		buf_addc(&sig, '=');
		buf_adds(&sig, value ? (const char *)value : "");
		/* U+0002 cannot occur in XML 1.0 text: a safe separator. */
		buf_addc(&sig, '\x02');
		xmlFree(value);
	}
	return buf_detach(&sig);
}

static int same_qname(xmlNodePtr a, xmlNodePtr b)
{
	const xmlChar *pa = a->ns ? a->ns->prefix : NULL, *pb = b->ns ? b->ns->prefix : NULL;

	return xmlStrEqual(a->name, b->name) && xmlStrEqual(pa, pb);
}

/*
 * Gives markers to the inline elements of every name whose elements
 * differ in hidden attributes, so that a translator can reorder them and
 * each still gets its own href back.
 */
static void mark_inlines(const struct its_doc *its, struct segment *seg)
{
	size_t i, j;
	char **sig;

	if (seg->ninlines < 2)
		return;
	sig = xcalloc(seg->ninlines, sizeof *sig);
	for (i = 0; i < seg->ninlines; i++)
		sig[i] = hidden_signature(its, seg->inlines[i]);
	for (i = 0; i < seg->ninlines; i++) {
		int differ = 0, rank = 0;

		if (seg->markers[i])
			continue;
		for (j = i + 1; j < seg->ninlines && !differ; j++)
			if (same_qname(seg->inlines[i], seg->inlines[j]) &&
			    strcmp(sig[i], sig[j]) != 0)
				differ = 1;
		if (!differ)
			continue;
		for (j = i; j < seg->ninlines; j++)
			if (same_qname(seg->inlines[i], seg->inlines[j]))
				seg->markers[j] = ++rank;
	}
	for (i = 0; i < seg->ninlines; i++)
		free(sig[i]);
	free(sig);
}

/* Replaces the marker slots (\x01) with the markers, or nothing. */
static void fill_markers(struct segment *seg, struct buf *text)
{
	struct buf out = BUF_INIT;
	const char *p = buf_str(text), *slot;
	size_t k = 0;

	if (!seg->ninlines)
		return; /* no slot */
	while ((slot = strchr(p, '\x01')) != NULL) {
		buf_add(&out, p, (size_t)(slot - p));
		if (k < seg->ninlines && seg->markers[k])
			buf_addf(&out, " _:n=\"%d\"", seg->markers[k]);
		k++;
		p = slot + 1;
	}
	buf_adds(&out, p);
	buf_release(text);
	*text = out;
}

void segment_init(struct segment *seg, const struct its_doc *its, xmlNodePtr node)
{
	struct builder b;
	struct buf text = BUF_INIT;

	memset(seg, 0, sizeof *seg);
	memset(&b, 0, sizeof b);
	seg->node = node;
	b.its = its;
	b.seg = seg;
	b.out = &text;
	seg->preserve = its_preserve_space(its, node);
	/* An attribute's value is text and entity references, as content is. */
	add_nodes(&b, node->children, seg->preserve);
	mark_inlines(its, seg);
	fill_markers(seg, &text);
	seg->text = buf_detach(&text);
}

void segment_release(struct segment *seg)
{
	free(seg->text);
	free(seg->placeholders);
	free(seg->inlines);
	free(seg->markers);
	buf_release(&seg->notes);
	memset(seg, 0, sizeof *seg);
}

/* --- The text of a message ----------------------------------------------------- */

static int is_name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == ':' || c == '-' || c == '.';
}

/* The length of the ASCII name at P (0 if none starts there). */
static size_t name_len(const char *p)
{
	size_t n = 0;

	if (!is_name_char((unsigned char)*p) || *p == '-' || *p == '.' || (*p >= '0' && *p <= '9'))
		return 0;
	while (is_name_char((unsigned char)p[n]))
		n++;
	return n;
}

static const char *skip_space(const char *p)
{
	while (segment_is_space((unsigned char)*p))
		p++;
	return p;
}

/* 1 when XML 1.0 allows the character U (§2.2, Char). */
static int xml_char(long u)
{
	return u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u <= 0xD7FF) ||
	       (u >= 0xE000 && u <= 0xFFFD) || (u >= 0x10000 && u <= 0x10FFFF);
}

/* Appends the code point U as UTF-8. */
static void add_utf8(struct buf *out, long u)
{
	char b[4];

	if (u < 0x80) {
		b[0] = (char)u;
		buf_add(out, b, 1);
	} else if (u < 0x800) {
		b[0] = (char)(0xC0 | (u >> 6));
		b[1] = (char)(0x80 | (u & 0x3F));
		buf_add(out, b, 2);
	} else if (u < 0x10000) {
		b[0] = (char)(0xE0 | (u >> 12));
		b[1] = (char)(0x80 | ((u >> 6) & 0x3F));
		b[2] = (char)(0x80 | (u & 0x3F));
		buf_add(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | (u >> 18));
		b[1] = (char)(0x80 | ((u >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((u >> 6) & 0x3F));
		b[3] = (char)(0x80 | (u & 0x3F));
		buf_add(out, b, 4);
	}
}

/*
 * Decodes the reference at P ('&'): appends its character to OUT (when
 * OUT is not NULL) and returns the end of the reference, or NULL for one
 * that is not one of XML's five or a character reference.
 */
static const char *read_reference(const char *p, struct buf *out)
{
	static const struct {
		const char *name;
		char c;
	} five[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' }, { "apos;", '\'' }
	};
	size_t i;
	long u = 0;

	p++;
	if (*p == '#') {
		int hex = p[1] == 'x';
		const char *q = p + 1 + hex;
		const char *start = q;

		for (; *q != ';'; q++) {
			int d = *q >= '0' && *q <= '9'          ? *q - '0'
			        : hex && *q >= 'a' && *q <= 'f' ? *q - 'a' + 10
			        : hex && *q >= 'A' && *q <= 'F' ? *q - 'A' + 10
			                                        : -1;

			if (d < 0 || u > 0x10FFFF)
				return NULL;
			u = u * (hex ? 16 : 10) + d;
		}
		if (q == start || !xml_char(u))
			return NULL;
		if (out)
			add_utf8(out, u);
		return q + 1;
	}
	for (i = 0; i < sizeof five / sizeof five[0]; i++)
		if (strncmp(p, five[i].name, strlen(five[i].name)) == 0) {
			if (out)
				buf_addc(out, five[i].c);
			return p + strlen(five[i].name);
		}
	return NULL;
}

/*
 * Goes past the character at P: returns where the next one starts, or
 * NULL when well-formed text or attribute values cannot hold it.
 */
static const char *value_char(const char *p)
{
	unsigned char c = (unsigned char)*p;
	size_t pos = 0;
	long u;

	if (c == '&')
		return read_reference(p, NULL);
	if (c == '<' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
		return NULL;
	if (c < 0x80)
		return p + 1;
	u = uni_next(p, strnlen(p, 4), &pos);
	return u >= 0 && xml_char(u) ? p + pos : NULL;
}

/* Reads the start or end tag at P ('<'); returns its end, or NULL. */
static const char *read_tag(const char *p, const char **names, size_t *depth, size_t max)
{
	const char *attrs[16];
	size_t n, nattrs = 0;

	if (p[1] == '/') {
		n = name_len(p + 2);
		if (!n || *depth == 0 || strncmp(names[*depth - 1], p + 2, n) != 0 ||
		    name_len(names[*depth - 1]) != n)
			return NULL;
		(*depth)--;
		p = skip_space(p + 2 + n);
		return *p == '>' ? p + 1 : NULL;
	}
	n = name_len(p + 1);
	if (!n)
		return NULL;
	if (*depth == max)
		return NULL;
	names[(*depth)++] = p + 1;
	p += 1 + n;
	for (;;) {
		const char *q = skip_space(p);
		char quote;
		size_t i;

		if (*q == '>')
			return q + 1;
		if (q[0] == '/' && q[1] == '>') {
			(*depth)--;
			return q + 2;
		}
		/* An attribute: space, name, '=', a quoted value without '<'. */
		n = name_len(q);
		if (q == p || !n || nattrs == sizeof attrs / sizeof attrs[0])
			return NULL;
		for (i = 0; i < nattrs; i++)
			if (name_len(attrs[i]) == n && strncmp(attrs[i], q, n) == 0)
				return NULL; /* an attribute twice */
		attrs[nattrs++] = q;
		q = skip_space(q + n);
		if (*q != '=')
			return NULL;
		q = skip_space(q + 1);
		quote = *q;
		if (quote != '"' && quote != '\'')
			return NULL;
		for (q++; *q != quote;)
			if (!*q || !(q = value_char(q)))
				return NULL;
		p = q + 1;
	}
}

int segment_text(const char *msg, struct buf *out)
{
	const char *names[64];
	size_t depth = 0, start = out->len;
	const char *p = msg;

	while (*p) {
		const char *run = p;
		unsigned char c;

		while ((c = (unsigned char)*p) >= 0x20 && c < 0x80 && c != '<' && c != '&' &&
		       !(c == ']' && strncmp(p, "]]>", 3) == 0))
			p++;
		buf_add(out, run, (size_t)(p - run));
		if (!c)
			break;
		if (c == '<')
			p = read_tag(p, names, &depth, sizeof names / sizeof names[0]);
		else if (c == '&')
			p = read_reference(p, out);
		else if (c == '\t' || c == '\n')
			buf_addc(out, *p++);
		else if (c >= 0x80) {
			run = p;
			if ((p = value_char(p)) != NULL)
				buf_add(out, run, (size_t)(p - run));
		} else {
			p = NULL; /* a control character, a carriage return, "]]>" */
		}
		if (!p)
			break;
	}
	if (!p || depth) {
		buf_truncate(out, start);
		return -1;
	}
	return 0;
}
