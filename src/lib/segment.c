/*
 * segment: a translation unit ⇄ its message text.  See segment.h, and
 * doc/msgid-syntax.md for the syntax that translators see.
 */
#include <config.h>

#include "segment.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "mem.h"
#include "uni.h"

/* Entities referring to entities: expanded this deep at most. */
#define MAX_ENTITY_DEPTH 8

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

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

		if (!preserve && is_space((unsigned char)*s)) {
			while (is_space((unsigned char)*s))
				s++;
			b->pending = 1;
			continue;
		}
		while (*s && (preserve || !is_space((unsigned char)*s))) {
			if (!is_space((unsigned char)*s))
				b->seg->has_text = 1;
			s++;
		}
		flush_space(b);
		add_escaped(b->out, run, (size_t)(s - run), 0);
	}
}

static void add_qname(struct buf *out, xmlNodePtr node)
{
	if (node->ns && node->ns->prefix) {
		buf_adds(out, (const char *)node->ns->prefix);
		buf_addc(out, ':');
	}
	buf_adds(out, (const char *)node->name);
}

/*
 * The local name of placeholder NUMBER, for NODE: "NAME-NUMBER".  An
 * element's name has no colon, but an entity's may (Namespaces in XML
 * forbids it, libxml2 lets it through); "_:lea:-1" would not be XML a
 * translator's tool or the merge could read, so a colon becomes '_'.
 */
static void placeholder_name(struct buf *out, xmlNodePtr node, size_t number)
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
	placeholder_name(b->out, node, seg->nplaceholders);
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
 * 1 when the attribute A of an inline element is shown in the message: a
 * translatable attribute whose value is text.  A value holding a
 * reference kept whole cannot be written in a message (a placeholder
 * cannot stand inside an attribute value): it is hidden, and restored
 * from the source as it is.
 */
static int attr_shown(const struct its_doc *its, xmlAttrPtr a)
{
	return its_translate(its, (xmlNodePtr)a) && attr_is_text(a);
}

/*
 * The value of the attribute A as written in XML, references kept
 * ("&wiki;Terms"), for xmlNodeSetContent to read back (free it).
 */
static xmlChar *attr_raw_value(xmlAttrPtr a)
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
	add_qname(b->out, el);
	for (a = el->properties; a; a = a->next) {
		xmlChar *value;

		if (!attr_shown(b->its, a))
			continue; /* hidden: restored from the source on merge */
		value = xmlNodeGetContent((xmlNodePtr)a);
		buf_addc(b->out, ' ');
		add_qname(b->out, (xmlNodePtr)a);
		buf_adds(b->out, "=\"");
		add_escaped(b->out, value ? (const char *)value : "",
		            value ? strlen((const char *)value) : 0, 1);
		buf_addc(b->out, '"');
		if (value) {
			const xmlChar *p;

			for (p = value; *p; p++)
				if (!is_space(*p))
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
		add_qname(b->out, el);
		buf_addc(b->out, '>');
	}

	/* A note of the inline element's own, not one inherited. */
	note = its_note(b->its, el, NULL, NULL);
	up = el->parent ? its_note(b->its, el->parent, NULL, NULL) : NULL;
	if (note && note != up) {
		buf_addc(&seg->notes, '<');
		add_qname(&seg->notes, el);
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
		if (is_space((unsigned char)*p)) {
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

		if (attr_shown(its, a))
			continue;
		/* As written: two values that differ only in an entity differ. */
		value = attr_raw_value(a);
		add_qname(&sig, (xmlNodePtr)a);
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
	while (is_space((unsigned char)*p))
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

/* --- Text to node ------------------------------------------------------------ */

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
		while (p[1 + n] && p[1 + n] != ';' && !is_space((unsigned char)p[1 + n]) &&
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
	add_qname(out, node);
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

		switch (n->type) {
		case XML_TEXT_NODE:
			continue;
		case XML_ELEMENT_NODE:
			break;
		case XML_COMMENT_NODE:
			reason = dup_reason("comments are not allowed");
			continue;
		case XML_PI_NODE:
			reason = dup_reason("processing instructions are not allowed");
			continue;
		case XML_CDATA_SECTION_NODE:
			reason = dup_reason("CDATA sections are not allowed; escape the text");
			continue;
		case XML_ENTITY_REF_NODE:
			reason = dup_reason("entity references are not allowed");
			continue;
		default:
			reason = dup_reason("unexpected markup");
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
	xmlSetStructuredErrorFunc(&pe, on_parse_error);
	sh->doc = xmlCtxtReadMemory(ctxt, buf_str(&src), (int)src.len, "message", "UTF-8",
	                            XML_PARSE_NONET | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
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
		xmlChar *value = attr_raw_value(a);
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
			if (!attr_shown(its, a))
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
		placeholder_name(&name, seg->placeholders[i], i + 1);
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
		for (p = s; is_space(*p); p++)
			;
		return p > s ? xmlStrndup(s, (int)(p - s)) : NULL;
	}
	for (p = s + len; p > s && is_space(p[-1]); p--)
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
