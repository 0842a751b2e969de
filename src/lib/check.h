/*
 * check: how complete and how sound the translations of PO catalogs are.
 *
 * check_catalog counts a catalog's messages the way "msgfmt --statistics"
 * does and its source words with ICU's word breaks, per language and per
 * source file (from the "#:" references), and runs the quality checks of
 * the table in check-rules.c on every translated message.  Everything it
 * finds goes into a struct check_report, which the report writers
 * (report.h) and the command turn into text, JSON, JUnit XML, an HTML page
 * or badges.  Nothing here prints.
 *
 * Completeness, precisely (doc/check.md says the same for users):
 * - A message is obsolete ("#~"), else untranslated when its (first)
 *   msgstr is empty, else fuzzy when flagged so, else translated: exactly
 *   msgfmt's counts.  Fuzzy never counts as translated.
 * - Two exceptions, so that these counts are the build's (inject.h): a
 *   translation whose markup the build refuses (segment_check) is
 *   "rejected", neither translated nor untranslated: the page shows the
 *   source text in its place.
 * - And a translation identical to its French source (markup
 *   removed, spaces normalised) with more than CHECK_SAME_WORDS words of
 *   ordinary prose counts as untranslated ("identical"), unless a
 *   translator comment line says "traduki: same-as-source".
 * - Words are those of the msgid (and msgid_plural) without markup, by
 *   ICU's word breaks for the source language; obsolete messages do not
 *   count.  A message referenced from several files counts in each.
 * - The percentage is translated words over all words.
 *
 * A struct check_report owns every string and array in it.
 */
#ifndef TRADUKI_CHECK_H
#define TRADUKI_CHECK_H

#include <stddef.h>

#include "buf.h"
#include "catalog.h"
#include "diag.h"

/* More words of ordinary prose than this, and a copy of the source is no translation. */
#define CHECK_SAME_WORDS 3

/* The translator comment that says a copy of the source is intended. */
#define CHECK_SAME_MARKER "traduki: same-as-source"

/*
 * The state of a message, as counted (the comment at the top): SAME is a
 * translation that copies its source, counted as untranslated.
 */
enum check_state {
	CHECK_TRANSLATED,
	CHECK_FUZZY,
	CHECK_UNTRANSLATED,
	CHECK_SAME,
	CHECK_REJECTED,
	CHECK_OBSOLETE,
	CHECK_STATE_COUNT
};

/* Counts of a catalog or of one source file. */
struct check_counts {
	unsigned long messages; /* translated + fuzzy + untranslated + rejected */
	unsigned long translated;
	unsigned long fuzzy;
	unsigned long untranslated; /* identical ones included */
	unsigned long rejected; /* translations the build refuses */
	unsigned long obsolete; /* not in the other counts */
	unsigned long identical; /* msgfmt's "translated", copies of the source */
	unsigned long words; /* source words, obsolete messages excluded */
	unsigned long words_translated;
	unsigned long words_fuzzy;
	unsigned long words_untranslated;
	unsigned long words_rejected;
};

struct check_file {
	char *path; /* as in the "#:" references */
	/* From the source document (check_load_titles), else NULL: */
	char *title; /* the text of its root's first <title> */
	char *id; /* an article's id (its root's id attribute) */
	char *date; /* an article's date (its root's date attribute) */
	struct check_counts counts;
	size_t counted; /* check.c's: the message last counted here, + 1 */
};

struct check_problem {
	const char *id; /* the check's id, a static string */
	enum diag_severity severity;
	char *file; /* the PO file */
	long line; /* the line of the msgid, of the header, or 0 */
	char *text;
	/* The message at fault, as in the catalog, when there is one: */
	char *source; /* its msgid (msgid_plural for a plural form), or NULL */
	char *translation; /* the msgstr at fault, or NULL */
	char *source_file; /* its first "#:" reference's file, or NULL */
	uint64_t msg_key; /* its catalog_msg_key, or 0 */
	/* 1 when the build refuses the translation and shows the source text
	 * in its place (a markup error); 0 when the translation is published
	 * as it is, faults and all. */
	int rejected;
};

struct check_lang {
	char *lang; /* "nl", from the header's Language, else the file name */
	char *po; /* the PO file's name */
	char *source_lang; /* "fr" */
	double threshold; /* the publish gate in percent, or -1 for none */
	double keep_margin; /* see check_published; SITECONF_KEEP_MARGIN by default */
	int preparing; /* in preparation (siteconf.h): reported, never failing */
	int unreadable; /* the catalog could not be read: a "catalog" problem says why */
	struct check_counts counts;
	struct check_file *files; /* in order of first reference */
	size_t file_count, file_alloc;
	size_t *file_slots, file_mask; /* check.c's index of FILES by path */
	struct check_problem *problems; /* in file order */
	size_t problem_count, problem_alloc;
	/* What check_catalog found of each message, by its place in the
	 * catalog: its state, and why it is rejected (NULL for the others). */
	unsigned char *states;
	char **rejections;
	size_t state_count;
};

struct check_report {
	struct check_lang *langs;
	size_t lang_count, lang_alloc;
};

struct cache;
struct glossary;

struct check_options {
	/* The source language when the catalog has no X-Source-Language
	 * header: the site's (siteconf's source); NULL when the caller has no
	 * site, for LANG_SOURCE_DEFAULT (lang.h). */
	const char *source_lang;
	/* Bit I set: do not run the check check_rule_id(I). */
	unsigned long skip;
	/* The terms the "glossary" check holds translations to, or NULL. */
	const struct glossary *glossary;
	/* What earlier runs found of each message (cache.h), or NULL: a
	 * message whose record its key finds is neither counted nor checked
	 * again.  The key is the message's text, translations, flags and
	 * comments, the languages, the quotation marks, the checks skipped
	 * and the glossary; not its place, which the problems are given from
	 * the catalog.  The consistency check, across messages, always runs. */
	struct cache *cache;
};

void check_report_init(struct check_report *r);
void check_report_release(struct check_report *r);

/*
 * Counts and checks CAT and adds its language to R.  Returns the new entry
 * (valid until the next call), with no threshold: the caller sets it.
 * Problems found in translations go into the entry; D hears only about
 * what prevented checking (nothing today: the catalog is already read).
 */
struct check_lang *check_catalog(struct check_report *r, struct catalog *cat,
                                 const struct check_options *opt, struct diag *d);

/*
 * Adds to R the language of the catalog PO, which could not be read: no
 * counts, and one problem of the "catalog" check at FILE:LINE saying WHY
 * (the reader's first error).  The language is the file name's stem.
 */
struct check_lang *check_unreadable(struct check_report *r, const char *po, const char *file,
                                    long line, const char *why);

/*
 * Compares CAT, whose language L is, with the template POT: a message of
 * the template that CAT lacks, or a message of CAT (not obsolete) that
 * the template lacks, means CAT is not in step with the sources and its
 * counts are not what the build publishes.  Each kind is one "template"
 * error of L, with how many and the first of them.
 */
void check_against_template(struct check_lang *l, const struct catalog *cat,
                            const struct catalog *pot);

/*
 * Fills in the titles, ids and dates of the source files of every
 * language in R: the text of the first <title> child of each document's
 * root, and its root's id and date attributes, read from DIR joined with
 * the path of the reference (DIR NULL: the path as it is).  A file that
 * cannot be read is left without them and reported to D as a note.
 * CACHE (or NULL) keeps what each document's bytes gave.
 */
void check_load_titles(struct check_report *r, const char *dir, struct cache *cache,
                       struct diag *d);

/* Translated words over all words, in percent; 100 when there are no words. */
double check_percent(const struct check_counts *c);

/*
 * 1 when an article is published in a language of threshold THRESHOLD
 * (percent): TRANSLATED of its WORDS source words are translated, and
 * FUZZY_WORDS more have a translation that is outdated (fuzzy).  It is
 * when the translated words reach the threshold, or when the outdated
 * ones with them do and the translated words alone reach the threshold
 * less KEEP_MARGIN: an article whose source was edited a little stays
 * published with those passages in the source language, rather than
 * leaving the site.  Compared exactly, without dividing.  The build's
 * manifest and the status page both decide with this.
 */
int check_published(unsigned long words, unsigned long translated, unsigned long fuzzy_words,
                    double threshold, double keep_margin);

/*
 * The fewest more words that must be translated for an article of WORDS
 * words, TRANSLATED of them translated, to be published at THRESHOLD by
 * translated words alone (check_published with no fuzzy words): 0 when
 * it already is.
 */
unsigned long check_words_missing(unsigned long words, unsigned long translated, double threshold);

/*
 * Whether the source file F of L is published in L's language, as the
 * build decides it (check_published with L's threshold and keep margin):
 * 1 or 0, or -1 when L has no threshold or is in preparation.
 */
int check_file_published(const struct check_lang *l, const struct check_file *f);

/*
 * The state of the I-th message of the catalog check_catalog made L of,
 * as check_msg_state gives it, and in *WHY (when not NULL) why it is
 * rejected, or NULL: L's to keep.
 */
enum check_state check_lang_state(const struct check_lang *l, size_t i, const char **why);

/* The source file PATH of L, found by L's index; NULL when L has none. */
const struct check_file *check_file_find(const struct check_lang *l, const char *path);

/* 1 when L has a threshold and its percentage is below it. */
int check_below(const struct check_lang *l);

/*
 * 1 when L fails: unreadable, below its threshold, or with an error (with
 * STRICT, a warning too).  A language in preparation fails only when its
 * catalog cannot be read.
 */
int check_failed(const struct check_lang *l, int strict);

/*
 * The gate's verdict for L in words, exactly check_failed's, with its
 * reason, into OUT (replacing what it held): "at or above the 60% gate",
 * "below the 80% gate", "fails the 60% gate: 1 rejected translation,
 * 2 errors", "in preparation: not on the site, not gated"...; "" when L
 * has no gate and nothing fails it.
 */
void check_verdict(const struct check_lang *l, int strict, struct buf *out);

/* The number of L's problems of check ID (NULL: any) at SEVERITY or above. */
size_t check_problems(const struct check_lang *l, const char *id, enum diag_severity severity);

/* The number of L's problems that are rejected translations (markup). */
size_t check_rejections(const struct check_lang *l);

/*
 * The quality checks, by index: id ("numbers"), severity of what it finds,
 * and a one-line description.  Returns NULL past the last.
 */
const char *check_rule_id(size_t i);
enum diag_severity check_rule_severity(size_t i);
const char *check_rule_summary(size_t i);

/* The index of the check named ID, or -1. */
int check_rule_find(const char *id);

/*
 * The text of a message without its markup: MSG is parsed as an XML
 * fragment (inline elements, and placeholders <_:NAME-N/> with the prefix
 * "_" bound) and its character data is appended to OUT, entities decoded.
 * Returns 0, or -1 when MSG is not a well-formed fragment, in which case
 * MSG itself is appended.
 *
 * This stands in for the segment module's reading of a message, which is
 * to replace it.
 */
int check_msg_text(const char *msg, struct buf *out);

/*
 * The words of the message MSG (msgid syntax) as check_catalog counts
 * them: its text without markup (check_msg_text), by ICU's word breaks
 * for SOURCE_LANG.  The build's manifest counts with this, so that its
 * coverage and that of check agree.
 */
unsigned long check_msg_words(const char *msg, const char *source_lang);

/*
 * The state of message M (its first msgstr, as msgfmt looks at it), as
 * check_catalog counts it: the build's own test of the markup
 * (segment_check), the same-as-source rule in SOURCE_LANG.  When the
 * state is CHECK_REJECTED and WHY is not NULL, *WHY is set to why, to be
 * freed; else to NULL.
 */
enum check_state check_msg_state(const struct catalog_msg *m, const char *source_lang, char **why);

/* "translated", "fuzzy", "untranslated", "same-as-source", "rejected", "obsolete". */
const char *check_state_name(enum check_state state);

/* The state named NAME, as check_state_name gives it, or -1. */
int check_state_find(const char *name);

/*
 * 1 when the translation of M copies its source and so counts as
 * untranslated (the exception above): the same text once markup is
 * removed and spaces normalised, more than CHECK_SAME_WORDS words of
 * ordinary prose in SOURCE_LANG, no "traduki: same-as-source" comment.
 */
int check_msg_copies_source(const struct catalog_msg *m, const char *source_lang);

#endif
