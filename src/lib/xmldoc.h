/*
 * xmldoc: loading XML documents safely, and RELAX NG validation.
 *
 * Documents are parsed with line numbers and without network access; no
 * external DTD or external entity is loaded, and libxml2's size and depth
 * limits stay on.  Internal entities are kept as references in the tree
 * (they are not substituted), so that nothing expands beyond the parser's
 * limits.  Every libxml2 message is routed to the struct diag given, as
 * "file:line:col: error: text".
 *
 * Documents are freed with xmlFreeDoc; schemas with xmldoc_schema_free.
 */
#ifndef TRADUKI_XMLDOC_H
#define TRADUKI_XMLDOC_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "diag.h"

/*
 * libxml2's error handlers are process globals.  A module that wants
 * libxml2's messages for a while installs its own with xmldoc_catch and
 * puts back whatever was there before with xmldoc_release, so that a
 * caller's handler (a test's, another module's further up) survives.
 * STRUCTURED or GENERIC may be NULL: that one is left as it is.
 */
struct xmldoc_handlers {
	xmlStructuredErrorFunc structured;
	void *structured_data;
	xmlGenericErrorFunc generic;
	void *generic_data;
};
void xmldoc_catch(struct xmldoc_handlers *saved, xmlStructuredErrorFunc structured,
                  xmlGenericErrorFunc generic, void *data);
void xmldoc_release(const struct xmldoc_handlers *saved);

/* Parses the file at PATH ("-" for standard input); NULL after an error. */
xmlDocPtr xmldoc_read_file(const char *path, struct diag *d);

/*
 * How many files xmldoc_read_file was asked to read in this process: a
 * caller that caches what a document gave learns from it whether the
 * document had other files read (linked ITS rules), which its key would
 * then have to cover.
 */
unsigned long xmldoc_files_read(void);

/* Parses LEN bytes at DATA, reporting errors against NAME. */
xmlDocPtr xmldoc_read_memory(const char *data, size_t len, const char *name, struct diag *d);

struct xmldoc_schema;

/* Loads a RELAX NG schema; NULL after reporting why. */
struct xmldoc_schema *xmldoc_schema_load(const char *path, struct diag *d);
void xmldoc_schema_free(struct xmldoc_schema *schema);

/*
 * Validates DOC against SCHEMA: 0 when valid, -1 after reporting the
 * first and innermost violation, at its line and column, with a hint
 * (rngexplain.h).
 */
int xmldoc_validate(const struct xmldoc_schema *schema, xmlDocPtr doc, struct diag *d);

/*
 * Checks that DOC refers to no static file that is missing: an attribute
 * whose value is a relative address starting with the name of one of the
 * COUNT folders DIRS ("images/x.jpg" for content/images) must name a
 * regular file below that folder, as the site will copy it.  Returns 0,
 * or -1 after reporting each missing file at the line of its element.
 */
int xmldoc_check_static(xmlDocPtr doc, const char *const *dirs, size_t count, struct diag *d);

/*
 * libxml2 records the line of an element (the line where its start tag
 * ends) but no column.  For a diagnostic, FILE is read again and NEEDLE
 * ("<" + an element's name, or an attribute's name followed by '=' when
 * IS_ATTR) is looked for backwards from the end of line *LINE; *LINE and
 * *COL then point at it (for an attribute, at the first character of its
 * value).  *COL is 0 when it is not found.  Only error paths come here.
 */
void xmldoc_locate(const char *file, long *line, long *col, const char *needle, int is_attr);

/* The file name DOC was read from, as given to xmldoc_read_*. */
const char *xmldoc_name(xmlDocPtr doc);

/*
 * The text of NODE with each run of white space made one space, and none
 * at either end, as a title or a term is read: a string to free.
 */
char *xmldoc_collapsed_text(xmlNodePtr node);

#endif
