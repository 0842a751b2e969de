/*
 * rngexplain: RELAX NG validation errors that an editor can act on.
 *
 * libxml2's validator reports where it gave up, and everything that
 * failed because of it: an <i> in a paragraph reads "Element p has extra
 * content: text", an impossible date five lines about the whole article.
 * rngexplain_report says one thing per document instead, the first fault
 * in document order and the innermost: the element, attribute or value
 * at fault, at its line and column, with a hint for the common cases: an
 * element the schema does not allow there (and the ones it allows), an
 * attribute missing (an image's alt) or not allowed, a value of the wrong
 * type (a date that does not exist), elements in the wrong order.
 *
 * It reads the schema itself, as a document, to tell which elements and
 * attributes an element may have, and checks values with libxml2's own
 * XML Schema datatypes and regular expressions; what it cannot explain,
 * libxml2's first error says as it is.
 */
#ifndef TRADUKI_RNGEXPLAIN_H
#define TRADUKI_RNGEXPLAIN_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"

/* One error of libxml2's RELAX NG validator, as it raised it. */
struct rngexplain_error {
	int code; /* xmlRelaxNGValidErr */
	xmlNodePtr node; /* the node it is about, or NULL */
	long line;
	char *str1, *str2; /* its arguments, or NULL */
	char *message;
};

/* Copies what ERR (an xmlErrorPtr) says into E. */
void rngexplain_error_init(struct rngexplain_error *e, const void *err);
void rngexplain_error_release(struct rngexplain_error *e);

/*
 * Reports to D, as one error, the first and innermost fault of DOC (read
 * from FILE) against SCHEMA (the schema's document), given the COUNT
 * errors the validator raised.
 */
void rngexplain_report(xmlDocPtr schema, xmlDocPtr doc, const char *file,
                       const struct rngexplain_error *errors, size_t count, struct diag *d);

#endif
