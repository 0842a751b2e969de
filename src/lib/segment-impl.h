/*
 * segment: what segment.c (a unit to its message) and segment-apply.c (a
 * translation back into its unit) share.  Private to those two files.
 */
#ifndef TRADUKI_SEGMENT_IMPL_H
#define TRADUKI_SEGMENT_IMPL_H

#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"
#include "its.h"

/* XML whitespace. */
static inline int segment_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends the qualified name of NODE (an element or an attribute) to OUT. */
void segment_add_qname(struct buf *out, xmlNodePtr node);

/* Appends to OUT the local name of placeholder NUMBER, for NODE: "NAME-NUMBER". */
void segment_placeholder_name(struct buf *out, xmlNodePtr node, size_t number);

/*
 * 1 when the attribute A of an inline element is shown in the message: a
 * translatable attribute whose value is text.  The others are hidden, and
 * restored from the source.
 */
int segment_attr_shown(const struct its_doc *its, xmlAttrPtr a);

/*
 * The value of the attribute A as written in XML, references kept
 * ("&wiki;Terms"), for xmlNodeSetContent to read back (xmlFree).
 */
xmlChar *segment_attr_raw_value(xmlAttrPtr a);

#endif
