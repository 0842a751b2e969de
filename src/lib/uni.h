/*
 * uni: everything that depends on the language, through ICU.  This module
 * is the only user of ICU headers; the rest of the engine speaks UTF-8.
 *
 * Break iterators are costly to create, so each (kind, locale) pair is
 * opened once and cached until uni_cleanup.  Offsets are byte offsets into
 * the UTF-8 text given.  Not reentrant (one cache per process).
 */
#ifndef TRADUKI_UNI_H
#define TRADUKI_UNI_H

#include <stddef.h>

#include "diag.h"

/*
 * The number of words in TEXT (LEN bytes of UTF-8) by the word-break rules
 * of LOCALE ("fr", "en"...): runs of letters, digits, kana or ideographs.
 * Spaces and punctuation do not count; "l’exploitation" and "28 859" are
 * each one word as ICU's rules for French see them.
 */
size_t uni_count_words(const char *text, size_t len, const char *locale);

/*
 * Splits TEXT into sentences by the sentence-break rules of LOCALE.
 * Returns the number of sentences N and sets *BOUNDS to a new array of N+1
 * byte offsets (0 first, LEN last); free it with free().
 */
size_t uni_sentences(const char *text, size_t len, const char *locale, size_t **bounds);

/*
 * Splits TEXT at the word boundaries of LOCALE, as uni_sentences does at
 * sentence boundaries: words, and the runs of spaces and punctuation
 * between them, each a piece.
 */
size_t uni_word_bounds(const char *text, size_t len, const char *locale, size_t **bounds);

/*
 * TEXT in Unicode Normalization Form C, freshly allocated, or NULL when
 * TEXT is not valid UTF-8.
 */
char *uni_nfc(const char *text, size_t len);

/* 1 when TEXT is already in NFC, 0 when not, -1 when not valid UTF-8. */
int uni_is_nfc(const char *text, size_t len);

/* 1 when TEXT is valid UTF-8 (no surrogates, no overlongs). */
int uni_valid_utf8(const char *text, size_t len);

/*
 * The code point at *POS in TEXT (LEN bytes of UTF-8), advancing *POS past
 * it; -1 (and *POS past one byte) for an ill-formed sequence.  *POS must be
 * below LEN.
 */
long uni_next(const char *text, size_t len, size_t *pos);

/*
 * TEXT (LEN bytes of UTF-8) with Unicode's default case folding, freshly
 * allocated: the form in which "Traite" and "traite" are one, as are
 * "STRASSE" and "straße".  NULL when TEXT is not valid UTF-8.
 */
char *uni_fold_case(const char *text, size_t len);

/* 1 when the code point C is a letter, a combining mark or a digit. */
int uni_is_alnum(long c);

/*
 * The number of words in TEXT that begin with a lowercase letter, by the
 * word-break rules of LOCALE: the words of ordinary prose, as opposed to
 * names ("Nations"), acronyms ("ECPAT") and numbers.
 */
size_t uni_count_lowercase_words(const char *text, size_t len, const char *locale);

/*
 * Parses all of TEXT (LEN bytes, a number as written in LOCALE: "28 859",
 * "3,5" in French; "28,859", "3.5" in English) with ICU into *VALUE.
 * Returns 0, or -1 when ICU cannot read the whole of TEXT as one number.
 */
int uni_parse_number(const char *text, size_t len, const char *locale, double *value);

/*
 * The number of CLDR plural categories that whole numbers take in LOCALE
 * (2 for "en" and "fr", 3 for "ru" and "pl", 6 for "ar"): what gettext's
 * nplurals should be.  Categories used only for fractions or compact
 * notations (French "many", for "1 million de") cannot be told apart by a
 * gettext plural expression over integers and are not counted.  Returns 0
 * when ICU has no plural rules for LOCALE.
 */
int uni_plural_count(const char *locale);

/*
 * The quotation marks of LOCALE from CLDR, as UTF-8: QUOTES[0] and [1]
 * open and close a quotation, [2] and [3] a quotation within it.  Returns
 * 0, or -1 when ICU has no data for LOCALE (QUOTES is then left as is).
 */
int uni_quotes(const char *locale, char quotes[4][8]);

/*
 * Locale-aware formatting, for the site's templates.  LOCALE is a BCP 47
 * tag as xml:lang gives it ("fr", "pt-BR") or an ICU locale ID.  Strings
 * returned are freshly allocated UTF-8 (free them with free()); NULL means
 * the input was not valid, or ICU has no data for the locale.
 */

/*
 * The calendar date of VALUE, an XML Schema xs:date as an article's date
 * may hold it ("2024-05-01", "2024-05-01Z", "2024-05-01+02:00", with
 * whitespace around): the day as written, whatever its time zone, as
 * "YYYY-MM-DD" into OUT.  Returns 0, or -1 when VALUE is no xs:date, or
 * one outside the years 1 to 9999, which no page, feed or sitemap can
 * carry (HTML, Atom and sitemaps take four-digit years).
 */
int uni_calendar_date(const char *value, char out[11]);

/*
 * The date ISO (an xs:date: "2015-11-26", or with a time zone; see
 * uni_calendar_date) as LOCALE writes a date in full (CLDR's long
 * format): "26 novembre 2015", "November 26, 2015", "26 november 2015",
 * "٢٦ نوفمبر ٢٠١٥" (the locale's own digits).
 */
char *uni_format_date(const char *iso, const char *locale);

/* N with LOCALE's digits, separators and grouping: "12 345,5" in French. */
char *uni_format_number(double n, const char *locale);

/*
 * The collation key of TEXT (LEN bytes of UTF-8) under LOCALE's rules, as
 * lowercase hexadecimal: comparing two keys byte by byte (strcmp, or an
 * XSLT text sort) orders the texts as a speaker of LOCALE expects.  NULL
 * if TEXT is not valid UTF-8.
 */
char *uni_sort_key(const char *text, size_t len, const char *locale);

/* Slugs are cut at this many bytes, so that a file name stays short. */
#define UNI_SLUG_MAX 80

/*
 * A URL slug for TEXT (LEN bytes of UTF-8): transliterated to Latin, then
 * ASCII, lowercased; each run of other characters becomes one "-", none
 * at either end ("Conseil de l’Europe" → "conseil-de-l-europe", "Ελλάδα"
 * → "ellada").  May be "" (text with no letter or digit).  NULL if TEXT
 * is not valid UTF-8.
 */
char *uni_slug(const char *text, size_t len);

/* 1 when LOCALE's script is written right to left ("ar", "he", "fa"), else 0. */
int uni_is_rtl(const char *locale);

/*
 * The name of the language CODE in the language LOCALE, capitalized as a
 * menu item in LOCALE: ("fr", "fr") → "Français", ("nl", "nl") →
 * "Nederlands", ("ar", "ar") → "العربية", ("nl", "en") → "Dutch".  NULL
 * when CODE is not a language tag.
 */
char *uni_language_name(const char *code, const char *locale);

/*
 * The gettext Plural-Forms header value for LOCALE ("nl", "pt_BR",
 * "fr-CA"), or NULL when it is not known.  Languages whose CLDR rules for
 * whole numbers have one form, or "one" for 1 (or for 0 and 1) and "other"
 * for the rest, get theirs from ICU's plural rules; the others (ar, pl,
 * ru, cs, ro, lt, sl, ga, and their neighbours) from a table of gettext's
 * customary expressions, checked against CLDR for the number of forms.
 * The string is static.
 */
const char *uni_plural_forms(const char *locale);

/*
 * ICU's version and the version of its data (CLDR), as "72.1 cldr 42.0"
 * into OUT: what language-dependent results depend on, for the keys of
 * caches (digest.h).
 */
void uni_library_version(char *out, size_t size);

/* Frees the cached services and ICU's own caches. */
void uni_cleanup(void);

#endif
