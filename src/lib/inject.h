/*
 * inject: a catalog's translations → localized XML documents.
 *
 * A run is one target language.  Each source document given to
 * inject_doc is changed in place into its localized version:
 *
 * - the root gets xml:lang="LL";
 * - every translation unit, found by the walk that extraction uses
 *   (extract_units: the message computed for a unit is byte for byte the
 *   template's), is looked up by (msgctxt, msgid) in the catalog.  A
 *   translation that is not empty, not fuzzy, not a copy of the source
 *   (check.h) and that segment_check accepts replaces the unit's content
 *   through segment_apply: text and inline elements in the translator's
 *   order, hidden attributes and placeholders restored from the source;
 * - every other unit keeps its source text (a fallback) and says so:
 *   its element gets xml:lang with the unit's source language.  An
 *   attribute unit (an image's alt) marks its element only when that
 *   element has no content, which would be mislabelled;
 * - content whose ITS Locale Filter does not admit LL is removed, except
 *   inline elements (they are part of a sentence) and the root: that is
 *   how editor notes (localeFilterList="" in content/article.its) stay
 *   out of every published language, the source included.
 *
 * Translations are untrusted input: segment_check admits only the inline
 * elements and placeholders of the source text, with the attributes the
 * msgid shows; values are escaped when the document is written.  A
 * rejected translation is reported once per message as
 * "po/en.po:LINE: error: [markup] REASON; the source text is shown
 * instead", and the run goes on.
 *
 * Without a catalog the run is the source language's: nothing is
 * translated, every unit counts as translated, and the filters above
 * still apply.
 *
 * Every document counts its words and states for the manifest
 * (inject_write_manifest), each distinct message once per document as
 * "traduki check" counts a source file, with check_msg_words.
 *
 * Ownership: the struct inject keeps pointers to the rules and catalog
 * given to inject_new, which must outlive it; it owns its articles.
 */
#ifndef TRADUKI_INJECT_H
#define TRADUKI_INJECT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "catalog.h"
#include "diag.h"
#include "its.h"

struct inject_options {
	const char *lang; /* the target language ("en") */
	/* The language of the sources, for word counts and the fallbacks
	 * whose document does not say; NULL: the catalog's
	 * X-Source-Language, else the first document's root (ITS Language
	 * Information).  When none says, inject_doc reports an error. */
	const char *source_lang;
	double threshold; /* percent of words translated to publish */
	double keep_margin; /* see check_published */
};

/* One document of the manifest. */
struct inject_article {
	char *id; /* the root's ITS Id Value, else the file name's stem */
	char *file; /* the localized file's name in the output folder */
	char *date; /* the root's date attribute, or NULL */
	unsigned long words; /* source words of its messages */
	unsigned long translated; /* words of messages translated and accepted */
	unsigned long fuzzy; /* messages whose translation is fuzzy */
	unsigned long fuzzy_words; /* their words */
	unsigned long fallback; /* messages shown in the source language */
	unsigned long rejected; /* messages whose translation was refused */
	int published; /* check_published */
};

struct inject;

/*
 * A run for OPT->lang with the global RULES (may be NULL) and the
 * translations of CAT; CAT NULL makes it the source language's run.
 */
struct inject *inject_new(const struct its_rules *rules, const struct catalog *cat,
                          const struct inject_options *opt);
void inject_free(struct inject *inj);

/*
 * Localizes DOC in place.  FILE, when not NULL, names the localized
 * document in the manifest, which gets an entry for it.
 * Returns 0 (rejected translations included: they are reported to D and
 * the unit falls back), or -1 after reporting to D when the document's
 * ITS rules cannot be applied or its source language is unknown (see
 * inject_options; DOC is then unchanged), or when the article's date is
 * none the site can show (see uni_calendar_date).  The manifest gets the
 * date as YYYY-MM-DD, without its time zone.
 */
int inject_doc(struct inject *inj, xmlDocPtr doc, const char *file, struct diag *d);

/* The articles so far, in the order they were given. */
size_t inject_article_count(const struct inject *inj);
const struct inject_article *inject_article_at(const struct inject *inj, size_t i);

/*
 * ART's coverage as the manifest gives it: translated words over words in
 * percent, rounded down to one decimal ("79.9", "100"), into OUT.
 */
void inject_coverage(const struct inject_article *art, char *out, size_t size);

/* Messages whose translation was rejected so far, each counted once. */
unsigned long inject_rejected(const struct inject *inj);

/*
 * Writes DOC to PATH as UTF-8 with an XML declaration, its formatting as
 * it is (not indented again), atomically; a file that already holds the
 * same bytes is not touched.  Returns 1 when written, 0 when unchanged,
 * -1 after reporting to D.
 */
int inject_write_doc(xmlDocPtr doc, const char *path, struct diag *d);

/*
 * Writes the manifest of the run to PATH (content/manifest.rng):
 *
 *   <manifest lang="en" source="fr" threshold="80">
 *     <article id="SLUG" file="SLUG.xml" date="2015-11-25" words="412"
 *              translated="398" coverage="96.6" fuzzy="1" fallback="2"
 *              published="yes"/>
 *   </manifest>
 *
 * articles sorted by id, coverage rounded down to one decimal (100 when
 * there are no words).  Like inject_write_doc, an unchanged file is not
 * touched.  Returns 1, 0 or -1 likewise; two articles with one id are an
 * error.
 */
int inject_write_manifest(struct inject *inj, const char *path, struct diag *d);

#endif
