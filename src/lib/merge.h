/*
 * merge: a translator's catalog brought in step with a new template, with
 * msgmerge's semantics (GNU gettext 0.21), and four deliberate differences
 * described in doc/merge.md.
 *
 * - The output has the template's messages, in the template's order, then
 *   the old messages nothing used, as obsolete "#~" entries in their old
 *   order (untranslated ones are dropped: they hold no work).
 * - An exact (msgctxt, msgid) match, obsolete or not, keeps its msgstr,
 *   translator comments and fuzzy flag; "#." comments, "#:" references and
 *   format and wrap flags come from the template.  A changed msgid_plural
 *   makes it fuzzy.
 * - A message with no exact match gets the translation of the most similar
 *   old message (similarity > 0.6, see fuzzy.h), marked fuzzy.  Candidates
 *   are all translated old messages, fuzzy and obsolete ones included.
 * - With PREVIOUS, fuzzy entries carry "#|" previous msgctxt and msgid: the
 *   old message's own, or, if it was fuzzy itself, its "#|" ones.
 * - The header is the old one with POT-Creation-Date and
 *   Report-Msgid-Bugs-To from the template, its known fields in gettext's
 *   order, and Language from LANG when given.
 * - Plural entries get as many msgstr[] as the old header's Plural-Forms
 *   says (2 if it says nothing).
 */
#ifndef TRADUKI_MERGE_H
#define TRADUKI_MERGE_H

#include <stddef.h>

#include "catalog.h"
#include "diag.h"

struct merge_options {
	int previous; /* keep "#|" previous msgctxt/msgid on fuzzy entries */
	int fuzzy_matching; /* 0: no fuzzy matching at all (msgmerge -N) */
	const char *lang; /* the Language header field to set, or NULL */
	/* Locale of the msgids for sentence breaks; NULL: the template's
	 * X-Source-Language header field, else LANG_SOURCE_DEFAULT (lang.h). */
	const char *source_lang;
};

/* What a merge did, message by message (the header not counted). */
struct merge_stats {
	size_t exact; /* kept their translation (fuzzy or not) */
	size_t fuzzy; /* got a similar message's translation */
	size_t assembled; /* of those, built from unchanged sentences */
	size_t untranslated; /* new, with no translation */
	size_t obsolete; /* old translated messages nothing used */
};

/*
 * Merges the old catalog DEF with the template REF.  Returns a new catalog
 * named like DEF (the caller frees it); DEF and REF are not changed.
 * STATS may be NULL.  Returns NULL after reporting to D when DEF's header
 * gives a number of plural forms that is out of gettext's limits (see
 * catalog_nplurals): new plural messages could not be given theirs.
 */
struct catalog *merge_catalogs(const struct catalog *def, const struct catalog *ref,
                               const struct merge_options *opt, struct merge_stats *stats,
                               struct diag *d);

/*
 * A new, empty catalog for language LANG from the template REF, named
 * NAME: the header msginit writes (Language, Plural-Forms from
 * uni_plural_forms, UTF-8, placeholders for the translator and the team,
 * PO-Revision-Date set to the template's POT-Creation-Date so that the
 * output is reproducible), not fuzzy, and no message: merging it with REF
 * gives every message with an empty translation, never the source text.
 */
struct catalog *merge_new_catalog(const struct catalog *ref, const char *lang, const char *name);

#endif
