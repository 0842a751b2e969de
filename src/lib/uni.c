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
#include <unicode/ucol.h>
#include <unicode/udat.h>
#include <unicode/uldnames.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/unum.h>
#include <unicode/upluralrules.h>
#include <unicode/ures.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

#include "mem.h"

/*
 * LOCALE as ICU reads it, from any of the spellings the project meets: a
 * BCP 47 tag as xml:lang and HTML write ("pt-BR"), an ICU ID ("pt_BR"), or
 * a gettext locale name ("sr@latin", "nl_BE.UTF-8"), whose modifier and
 * codeset ICU would take for keywords and which are dropped.  "" (the root
 * locale) for NULL or "".
 */
static void icu_locale_uncached(const char *locale, char *out, size_t size)
{
	UErrorCode status = U_ZERO_ERROR;
	char plain[ULOC_FULLNAME_CAPACITY];
	size_t n = locale ? strcspn(locale, "@.") : 0;
	int32_t parsed = 0;

	out[0] = '\0';
	if (n == 0)
		return;
	if (n >= sizeof plain)
		n = sizeof plain - 1;
	memcpy(plain, locale, n);
	plain[n] = '\0';
	uloc_forLanguageTag(plain, out, (int32_t)size, &parsed, &status);
	if (U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING && (size_t)parsed == n)
		return;
	status = U_ZERO_ERROR;
	uloc_canonicalize(plain, out, (int32_t)size, &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		out[0] = '\0';
}

/* The same, remembered for the last few locales asked: a check or a merge
 * asks for the same one or two for every message, and ICU's parse of a
 * language tag costs more than the word count it serves. */
static void icu_locale(const char *locale, char *out, size_t size)
{
	static struct {
		char in[32], out[ULOC_FULLNAME_CAPACITY];
		size_t size;
	} seen[8];
	static size_t next;
	size_t i;

	if (!locale || strlen(locale) >= sizeof seen[0].in || size > sizeof seen[0].out) {
		icu_locale_uncached(locale, out, size);
		return;
	}
	for (i = 0; i < sizeof seen / sizeof seen[0]; i++)
		if (seen[i].in[0] && seen[i].size == size && strcmp(seen[i].in, locale) == 0) {
			memcpy(out, seen[i].out, size);
			return;
		}
	icu_locale_uncached(locale, out, size);
	i = next++ % (sizeof seen / sizeof seen[0]);
	snprintf(seen[i].in, sizeof seen[i].in, "%s", locale);
	memcpy(seen[i].out, out, size);
	seen[i].size = size;
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

/* The boundaries of KIND in TEXT, as uni_sentences and uni_word_bounds give them. */
static size_t break_bounds(UBreakIteratorType kind, const char *text, size_t len,
                           const char *locale, size_t **bounds)
{
	UText ut = UTEXT_INITIALIZER;
	UBreakIterator *bi = breaker_get(kind, locale);
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

size_t uni_sentences(const char *text, size_t len, const char *locale, size_t **bounds)
{
	return break_bounds(UBRK_SENTENCE, text, len, locale, bounds);
}

size_t uni_word_bounds(const char *text, size_t len, const char *locale, size_t **bounds)
{
	return break_bounds(UBRK_WORD, text, len, locale, bounds);
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

/* TEXT (N UTF-16 units) as UTF-8, freshly allocated; NULL if ICU fails. */
static char *to_utf8(const UChar *text, int32_t n)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t len = 0;
	char *utf8;

	u_strToUTF8(NULL, 0, &len, text, n, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return NULL;
	status = U_ZERO_ERROR;
	utf8 = xmalloc((size_t)len + 1);
	u_strToUTF8(utf8, len + 1, NULL, text, n, &status);
	if (U_FAILURE(status)) {
		free(utf8);
		return NULL;
	}
	return utf8;
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

/* The two ways to map a UTF-16 string that map_text applies. */
enum mapping { MAP_NFC, MAP_FOLD_CASE };

/*
 * TEXT (LEN bytes of UTF-8) normalized to NFC or case-folded by ICU, as
 * UTF-8 for the caller to free; NULL when TEXT is not UTF-8 or ICU fails.
 * Either mapping grows a string by at most 3x in UTF-16 units (NFC's
 * bound; folding makes three units of "ΐ").
 */
static char *map_text(const char *text, size_t len, enum mapping how)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfc = how == MAP_NFC ? unorm2_getNFCInstance(&status) : NULL;
	UChar *u, *out;
	int32_t n, m, cap;
	char *utf8;

	if (!uni_valid_utf8(text, len) || U_FAILURE(status))
		return NULL;
	u = to_utf16(text, len, &n);
	if (!u)
		return NULL;
	cap = n * 3 + 1;
	out = xmalloc((size_t)cap * sizeof *out);
	if (how == MAP_NFC)
		m = unorm2_normalize(nfc, u, n, out, cap, &status);
	else
		m = u_strFoldCase(out, cap, u, n, U_FOLD_CASE_DEFAULT, &status);
	free(u);
	utf8 = U_FAILURE(status) ? NULL : to_utf8(out, m);
	free(out);
	return utf8;
}

char *uni_nfc(const char *text, size_t len)
{
	return map_text(text, len, MAP_NFC);
}

char *uni_fold_case(const char *text, size_t len)
{
	return map_text(text, len, MAP_FOLD_CASE);
}

int uni_is_alnum(long c)
{
	return c >= 0 && c <= 0x10ffff &&
	       (u_isalnum((UChar32)c) || (U_GET_GC_MASK((UChar32)c) & U_GC_M_MASK) != 0);
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

/* ICU services opened once per locale and kept until uni_cleanup (below). */
enum service { SVC_DATE_FORMAT, SVC_NUMBER_FORMAT, SVC_COLLATOR, SVC_DISPLAY_NAMES, SVC_SLUG };
static void *service_get(enum service kind, const char *locale);

/* The decimal format of LOCALE (shared with uni_format_number); NULL if ICU fails. */
static UNumberFormat *number_format(const char *locale)
{
	return service_get(SVC_NUMBER_FORMAT, locale);
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

/*
 * Whole numbers sampled against the CLDR rules.  The C API lists keywords
 * but not which apply to integers, so the integers are sampled: every CLDR
 * rule's integer pattern repeats within the first thousand (it looks at
 * n % 100 at most, or at n < 20 and at millions for compact forms, which
 * are left out).
 */
#define PLURAL_PROBE 1100

/*
 * The plural categories of the whole numbers 0 to PLURAL_PROBE - 1 in
 * LOCALE: CAT[n] is the category of n, numbered in order of first use;
 * LANG (16 bytes) gets the locale's language.  Returns the number of
 * categories, or 0 when CLDR has no plural rules for the language.  The
 * count (uni_plural_count) and the expression (uni_plural_forms) both come
 * from here, so that check and merge never disagree on a language.
 */
static int plural_classes(const char *locale, unsigned char cat[PLURAL_PROBE], char lang[16])
{
	UErrorCode status = U_ZERO_ERROR;
	UPluralRules *rules;
	char name[32], seen[8][16];
	int count = 0, n, i;

	icu_locale(locale, name, sizeof name);
	lang[0] = '\0';
	uloc_getLanguage(name, lang, 16, &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		return 0;
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
	for (n = 0; n < PLURAL_PROBE; n++) {
		UChar kw[16];
		char k[16];
		int32_t klen = uplrules_select(rules, n, kw, 16, &status);

		if (U_FAILURE(status) || klen <= 0 || klen >= 16)
			break;
		u_austrncpy(k, kw, klen);
		k[klen] = '\0';
		for (i = 0; i < count && strcmp(seen[i], k) != 0; i++)
			;
		if (i == count) {
			if (count == 8)
				break;
			memcpy(seen[count++], k, sizeof k);
		}
		cat[n] = (unsigned char)i;
	}
	uplrules_close(rules);
	return U_FAILURE(status) || n < PLURAL_PROBE ? 0 : count;
}

int uni_plural_count(const char *locale)
{
	unsigned char cat[PLURAL_PROBE];
	char lang[16];

	return plural_classes(locale, cat, lang);
}

int uni_quotes(const char *locale, char quotes[4][8])
{
	static const ULocaleDataDelimiterType types[4] = { ULOCDATA_QUOTATION_START,
		                                           ULOCDATA_QUOTATION_END,
		                                           ULOCDATA_ALT_QUOTATION_START,
		                                           ULOCDATA_ALT_QUOTATION_END };
	UErrorCode status = U_ZERO_ERROR;
	ULocaleData *data;
	char name[32], got[4][8] = { { 0 } };
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
		/* A mark that fills its eight bytes has no NUL: no string. */
		if (status == U_STRING_NOT_TERMINATED_WARNING)
			status = U_BUFFER_OVERFLOW_ERROR;
	}
	ulocdata_close(data);
	if (U_FAILURE(status))
		return -1;
	memcpy(quotes, got, sizeof got);
	return 0;
}

/* --- Cached formats, collators, names, transliterator -------------------------- */

/*
 * Like break iterators, the services the site's templates use (formats,
 * collators, display names, the slug transliterator) are costly to open
 * and cheap to reuse: each (kind, locale) pair is opened on first use and
 * kept until uni_cleanup.  A site build formats thousands of dates in three
 * or four locales.
 */

struct service_entry {
	enum service kind;
	char locale[ULOC_FULLNAME_CAPACITY];
	void *obj;
	struct service_entry *next;
};

static struct service_entry *services;

/* The rules that make a URL slug from any text (ICU transform syntax). */
static const char slug_rules[] = "Any-Latin; Latin-ASCII; Any-Lower";

static void *service_open(enum service kind, const char *locale, UErrorCode *status)
{
	static const UChar utc[] = { 'U', 'T', 'C', 0 };
	UDisplayContext contexts[] = { UDISPCTX_STANDARD_NAMES,
		                       UDISPCTX_CAPITALIZATION_FOR_UI_LIST_OR_MENU };
	UChar id[sizeof slug_rules];

	switch (kind) {
	case SVC_DATE_FORMAT:
		/* Dates carry no time: format midnight UTC in UTC. */
		return udat_open(UDAT_NONE, UDAT_LONG, locale, utc, -1, NULL, 0, status);
	case SVC_NUMBER_FORMAT:
		return unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, status);
	case SVC_COLLATOR:
		return ucol_open(locale, status);
	case SVC_DISPLAY_NAMES:
		return uldn_openForContext(locale, contexts, 2, status);
	case SVC_SLUG:
		u_uastrcpy(id, slug_rules);
		return utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, status);
	}
	*status = U_UNSUPPORTED_ERROR;
	return NULL;
}

static void service_close(enum service kind, void *obj)
{
	switch (kind) {
	case SVC_DATE_FORMAT:
		udat_close(obj);
		break;
	case SVC_NUMBER_FORMAT:
		unum_close(obj);
		break;
	case SVC_COLLATOR:
		ucol_close(obj);
		break;
	case SVC_DISPLAY_NAMES:
		uldn_close(obj);
		break;
	case SVC_SLUG:
		utrans_close(obj);
		break;
	}
}

/* The service KIND for LOCALE (a BCP 47 tag), opened on first use; NULL if ICU fails. */
static void *service_get(enum service kind, const char *locale)
{
	char id[ULOC_FULLNAME_CAPACITY];
	struct service_entry *e;
	UErrorCode status = U_ZERO_ERROR;
	void *obj;

	icu_locale(locale, id, sizeof id);
	for (e = services; e; e = e->next)
		if (e->kind == kind && strcmp(e->locale, id) == 0)
			return e->obj;
	obj = service_open(kind, id, &status);
	if (U_FAILURE(status)) {
		if (obj)
			service_close(kind, obj);
		return NULL;
	}
	e = xcalloc(1, sizeof *e);
	e->kind = kind;
	memcpy(e->locale, id, sizeof id);
	e->obj = obj;
	e->next = services;
	services = e;
	return obj;
}

/* --- Dates and numbers -------------------------------------------------------- */

static int is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * Parses an ISO 8601 calendar date, "YYYY-MM-DD" exactly (the XML Schema
 * xs:date of the articles, without a time zone), into days since
 * 1970-01-01 in the proleptic Gregorian calendar.  -1 if it is not one.
 */
static int parse_iso_date(const char *s, long *days)
{
	static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long y = 0, m, d, era, yoe, doy;
	int i;

	for (i = 0; i < 10; i++) {
		int digit = i == 4 || i == 7 ? 0 : 1;

		if (digit ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return -1;
	}
	if (s[10] != '\0')
		return -1;
	for (i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > month_days[m - 1] + (m == 2 && is_leap(y)))
		return -1;
	/* Days from the civil date (H. Hinnant's algorithm): years start in
	 * March so that the leap day comes last. */
	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	*days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
	return 0;
}

/* The N digits at S as a number, or -1 unless they are N digits. */
static long digits(const char *s, int n)
{
	long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int uni_calendar_date(const char *value, char out[11])
{
	const char *p = value, *end;
	long days, hours, minutes;

	/* xs:date collapses whitespace: around the value, it is no part of it. */
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		end--;
	/* YYYY-MM-DD, then the time zone: Z, or +hh:mm / -hh:mm up to 14:00.
	 * A negative year or one of five digits is an xs:date too, but no
	 * page, feed or sitemap can carry it. */
	if (end - p < 10 || digits(p, 4) < 1 || p[4] != '-' || p[7] != '-')
		return -1;
	if (end - p == 11 && p[10] != 'Z')
		return -1;
	if (end - p == 16) {
		if ((p[10] != '+' && p[10] != '-') || p[13] != ':')
			return -1;
		hours = digits(p + 11, 2);
		minutes = digits(p + 14, 2);
		if (hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > 14 * 60)
			return -1;
	} else if (end - p != 10 && end - p != 11) {
		return -1;
	}
	memcpy(out, p, 10);
	out[10] = '\0';
	return parse_iso_date(out, &days);
}

char *uni_format_date(const char *iso, const char *locale)
{
	UDateFormat *fmt = service_get(SVC_DATE_FORMAT, locale);
	UErrorCode status = U_ZERO_ERROR;
	UChar out[256];
	char date[11];
	int32_t n;
	long days;

	if (!fmt || uni_calendar_date(iso, date) != 0 || parse_iso_date(date, &days) != 0)
		return NULL;
	n = udat_format(fmt, (UDate)days * U_MILLIS_PER_DAY, out, 256, NULL, &status);
	if (U_FAILURE(status))
		return NULL;
	return to_utf8(out, n);
}

char *uni_format_number(double n, const char *locale)
{
	UNumberFormat *fmt = service_get(SVC_NUMBER_FORMAT, locale);
	UErrorCode status = U_ZERO_ERROR;
	UChar out[256];
	int32_t len;

	if (!fmt)
		return NULL;
	len = unum_formatDouble(fmt, n, out, 256, NULL, &status);
	if (U_FAILURE(status))
		return NULL;
	return to_utf8(out, len);
}

/* --- Collation, transliteration, locale data ---------------------------------- */

char *uni_sort_key(const char *text, size_t len, const char *locale)
{
	static const char hex[] = "0123456789abcdef";
	UCollator *coll = service_get(SVC_COLLATOR, locale);
	uint8_t small[256], *key = small;
	int32_t n, need, i;
	UChar *u;
	char *out;

	if (!coll)
		return NULL;
	u = to_utf16(text, len, &n);
	if (!u)
		return NULL;
	need = ucol_getSortKey(coll, u, n, key, (int32_t)sizeof small);
	if (need > (int32_t)sizeof small) {
		key = xmalloc((size_t)need);
		ucol_getSortKey(coll, u, n, key, need);
	}
	free(u);
	/* The key ends with a zero byte, which the hex form does not need. */
	if (need > 0 && key[need - 1] == 0)
		need--;
	out = xmalloc((size_t)need * 2 + 1);
	for (i = 0; i < need; i++) {
		out[2 * i] = hex[key[i] >> 4];
		out[2 * i + 1] = hex[key[i] & 0xf];
	}
	out[2 * need] = '\0';
	if (key != small)
		free(key);
	return out;
}

char *uni_slug(const char *text, size_t len)
{
	UTransliterator *trans = service_get(SVC_SLUG, NULL);
	UErrorCode status = U_ZERO_ERROR;
	int32_t n, tlen, cap, limit, i;
	UChar *src, *u;
	char *out;
	size_t o = 0;
	int separate = 0;

	if (!trans)
		return NULL;
	src = to_utf16(text, len, &n);
	if (!src)
		return NULL;
	/* A slug is short: the start of a long text is enough. */
	if (n > 4 * UNI_SLUG_MAX) {
		n = 4 * UNI_SLUG_MAX;
		if (U16_IS_LEAD(src[n - 1]))
			n--;
	}
	/* Transliteration grows text (an ideograph becomes a syllable). */
	for (cap = n * 4 + 16;; cap *= 2) {
		u = xmalloc((size_t)cap * sizeof *u);
		memcpy(u, src, (size_t)n * sizeof *u);
		tlen = limit = n;
		status = U_ZERO_ERROR;
		utrans_transUChars(trans, u, &tlen, cap, 0, &limit, &status);
		if (status != U_BUFFER_OVERFLOW_ERROR || cap > 64 * UNI_SLUG_MAX)
			break;
		free(u);
	}
	free(src);
	if (U_FAILURE(status)) {
		free(u);
		return NULL;
	}
	out = xmalloc(UNI_SLUG_MAX + 1);
	for (i = 0; i < tlen && o < UNI_SLUG_MAX; i++) {
		UChar c = u[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (separate && o > 0) {
				if (o + 1 >= UNI_SLUG_MAX)
					break;
				out[o++] = '-';
			}
			separate = 0;
			out[o++] = (char)c;
		} else {
			separate = 1;
		}
	}
	out[o] = '\0';
	free(u);
	return out;
}

int uni_is_rtl(const char *locale)
{
	char id[ULOC_FULLNAME_CAPACITY];

	icu_locale(locale, id, sizeof id);
	return id[0] && uloc_isRightToLeft(id) ? 1 : 0;
}

char *uni_language_name(const char *code, const char *locale)
{
	ULocaleDisplayNames *names = service_get(SVC_DISPLAY_NAMES, locale);
	UErrorCode status = U_ZERO_ERROR;
	char id[ULOC_FULLNAME_CAPACITY];
	UChar out[256];
	int32_t n;

	icu_locale(code, id, sizeof id);
	if (!names || !id[0])
		return NULL;
	n = uldn_localeDisplayName(names, id, out, 256, &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		return NULL;
	return to_utf8(out, n);
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

const char *uni_plural_forms(const char *locale)
{
	unsigned char cat[PLURAL_PROBE];
	char lang[16];
	int ncat = plural_classes(locale, cat, lang), n;
	size_t i;

	if (ncat == 0)
		return NULL;
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

/* --- Versions and cleanup ----------------------------------------------------- */

void uni_library_version(char *out, size_t size)
{
	UVersionInfo icu, cldr;
	UErrorCode status = U_ZERO_ERROR;
	char icu_text[U_MAX_VERSION_STRING_LENGTH], cldr_text[U_MAX_VERSION_STRING_LENGTH];

	u_getVersion(icu);
	u_versionToString(icu, icu_text);
	ulocdata_getCLDRVersion(cldr, &status);
	if (U_FAILURE(status))
		memset(cldr, 0, sizeof cldr);
	u_versionToString(cldr, cldr_text);
	snprintf(out, size, "%s cldr %s", icu_text, cldr_text);
}

void uni_cleanup(void)
{
	while (breakers) {
		struct breaker *next = breakers->next;

		ubrk_close(breakers->bi);
		free(breakers);
		breakers = next;
	}
	while (services) {
		struct service_entry *next = services->next;

		service_close(services->kind, services->obj);
		free(services);
		services = next;
	}
	u_cleanup();
}
