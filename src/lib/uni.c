/*
 * uni: ICU behind a UTF-8 interface.  See uni.h.
 */
#include <config.h>

#include "uni.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/uloc.h>
#include <unicode/upluralrules.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "mem.h"

/* --- Cached break iterators ------------------------------------------------ */

struct breaker {
	UBreakIteratorType kind;
	char locale[32];
	UBreakIterator *bi;
	struct breaker *next;
};

static struct breaker *breakers;

/* The iterator for KIND and LOCALE, opened on first use; NULL if ICU fails. */
static UBreakIterator *breaker_get(UBreakIteratorType kind, const char *locale)
{
	struct breaker *b;
	UErrorCode status = U_ZERO_ERROR;
	UBreakIterator *bi;

	if (!locale)
		locale = "";
	for (b = breakers; b; b = b->next)
		if (b->kind == kind && strcmp(b->locale, locale) == 0)
			return b->bi;
	bi = ubrk_open(kind, locale, NULL, 0, &status);
	if (U_FAILURE(status))
		return NULL;
	b = xcalloc(1, sizeof *b);
	b->kind = kind;
	snprintf(b->locale, sizeof b->locale, "%s", locale);
	b->bi = bi;
	b->next = breakers;
	breakers = b;
	return bi;
}

/* Points BI at TEXT through a UTF-8 UText (no conversion to UTF-16). */
static int breaker_set_text(UBreakIterator *bi, UText *ut, const char *text, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;

	if (len > (size_t)INT32_MAX)
		return -1;
	utext_openUTF8(ut, text, (int64_t)len, &status);
	if (U_FAILURE(status))
		return -1;
	ubrk_setUText(bi, ut, &status);
	return U_FAILURE(status) ? -1 : 0;
}

size_t uni_count_words(const char *text, size_t len, const char *locale)
{
	UText ut = UTEXT_INITIALIZER;
	UBreakIterator *bi = breaker_get(UBRK_WORD, locale);
	size_t words = 0;

	if (!bi || len == 0 || breaker_set_text(bi, &ut, text, len) != 0) {
		utext_close(&ut);
		return 0;
	}
	ubrk_first(bi);
	while (ubrk_next(bi) != UBRK_DONE) {
		/* The status of the segment just passed: a word is anything
		 * but spaces and punctuation (UBRK_WORD_NONE). */
		if (ubrk_getRuleStatus(bi) >= UBRK_WORD_NONE_LIMIT)
			words++;
	}
	utext_close(&ut);
	return words;
}

size_t uni_sentences(const char *text, size_t len, const char *locale, size_t **bounds)
{
	UText ut = UTEXT_INITIALIZER;
	UBreakIterator *bi = breaker_get(UBRK_SENTENCE, locale);
	size_t *b = NULL, n = 0, alloc = 0;
	int32_t pos;

	if (!bi || len == 0 || breaker_set_text(bi, &ut, text, len) != 0) {
		utext_close(&ut);
		b = xmalloc(2 * sizeof *b);
		b[0] = 0;
		b[1] = len;
		*bounds = b;
		return len ? 1 : 0;
	}
	for (pos = ubrk_first(bi); pos != UBRK_DONE; pos = ubrk_next(bi)) {
		xgrow((void **)&b, &alloc, n + 1, sizeof *b);
		b[n++] = (size_t)pos;
	}
	utext_close(&ut);
	*bounds = b;
	return n - 1;
}

/* --- Normalization --------------------------------------------------------- */

/* TEXT as UTF-16, freshly allocated, with its length; NULL if not UTF-8. */
static UChar *to_utf16(const char *text, size_t len, int32_t *out_len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = 0;
	UChar *u;

	if (len > (size_t)INT32_MAX / 2)
		return NULL;
	u_strFromUTF8(NULL, 0, &n, text, (int32_t)len, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return NULL;
	status = U_ZERO_ERROR;
	u = xmalloc(((size_t)n + 1) * sizeof *u);
	u_strFromUTF8(u, n + 1, NULL, text, (int32_t)len, &status);
	if (U_FAILURE(status)) {
		free(u);
		return NULL;
	}
	*out_len = n;
	return u;
}

int uni_valid_utf8(const char *text, size_t len)
{
	size_t i = 0;

	while (i < len) {
		UChar32 c;
		int32_t pos = 0;

		if ((unsigned char)text[i] < 0x80) {
			i++;
			continue;
		}
		if (len - i > (size_t)INT32_MAX)
			return 0;
		U8_NEXT((const uint8_t *)text + i, pos, (int32_t)(len - i), c);
		if (c < 0)
			return 0;
		i += (size_t)pos;
	}
	return 1;
}

int uni_is_nfc(const char *text, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
	int32_t n;
	UChar *u;
	int result;

	if (!uni_valid_utf8(text, len))
		return -1;
	if (U_FAILURE(status))
		return 1;
	u = to_utf16(text, len, &n);
	if (!u)
		return -1;
	result = unorm2_isNormalized(nfc, u, n, &status) ? 1 : 0;
	free(u);
	return U_FAILURE(status) ? 1 : result;
}

char *uni_nfc(const char *text, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
	UChar *u, *out;
	int32_t n, m, cap;
	char *utf8;
	int32_t utf8_len = 0;

	if (!uni_valid_utf8(text, len) || U_FAILURE(status))
		return NULL;
	u = to_utf16(text, len, &n);
	if (!u)
		return NULL;
	/* NFC can grow a string, by at most 3x in UTF-16 units. */
	cap = n * 3 + 1;
	out = xmalloc((size_t)cap * sizeof *out);
	m = unorm2_normalize(nfc, u, n, out, cap, &status);
	free(u);
	if (U_FAILURE(status)) {
		free(out);
		return NULL;
	}
	u_strToUTF8(NULL, 0, &utf8_len, out, m, &status);
	status = U_ZERO_ERROR;
	utf8 = xmalloc((size_t)utf8_len + 1);
	u_strToUTF8(utf8, utf8_len + 1, NULL, out, m, &status);
	free(out);
	if (U_FAILURE(status)) {
		free(utf8);
		return NULL;
	}
	return utf8;
}

/* --- Plural forms -------------------------------------------------------------- */

/* gettext's customary expressions where one rule on n is not enough. */
static const struct {
	const char *lang;
	int forms; /* CLDR's categories for whole numbers */
	const char *expr;
} plural_table[] = {
	{ "ar", 6,
	  "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
	  ": n%100>=11 ? 4 : 5);" },
	{ "be", 3,
	  "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
	  "n%100>=20) ? 1 : 2);" },
	{ "bs", 3,
	  "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
	  "n%100>=20) ? 1 : 2);" },
	{ "cs", 3, "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;" },
	{ "ga", 5,
	  "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n>=3 && n<=6 ? 2 : n>=7 && n<=10 ? 3 : 4);" },
	{ "hr", 3,
	  "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
	  "n%100>=20) ? 1 : 2);" },
	{ "lt", 3,
	  "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : "
	  "2);" },
	{ "pl", 3,
	  "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : "
	  "2);" },
	{ "ro", 3, "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);" },
	{ "ru", 3,
	  "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
	  "n%100>=20) ? 1 : 2);" },
	{ "sk", 3, "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;" },
	{ "sl", 4,
	  "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);" },
	{ "sr", 3,
	  "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
	  "n%100>=20) ? 1 : 2);" },
	{ "uk", 3,
	  "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
	  "n%100>=20) ? 1 : 2);" },
};

/* Whole numbers checked against the CLDR rules: enough to see every rule
 * of the languages above at work. */
#define PLURAL_PROBE 200

static int icu_has_language(const char *lang)
{
	int32_t i, n = uloc_countAvailable();

	for (i = 0; i < n; i++) {
		char l[16];
		UErrorCode status = U_ZERO_ERROR;

		uloc_getLanguage(uloc_getAvailable(i), l, (int32_t)sizeof l, &status);
		if (U_SUCCESS(status) && strcmp(l, lang) == 0)
			return 1;
	}
	return 0;
}

const char *uni_plural_forms(const char *locale)
{
	UErrorCode status = U_ZERO_ERROR;
	char canon[64], lang[16];
	char names[8][16];
	unsigned char cat[PLURAL_PROBE];
	int ncat = 0, n, k;
	UPluralRules *rules;
	size_t i;

	if (!locale || !*locale)
		return NULL;
	uloc_canonicalize(locale, canon, (int32_t)sizeof canon, &status);
	if (U_FAILURE(status))
		return NULL;
	uloc_getLanguage(canon, lang, (int32_t)sizeof lang, &status);
	if (U_FAILURE(status) || !*lang)
		return NULL;
	/* ICU gives a language it has no data for the root's rules ("other"
	 * only) without a word: ask only about languages it has. */
	if (!icu_has_language(lang))
		return NULL;
	rules = uplrules_open(canon, &status);
	if (U_FAILURE(status))
		return NULL;
	for (n = 0; n < PLURAL_PROBE; n++) {
		UChar kw[16];
		char name[16];
		int32_t len = uplrules_select(rules, n, kw, 16, &status);

		if (U_FAILURE(status) || len >= 16) {
			uplrules_close(rules);
			return NULL;
		}
		u_UCharsToChars(kw, name, len);
		name[len] = '\0';
		for (k = 0; k < ncat && strcmp(names[k], name) != 0; k++)
			;
		if (k == ncat) {
			if (ncat == 8)
				break;
			strcpy(names[ncat++], name);
		}
		cat[n] = (unsigned char)k;
	}
	uplrules_close(rules);
	for (i = 0; i < sizeof plural_table / sizeof plural_table[0]; i++)
		if (strcmp(lang, plural_table[i].lang) == 0)
			return ncat == plural_table[i].forms ? plural_table[i].expr : NULL;
	if (ncat == 1)
		return "nplurals=1; plural=0;";
	if (ncat != 2)
		return NULL;
	/* Two forms: "one" for 1 only, or for 0 and 1. */
	for (n = 2; n < PLURAL_PROBE; n++)
		if (cat[n] != cat[2])
			return NULL;
	if (cat[1] == cat[2])
		return NULL;
	return cat[0] == cat[1] ? "nplurals=2; plural=(n > 1);" : "nplurals=2; plural=(n != 1);";
}

/* --- Errors and cleanup ----------------------------------------------------- */

void uni_report(struct diag *d, const char *file, long line, int status, const char *what)
{
	diag_report(d, DIAG_ERROR, file, line, 0, "%s: %s", what, u_errorName((UErrorCode)status));
}

void uni_cleanup(void)
{
	while (breakers) {
		struct breaker *next = breakers->next;

		ubrk_close(breakers->bi);
		free(breakers);
		breakers = next;
	}
	u_cleanup();
}
