/*
 * its: W3C Internationalization Tag Set (ITS) 2.0 for XML documents.
 *
 * Two objects:
 *
 * - struct its_rules: global rules given from outside the documents (the
 *   --its files).  Loaded once; every selector and pointer is compiled to
 *   XPath once, then evaluated against each document.
 *
 * - struct its_doc: the data-category values of every element and
 *   attribute of one document, computed in one pass from the global rules,
 *   the document's own its:rules (with their xlink:href linked files, in
 *   the order ITS 2.0 §5.3.3 gives), its:param, local attributes and
 *   inheritance.  Extraction, the `traduki its` report and the merge back
 *   all read values from here, so they cannot disagree.
 *
 * Data categories: Translate, Localization Note, Elements Within Text,
 * Preserve Space, Language Information, Id Value, Locale Filter,
 * Terminology (its:term, its:termRule; termInfoRef kept, the pointers to
 * term information accepted and not followed).  Rules of other categories
 * are accepted and ignored.
 *
 * Ownership: its_doc_new numbers the document's element and attribute
 * nodes through their `_private` field (the document must not be given to
 * another user of `_private` while the its_doc lives); nodes created later
 * have no values and read as defaults.  Strings returned by the getters
 * belong to the its_doc and live until its_doc_free.  The document must
 * outlive its its_doc.
 */
#ifndef TRADUKI_ITS_H
#define TRADUKI_ITS_H

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"

#define ITS_NS "http://www.w3.org/2005/11/its"

enum its_category {
	ITS_TRANSLATE,
	ITS_LOCNOTE,
	ITS_WITHIN_TEXT,
	ITS_PRESERVE_SPACE,
	ITS_LANG,
	ITS_ID_VALUE,
	ITS_LOCALE_FILTER,
	ITS_TERMINOLOGY,
	ITS_CATEGORY_COUNT
};

/* ITS 2.0 §8.7: how an element relates to the text around it. */
enum its_within { ITS_WITHIN_NO, ITS_WITHIN_YES, ITS_WITHIN_NESTED };

struct its_rules;
struct its_doc;

/* An empty set of global rules. */
struct its_rules *its_rules_new(void);
void its_rules_free(struct its_rules *rules);

/*
 * Appends the rules of the ITS rules file at PATH (its root must be
 * its:rules; linked files are followed).  Returns 0, or -1 after reporting
 * to D why the file is not usable (not XML, not ITS, a bad XPath
 * expression: "rules.its:4:30: error: ...").
 */
int its_rules_load(struct its_rules *rules, const char *path, struct diag *d);

/*
 * Computes every data category for DOC: RULES (may be NULL) first, then
 * the document's own global rules, then local markup.  Returns NULL after
 * reporting to D (a bad embedded rule, a linked file that cannot be read,
 * an XPath error).
 */
struct its_doc *its_doc_new(const struct its_rules *rules, xmlDocPtr doc, struct diag *d);
void its_doc_free(struct its_doc *its);

/*
 * Values of one element or attribute NODE.  A node that its_doc_new did
 * not see (created later) has the defaults: translatable if an element,
 * not if an attribute; no note; withinText no; default space; no
 * language, no id; every locale.
 */
int its_translate(const struct its_doc *its, xmlNodePtr node);
enum its_within its_within_text(const struct its_doc *its, xmlNodePtr node);
int its_preserve_space(const struct its_doc *its, xmlNodePtr node);
/* The note (whitespace-normalised) or NULL; *IS_REF says it is a URI
 * (locNoteRef), *TYPE is "description" or "alert".  Either may be NULL. */
const char *its_note(const struct its_doc *its, xmlNodePtr node, int *is_ref, const char **type);
const char *its_lang(const struct its_doc *its, xmlNodePtr node); /* NULL: unknown */
/*
 * Where the language of the element NODE is written (ITS 2.0 §8.8): the
 * attribute that the langPointer of the langRule selecting NODE names,
 * when that pointer is one attribute of the element ("@lang" for DocBook
 * 4): sets *NS_HREF (NULL: no namespace) and *NAME and returns 1.
 * Otherwise (no langRule selects NODE, or its pointer is not a plain
 * attribute) sets them to xml:lang and returns 0.
 */
int its_lang_attribute(const struct its_doc *its, xmlNodePtr node, const char **ns_href,
                       const char **name);
const char *its_id_value(const struct its_doc *its, xmlNodePtr node); /* NULL: none */
/* The Locale Filter list ("*" by default); *EXCLUDE says it is an
 * exclusion list.  EXCLUDE may be NULL. */
const char *its_locale_filter(const struct its_doc *its, xmlNodePtr node, int *exclude);

/*
 * 1 when NODE is a term (ITS 2.0 §8.4: its:term="yes", or a termRule;
 * not inherited); *INFO, when not NULL, is set to its termInfoRef or NULL.
 */
int its_term(const struct its_doc *its, xmlNodePtr node, const char **info);

/*
 * 1 when the Locale Filter of NODE admits the language LANG (a BCP 47
 * tag; "nl_BE" is read as "nl-BE"): ITS 2.0 §8.10, each range of the list
 * matched by RFC 4647 §3.3.2 extended filtering ("*-CH" admits "de-CH").
 * An empty list admits no language; an exclusion list admits the others.
 */
int its_locale_admits(const struct its_doc *its, xmlNodePtr node, const char *lang);

/*
 * 1 when ELEMENT is ITS markup rather than content: its:rules and what
 * it holds (its:span is content).
 */
int its_is_markup(xmlNodePtr element);

/*
 * The category named NAME as the W3C test suite names its folders
 * ("translate", "localizationnote", "elementswithintext",
 * "preservespace", "languageinformation", "idvalue", "localefilter",
 * "terminology").
 * Returns 0 and sets *CAT, or -1.
 */
int its_category_parse(const char *name, enum its_category *cat);

/*
 * Appends to OUT the value of CATEGORY for every element and attribute
 * of the document, in the W3C ITS 2.0 test suite's output format: one
 * line per node, "PATH<TAB>NAME=\"VALUE\"...", elements in document
 * order, each followed by its attributes sorted by qualified name.
 */
void its_report(const struct its_doc *its, enum its_category category, struct buf *out);

#endif
