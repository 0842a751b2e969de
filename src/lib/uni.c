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
#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/unum.h>
#include <unicode/uloc.h>
#include <unicode/upluralrules.h>
#include <unicode/ures.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "mem.h"

/*
 * LOCALE as ICU reads it: gettext's "sr@latin" or "nl_BE.UTF-8" lose their
 * modifier and codeset, which ICU would take for keywords.
 */
static void icu_locale(const char *locale, char *out, size_t size)
{
	size_t n = locale ? strcspn(locale, "@.") : 0;

	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(out, locale, n);
	out[n] = '\0';
}

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
	char name[32];

	icu_locale(locale, name, sizeof name);
	locale = name;
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

size_t uni_count_lowercase_words(const char *text, size_t len, const char *locale)
{
	UText ut = UTEXT_INITIALIZER;
	UBreakIterator *bi = breaker_get(UBRK_WORD, locale);
	size_t words = 0;
	int32_t start, end;

	if (!bi || len == 0 || breaker_set_text(bi, &ut, text, len) != 0) {
		utext_close(&ut);
		return 0;
	}
	start = ubrk_first(bi);
	while ((end = ubrk_next(bi)) != UBRK_DONE) {
		/* Only letters: UBRK_WORD_LETTER up to (not including) kana. */
		if (ubrk_getRuleStatus(bi) >= UBRK_WORD_LETTER &&
		    ubrk_getRuleStatus(bi) < UBRK_WORD_LETTER_LIMIT) {
			size_t pos = (size_t)start;
			long c = uni_next(text, len, &pos);

			if (c >= 0 && u_islower((UChar32)c))
				words++;
		}
		start = end;
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

long uni_next(const char *text, size_t len, size_t *pos)
{
	UChar32 c;
	int32_t i = 0;
	size_t rest = len - *pos;

	if ((unsigned char)text[*pos] < 0x80)
		return (unsigned char)text[(*pos)++];
	if (rest > 4)
		rest = 4; /* a sequence is never longer */
	U8_NEXT((const uint8_t *)text + *pos, i, (int32_t)rest, c);
	*pos += (size_t)i;
	return c < 0 ? -1 : (long)c;
}

/* --- Numbers, plurals, quotation marks -------------------------------------- */

struct number_parser {
	char locale[32];
	UNumberFormat *fmt;
	struct number_parser *next;
};

static struct number_parser *number_parsers;

/* The decimal format of LOCALE, opened on first use; NULL if ICU fails. */
static UNumberFormat *number_format(const char *locale)
{
	struct number_parser *p;
	UErrorCode status = U_ZERO_ERROR;
	UNumberFormat *fmt;
	char name[32];

	icu_locale(locale, name, sizeof name);
	for (p = number_parsers; p; p = p->next)
		if (strcmp(p->locale, name) == 0)
			return p->fmt;
	fmt = unum_open(UNUM_DECIMAL, NULL, 0, name, NULL, &status);
	if (U_FAILURE(status))
		return NULL;
	p = xcalloc(1, sizeof *p);
	snprintf(p->locale, sizeof p->locale, "%s", name);
	p->fmt = fmt;
	p->next = number_parsers;
	number_parsers = p;
	return fmt;
}

int uni_parse_number(const char *text, size_t len, const char *locale, double *value)
{
	UNumberFormat *fmt = number_format(locale);
	UErrorCode status = U_ZERO_ERROR;
	UChar u[64];
	int32_t n = 0, pos = 0;
	double v;

	/* A number longer than this is not one a reader compares. */
	if (!fmt || len == 0 || len >= sizeof u)
		return -1;
	u_strFromUTF8(u, (int32_t)(sizeof u / sizeof u[0]), &n, text, (int32_t)len, &status);
	if (U_FAILURE(status))
		return -1;
	v = unum_parseDouble(fmt, u, n, &pos, &status);
	if (U_FAILURE(status) || pos != n)
		return -1;
	*value = v;
	return 0;
}

/* 1 when CLDR has plural rules for the language of LOCALE. */
static int plural_rules_known(const char *locale)
{
	UErrorCode status = U_ZERO_ERROR;
	UResourceBundle *plurals, *locales;
	char lang[16];
	int32_t n = 0;

	uloc_getLanguage(locale, lang, sizeof lang, &status);
	if (U_FAILURE(status) || !lang[0])
		return 0;
	plurals = ures_openDirect(NULL, "plurals", &status);
	locales = ures_getByKey(plurals, "locales", NULL, &status);
	ures_getStringByKey(locales, lang, &n, &status);
	ures_close(locales);
	ures_close(plurals);
	return U_SUCCESS(status);
}

int uni_plural_count(const char *locale)
{
	UErrorCode status = U_ZERO_ERROR;
	UPluralRules *rules;
	char name[32], seen[8][16];
	int count = 0, n, i;

	icu_locale(locale, name, sizeof name);
	/* uplrules_open falls back to the root rules ("other" only) without
	 * a word, so ask CLDR's plural table whether it knows the language. */
	if (!plural_rules_known(name))
		return 0;
	rules = uplrules_open(name, &status);
	if (U_FAILURE(status)) {
		if (rules)
			uplrules_close(rules);
		return 0;
	}
	/*
	 * The C API lists keywords but not which apply to integers, so the
	 * integers are sampled: every CLDR rule's integer pattern repeats
	 * within the first thousand (it looks at n % 100 at most, or at
	 * n < 20 and at millions for compact forms, which are left out).
	 */
	for (n = 0; n < 1100; n++) {
		UChar kw[16];
		char k[16];
		int32_t klen = uplrules_select(rules, n, kw, 16, &status);

		if (U_FAILURE(status) || klen <= 0 || klen >= 16)
			break;
		u_austrncpy(k, kw, klen);
		k[klen] = '\0';
		for (i = 0; i < count; i++)
			if (strcmp(seen[i], k) == 0)
				break;
		if (i == count && count < 8)
			memcpy(seen[count++], k, sizeof k);
	}
	uplrules_close(rules);
	return U_FAILURE(status) ? 0 : count;
}

int uni_quotes(const char *locale, char quotes[4][8])
{
	static const ULocaleDataDelimiterType types[4] = { ULOCDATA_QUOTATION_START,
		                                           ULOCDATA_QUOTATION_END,
		                                           ULOCDATA_ALT_QUOTATION_START,
		                                           ULOCDATA_ALT_QUOTATION_END };
	UErrorCode status = U_ZERO_ERROR;
	ULocaleData *data;
	char name[32], got[4][8];
	int i;

	icu_locale(locale, name, sizeof name);
	data = ulocdata_open(name, &status);
	if (U_FAILURE(status))
		return -1;
	for (i = 0; i < 4 && U_SUCCESS(status); i++) {
		UChar u[4];
		int32_t n = ulocdata_getDelimiter(data, types[i], u, 4, &status);

		if (U_SUCCESS(status) && n > 0 && n < 4)
			u_strToUTF8(got[i], (int32_t)sizeof got[i], NULL, u, n, &status);
		else
			status = U_ILLEGAL_ARGUMENT_ERROR;
	}
	ulocdata_close(data);
	if (U_FAILURE(status))
		return -1;
	memcpy(quotes, got, sizeof got);
	return 0;
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
	while (number_parsers) {
		struct number_parser *next = number_parsers->next;

		unum_close(number_parsers->fmt);
		free(number_parsers);
		number_parsers = next;
	}
	u_cleanup();
}
