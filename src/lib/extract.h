/*
 * extract: XML documents → the messages of a POT template.
 *
 * An extraction collects the translation units of every document given,
 * in document order and in the order the documents come: one message per
 * distinct (msgctxt, msgid), with a "#:" reference for every occurrence,
 * "#." comments from ITS Localization Note, "#, no-wrap" where ITS
 * Preserve Space keeps whitespace, and msgctxt from ITS Id Value (the
 * unit's own id: Id Value is not inherited).  extract_write then writes
 * the template through catalog.h.
 *
 * The struct extract owns its messages; the rules given to extract_new
 * must outlive it.
 */
#ifndef TRADUKI_EXTRACT_H
#define TRADUKI_EXTRACT_H

#include <libxml/tree.h>

#include "cache.h"
#include "diag.h"
#include "digest.h"
#include "its.h"
#include "segment.h"

struct extract;

/* Header fields of the template. */
struct extract_header {
	const char *package_name; /* NULL: "PACKAGE" */
	const char *package_version; /* NULL: "VERSION" (no version if name given) */
	/* NULL: the ITS Language Information of the first document's root
	 * that has one; when none has, extract_write reports an error. */
	const char *source_lang;
};

/* A new extraction applying the global RULES (may be NULL) to each document. */
struct extract *extract_new(const struct its_rules *rules);
void extract_free(struct extract *ex);

/*
 * Reads the XML file at PATH (names in references are PATH as given) and
 * adds its messages.  Returns 0, or -1 after reporting to D.
 */
int extract_file(struct extract *ex, const char *path, struct diag *d);

/*
 * extract_file through CACHE: a document whose bytes, name and RULES (a
 * digest of the rules files given to extract_new) are those of a record
 * is not parsed; its units come from the record, and the template is the
 * same.  Otherwise the document is read (its bytes digested as they are
 * parsed) and, when it gave no diagnostic and had no other file read, its
 * units are recorded.  Returns as extract_file.
 */
int extract_file_cached(struct extract *ex, const char *path, struct cache *cache,
                        const struct digest *rules, struct diag *d);

/* Adds the messages of DOC, read from NAME.  Returns 0, or -1 after reporting. */
int extract_doc(struct extract *ex, xmlDocPtr doc, const char *name, struct diag *d);

/* One translation unit, as the walk of extract_units finds it. */
struct extract_unit {
	const struct segment *seg; /* the unit's node and message text */
	const char *ctxt; /* msgctxt: the element's own ITS Id Value, or NULL */
	const char *comments; /* the "#." lines, each ending in '\n' */
};

typedef void extract_unit_fn(const struct extract_unit *unit, void *data);

/*
 * The walk that finds translation units, shared by extraction and the
 * merge back (inject.h) so that both compute the same message for the
 * same unit: calls FN for every unit below ROOT, in the order of the
 * template.  Content whose Locale Filter admits no locale is skipped.
 *
 * FN may change the unit's own content (segment_apply rebuilds it) but
 * must leave its placeholders alive, moved or not: the walk goes into them
 * after FN returns, for the units nested there.  No other node may be
 * freed or moved during the walk.
 */
void extract_units(const struct its_doc *its, xmlNodePtr root, extract_unit_fn *fn, void *data);

/* The number of messages so far. */
size_t extract_count(const struct extract *ex);

/*
 * Writes the template to PATH ("-": standard output), atomically.  The
 * POT-Creation-Date is the one PATH already has when everything else
 * would be written the same (a run on unchanged sources changes no byte
 * and leaves the file untouched), else the time in SOURCE_DATE_EPOCH if
 * set, else now.  The messages move into the template: call it once, as
 * the last step.  Returns 0, or -1 after reporting (the source language
 * unknown, see struct extract_header; a write error).
 */
int extract_write(struct extract *ex, const char *path, const struct extract_header *header,
                  struct diag *d);

#endif
