/*
 * segment: one translation unit ⇄ its message text, both directions.
 *
 * A translation unit is an element whose text is translated as a whole (a
 * paragraph, a title) or a translatable attribute (an image's alt).  Its
 * message text follows the msgid markup syntax (doc/msgid-syntax.md):
 *
 * - text, XML-escaped (&amp; &lt; &gt;), whitespace collapsed across the
 *   whole unit and trimmed at its ends unless ITS Preserve Space says
 *   otherwise; no-break and other Unicode spaces are text;
 * - inline elements (ITS withinText="yes", translatable) as XML with their
 *   qualified names and only their translatable attributes; the others
 *   (a link's href) are hidden and restored from the source;
 * - when two inline elements of one name differ in hidden attributes, each
 *   element of that name carries a marker _:n="K" (its rank among the
 *   elements of that name) so that translators may reorder them;
 * - everything else inside the unit (untranslatable or nested elements,
 *   blocks, unloaded external entities) as a placeholder <_:NAME-N/>, N
 *   counting placeholders in the message from 1.
 *
 * The prefix "_" stands for the namespace SEGMENT_NS; the parser of
 * translations binds it, translators never write the declaration.
 *
 * Ownership: a struct segment owns its text and arrays; the nodes it lists
 * belong to the document.
 */
#ifndef TRADUKI_SEGMENT_H
#define TRADUKI_SEGMENT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"
#include "its.h"

/* The namespace of placeholders and markers (prefix "_" in messages). */
#define SEGMENT_NS "urn:x-traduki:segment"

struct segment {
	xmlNodePtr node; /* the unit: an element or an attribute */
	char *text; /* the message text (msgid syntax) */
	int preserve; /* whitespace kept as written: "#, no-wrap" */
	int has_text; /* 0: only whitespace and placeholders, no message */
	xmlNodePtr *placeholders; /* placeholder N is placeholders[N - 1] */
	size_t nplaceholders;
	xmlNodePtr *inlines; /* inline elements, in message order */
	int *markers; /* their _:n markers, 0 for none */
	size_t ninlines;
	/* Notes on inline elements: "<em>: note" lines, and a "Term: TEXT"
	 * line for each that is a term (ITS Terminology, its:term="yes"). */
	struct buf notes;
};

/* How a note names a term of the source, for the translator and the checks. */
#define SEGMENT_TERM_NOTE "Term: "

/* Appends to NOTES the line "Term: TEXT", TEXT being NODE's, spaces collapsed. */
void segment_term_note(struct buf *notes, xmlNodePtr node);

/*
 * Builds the message of the unit NODE (an element or an attribute) from
 * the ITS values in ITS.  Always succeeds; SEG must be released.
 */
void segment_init(struct segment *seg, const struct its_doc *its, xmlNodePtr node);
void segment_release(struct segment *seg);

/*
 * Checks that the translation MSGSTR fits the message MSGID: a
 * well-formed fragment with exactly the inline elements and placeholders
 * of MSGID (same names and counts, any order and nesting), the same
 * markers, no attribute that MSGID's element lacks, no other element, no
 * comment, processing instruction, CDATA section or entity reference.
 * Returns 0, or -1 and sets *REASON to a one-line explanation for a
 * diagnostic (free it) when REASON is not NULL.
 */
int segment_check(const char *msgid, const char *msgstr, char **reason);

/*
 * Appends to OUT the text of the message MSG: its character data, markup
 * removed and references decoded, as an XML parser would give it.  Reads
 * only what extraction writes (elements, attributes, the five entity
 * references and character references) and returns 0; for anything else
 * (comments, CDATA sections, other references, markup that is not
 * well-formed, characters that XML forbids) it returns -1 and leaves OUT
 * as it was, for a caller to use a full XML parser.  Much cheaper than
 * parsing: word counts use it.
 */
int segment_text(const char *msg, struct buf *out);

/*
 * Called for each placeholder node after segment_apply put it back, so
 * that the caller can translate the units inside it (nested content).
 */
typedef void segment_nested_fn(xmlNodePtr node, void *data);

/*
 * Replaces the content of the unit NODE by the translation MSGSTR: for
 * an element, the translated text and inline elements in the
 * translator's order, each inline element with its hidden attributes
 * restored from the source and its translatable ones from MSGSTR, each
 * placeholder replaced by the source node it stands for (moved, not
 * copied, then handed to NESTED if not NULL); for an attribute, the new
 * value.  MSGSTR is checked first (segment_check): on failure the unit is
 * untouched and -1 is returned with *REASON set (free it).
 *
 * MSGSTR is untrusted: it is parsed as a fragment inside a root element of
 * ours, without DTD, entity loading or network access.
 */
int segment_apply(const struct its_doc *its, xmlNodePtr node, const char *msgstr,
                  segment_nested_fn *nested, void *data, char **reason);

/*
 * segment_apply for the unit that SEG describes (made by segment_init
 * with ITS, the unit unchanged since): spares building the segment and
 * reading its message again.  SEG's placeholders are moved into the new
 * content; its list of inline elements no longer holds after success.
 */
int segment_apply_unit(const struct its_doc *its, const struct segment *seg, const char *msgstr,
                       segment_nested_fn *nested, void *data, char **reason);

/* Frees the parser kept for reading messages (see segment.c); harmless
 * when there is none.  The next use makes a new one. */
void segment_cleanup(void);

#endif
