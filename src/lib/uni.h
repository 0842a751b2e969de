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
 * TEXT in Unicode Normalization Form C, freshly allocated, or NULL when
 * TEXT is not valid UTF-8.
 */
char *uni_nfc(const char *text, size_t len);

/* 1 when TEXT is already in NFC, 0 when not, -1 when not valid UTF-8. */
int uni_is_nfc(const char *text, size_t len);

/* 1 when TEXT is valid UTF-8 (no surrogates, no overlongs). */
int uni_valid_utf8(const char *text, size_t len);

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
 * Reports an ICU failure (STATUS is a UErrorCode) about WHAT to D, with
 * ICU's name for the error: "error: cannot open word breaks for 'xx':
 * U_MISSING_RESOURCE_ERROR".
 */
void uni_report(struct diag *d, const char *file, long line, int status, const char *what);

/* Frees the cached iterators and ICU's own caches. */
void uni_cleanup(void);

#endif
