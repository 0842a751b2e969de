/*
 * check-rules: the quality checks, one table row each.  See check-rules.h
 * for what a check sees and doc/check.md for what each one means to a
 * translator, with examples.
 *
 * The checks are tuned against false positives on French sources: a
 * warning that fires on good translations teaches people to ignore it.
 */
#include <config.h>

#include "check-rules.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "glossary.h"
#include "mem.h"
#include "segment.h"
#include "uni.h"

int check_lang_is_french(const char *lang)
{
	return strncmp(lang, "fr", 2) == 0 && !isalpha((unsigned char)lang[2]);
}

/* The base language of LANG ("nl" for "nl_BE") into OUT. */
static void base_language(const char *lang, char *out, size_t size)
{
	size_t n = strcspn(lang, "_-@.");

	if (n >= size)
		n = size - 1;
	memcpy(out, lang, n);
	out[n] = '\0';
}

/* 1 when TEXT (LEN bytes) contains code point C. */
static int has_code_point(const char *text, size_t len, long c)
{
	size_t pos = 0;

	while (pos < len)
		if (uni_next(text, len, &pos) == c)
			return 1;
	return 0;
}

/* --- format: libgettextpo's checks ------------------------------------------ */

static void collect_format(const struct diag_message *msg, void *data)
{
	struct check_unit *u = data;

	check_lang_add_problem(u->lang, u->rule->id, msg->severity, msg->file, msg->line,
	                       msg->text);
}

static int check_format(struct check_unit *u)
{
	struct diag collector;

	diag_init(&collector, collect_format, u);
	catalog_check(u->cat, &collector);
	return 0;
}

/* --- plural-forms: the header against CLDR ---------------------------------- */

static int check_plural_forms(struct check_unit *u)
{
	int expected = uni_plural_count(u->target_lang);
	char *value = catalog_header_field(u->cat, "Plural-Forms");
	/* The expression merge --create writes for the language. */
	const char *expr = uni_plural_forms(u->target_lang);
	struct buf hint = BUF_INIT;
	struct diag quiet;
	size_t i;
	int has_plurals = 0, nplurals;

	diag_init(&quiet, NULL, NULL);
	if (expected == 0) {
		free(value);
		return 0; /* CLDR does not know the language: nothing to compare */
	}
	if (expr)
		buf_addf(&hint, "; use \"Plural-Forms: %s\"", expr);
	if (!value) {
		for (i = 0; i < catalog_count(u->cat) && !has_plurals; i++)
			has_plurals = catalog_msg_id_plural(catalog_at(u->cat, i)) != NULL;
		/* Without plural messages gettext needs no Plural-Forms. */
		if (has_plurals)
			check_unit_report(u, catalog_header_line(u->cat),
			                  "no Plural-Forms header, and CLDR gives %s %d plural "
			                  "forms%s",
			                  u->target_lang, expected, buf_str(&hint));
	} else if ((nplurals = catalog_nplurals(u->cat, &quiet)) == 0) {
		check_unit_report(u, catalog_header_line(u->cat),
		                  "Plural-Forms has no nplurals; CLDR gives %s %d plural forms%s",
		                  u->target_lang, expected, buf_str(&hint));
	} else if (nplurals > 0 && nplurals != expected) {
		/* (A value out of range is the format check's to report.) */
		check_unit_report(u, catalog_header_line(u->cat),
		                  "Plural-Forms says nplurals=%d, but CLDR gives %s %d plural "
		                  "forms%s",
		                  nplurals, u->target_lang, expected, buf_str(&hint));
	}
	buf_release(&hint);
	free(value);
	return 0;
}

/* --- unicode: encoding, normalization, invisible controls ------------------- */

static int is_bidi_control(long c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

static int is_control(long c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
}

static int check_unicode(struct check_unit *u)
{
	const char *t = u->target_raw;
	size_t len = strlen(t), pos = 0;
	int control = 0, bidi = 0;

	if (!uni_valid_utf8(t, len)) {
		check_unit_report(u, 0, "the translation is not valid UTF-8");
		return 1; /* the other checks would read nonsense */
	}
	if (uni_is_nfc(t, len) == 0)
		check_unit_report(u, 0,
		                  "the translation is not in Unicode normalization form C "
		                  "(NFC): a letter is spelt with a combining mark");
	while (pos < len) {
		long c = uni_next(t, len, &pos);

		if (!control && is_control(c) &&
		    !has_code_point(u->source_raw, strlen(u->source_raw), c)) {
			check_unit_report(u, 0, "the translation has the control character U+%04lX",
			                  (unsigned long)c);
			control = 1;
		}
		if (!bidi && is_bidi_control(c) &&
		    !has_code_point(u->source_raw, strlen(u->source_raw), c)) {
			check_unit_report(
			    u, 0,
			    "the translation has the invisible bidirectional control "
			    "U+%04lX, which can make text display other than it reads",
			    (unsigned long)c);
			bidi = 1;
		}
	}
	return 0;
}

/* --- urls: addresses copied unchanged ---------------------------------------- */

/* 1 when C can end a URL or address (not a trailing sentence punctuation). */
static int url_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && !strchr("<>\"'()[]{}|\\^`", c);
}

static int email_local_char(unsigned char c)
{
	return isalnum(c) || strchr("._%+-", c);
}

static int email_domain_char(unsigned char c)
{
	return isalnum(c) || c == '.' || c == '-';
}

/*
 * Finds the next URL or e-mail address in TEXT at or after *POS; sets
 * *START and *LEN and moves *POS past it.  Returns 0 when there is none.
 */
static int next_address(const char *text, size_t *pos, size_t *start, size_t *len, int *email)
{
	size_t i, s, e;

	for (i = *pos; text[i]; i++) {
		const char *p = text + i;
		int at_word = i == 0 || !isalnum((unsigned char)p[-1]);

		if (at_word && (strncmp(p, "http://", 7) == 0 || strncmp(p, "https://", 8) == 0 ||
		                strncmp(p, "ftp://", 6) == 0 || strncmp(p, "mailto:", 7) == 0 ||
		                strncmp(p, "www.", 4) == 0)) {
			for (e = i; url_char((unsigned char)text[e]); e++)
				;
			*email = 0;
			s = i;
		} else if (*p == '@' && i > 0 && email_local_char((unsigned char)p[-1])) {
			int dot = 0;

			for (s = i; s > 0 && email_local_char((unsigned char)text[s - 1]); s--)
				;
			for (e = i + 1; email_domain_char((unsigned char)text[e]); e++)
				dot |= text[e] == '.';
			if (!dot || e == i + 1) {
				continue;
			}
			*email = 1;
		} else {
			continue;
		}
		/* "Voir https://x.org/a." ends the sentence, not the URL. */
		while (e > s && strchr(".,;:!?", text[e - 1]))
			e--;
		*start = s;
		*len = e - s;
		*pos = e > i ? e : i + 1;
		return 1;
	}
	*pos = i;
	return 0;
}

/* The first occurrence of NEEDLE (NLEN bytes) in HAY (HLEN bytes), or NULL. */
static const char *find_bytes(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	const char *p = hay, *end = hay + hlen;

	while (nlen && (size_t)(end - p) >= nlen) {
		p = memchr(p, needle[0], (size_t)(end - p) - nlen + 1);
		if (!p)
			return NULL;
		if (memcmp(p, needle, nlen) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* 1 when TEXT has ADDR (LEN bytes) whole, not as the start of a longer one. */
static int has_address(const char *text, size_t text_len, const char *addr, size_t len)
{
	const char *p = text, *end = text + text_len;

	while ((p = find_bytes(p, (size_t)(end - p), addr, len)) != NULL) {
		const char *after = p + len;

		if (after == end || !url_char((unsigned char)*after) ||
		    (strchr(".,;:!?", *after) && !url_char((unsigned char)after[1])))
			return 1;
		p++;
	}
	return 0;
}

static int check_urls(struct check_unit *u)
{
	size_t pos = 0, start, len;
	int email;

	if (!strpbrk(u->source, "@:w"))
		return 0;

	while (next_address(u->source, &pos, &start, &len, &email)) {
		if (has_address(u->target, u->target_len, u->source + start, len))
			continue;
		check_unit_report(u, 0,
		                  "the %s %.*s is not in the translation as it is in the source "
		                  "(the page shows the translation as it is)",
		                  email ? "e-mail address" : "URL", (int)len, u->source + start);
	}
	return 0;
}

/* --- numbers: the same values in each locale's notation --------------------- */

struct number {
	size_t start, len; /* in the text */
	double values[4]; /* the readings that may be meant */
	int nvalues;
	int matched;
};

/* The length of the space-like grouping separator at S, or 0. */
static size_t space_separator(const char *s)
{
	if (s[0] == ' ')
		return 1;
	if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
		return 2; /* NO-BREAK SPACE */
	if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xaf || (unsigned char)s[2] == 0x89))
		return 3; /* NARROW NO-BREAK SPACE, THIN SPACE */
	return 0;
}

static size_t digits(const char *s)
{
	size_t n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	return n;
}

/*
 * The length of the number written at S (which starts with a digit):
 * digits, with groups of three after a space-like or apostrophe separator
 * ("28 859", "1'000"), or any digits after a point or comma ("3,5",
 * "28.859"), as long as it reads like one number.
 */
static size_t number_length(const char *s)
{
	size_t n = digits(s), first = n, sep, g;

	for (;;) {
		if ((sep = space_separator(s + n)) != 0 || s[n] == '\'' ||
		    ((unsigned char)s[n] == 0xe2 && (unsigned char)s[n + 1] == 0x80 &&
		     (unsigned char)s[n + 2] == 0x99)) {
			/* Grouping by spaces: "1995 200 personnes" is two numbers,
			 * since the first group of a grouped number has 1-3 digits. */
			if (!sep)
				sep = s[n] == '\'' ? 1 : 3;
			g = digits(s + n + sep);
			if (first > 3 || g != 3)
				break;
			n += sep + g;
		} else if ((s[n] == '.' || s[n] == ',') && isdigit((unsigned char)s[n + 1])) {
			n += 1 + digits(s + n + 1);
		} else {
			break;
		}
	}
	return n;
}

/* The number's digits alone, as a value: the reading when ICU has none. */
static double digits_value(const char *s, size_t len)
{
	double v = 0;
	size_t i;

	for (i = 0; i < len; i++)
		if (isdigit((unsigned char)s[i]))
			v = v * 10 + (s[i] - '0');
	return v;
}

/*
 * The numbers in TEXT, with their readings in each of the LOCALES (up to
 * three, NULL-terminated), and their digits alone: the reading of a number
 * no locale reads ("5.2" in French, a section number), which the same
 * digits in a translation match.
 */
static struct number *find_numbers(const char *text, const char *const *locales, size_t *count)
{
	struct number *nums = NULL;
	size_t n = 0, alloc = 0, i = 0, k;

	while (text[i]) {
		struct number *num;
		double v;

		if (!isdigit((unsigned char)text[i])) {
			i++;
			continue;
		}
		xgrow((void **)&nums, &alloc, n + 1, sizeof *nums);
		num = &nums[n++];
		memset(num, 0, sizeof *num);
		num->start = i;
		num->len = number_length(text + i);
		/* Digits alone read the same in every locale: no need for ICU. */
		for (k = 0; locales[k] && k < 3 && digits(text + i) < num->len; k++)
			if (uni_parse_number(text + i, num->len, locales[k], &v) == 0)
				num->values[num->nvalues++] = v;
		num->values[num->nvalues++] = digits_value(text + i, num->len);
		i += num->len;
	}
	*count = n;
	return nums;
}

static int same_value(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1.0, fabs(a));
}

static int check_numbers(struct check_unit *u)
{
	/*
	 * A translation's number is read in the target locale, in the source's
	 * (a translator may keep its notation), and in English, whose comma
	 * grouping many writers use everywhere: "28 859" may become "28.859"
	 * or "28,859" in Dutch.  Only a value none of them gives is reported.
	 */
	const char *source_locales[] = { u->source_lang, NULL };
	const char *target_locales[] = { u->target_lang, u->source_lang, "en", NULL };
	size_t ns, nt, i, j;
	struct number *src = find_numbers(u->source, source_locales, &ns);
	struct number *tgt;

	if (ns == 0) {
		free(src);
		return 0;
	}
	tgt = find_numbers(u->target, target_locales, &nt);
	for (i = 0; i < ns; i++)
		for (j = 0; j < nt && !src[i].matched; j++) {
			int k;

			if (tgt[j].matched)
				continue;
			/* The source's own reading, or its digits if it has none. */
			for (k = 0; k < tgt[j].nvalues; k++)
				if (same_value(src[i].values[0], tgt[j].values[k]))
					src[i].matched = tgt[j].matched = 1;
		}
	/* Pair what is left in order: a changed number. */
	for (i = 0, j = 0; i < ns; i++) {
		if (src[i].matched)
			continue;
		while (j < nt && tgt[j].matched)
			j++;
		if (j < nt) {
			check_unit_report(u, 0, "the number %.*s became %.*s", (int)src[i].len,
			                  u->source + src[i].start, (int)tgt[j].len,
			                  u->target + tgt[j].start);
			tgt[j].matched = 1;
		} else if (src[i].values[0] >= 10 || src[i].values[0] != floor(src[i].values[0])) {
			/* Small whole numbers are often written out ("two children"). */
			check_unit_report(u, 0, "the number %.*s is not in the translation",
			                  (int)src[i].len, u->source + src[i].start);
		}
	}
	free(src);
	free(tgt);
	return 0;
}

/* --- typography: French conventions in other languages ---------------------- */

/*
 * The length of a number grouped by spaces at S, French style ("45 000",
 * "1 234 567", with plain, no-break, narrow no-break or thin spaces), or
 * 0: a first group of one to three digits, then groups of three, and no
 * more digits after a space (a telephone number, "02 502 16 43", is none).
 */
static size_t space_grouped(const char *s)
{
	size_t n = digits(s), sep, groups = 0;

	if (n == 0 || n > 3)
		return 0;
	while ((sep = space_separator(s + n)) != 0 && digits(s + n + sep) == 3 &&
	       !isdigit((unsigned char)s[n + sep + 3])) {
		n += sep + 3;
		groups++;
	}
	if (!groups || ((sep = space_separator(s + n)) != 0 && isdigit((unsigned char)s[n + sep])))
		return 0;
	return n;
}

/* Reports the first number of U's translation grouped by spaces, with the target's way. */
static void check_grouping(struct check_unit *u)
{
	const char *t = u->target;
	size_t i, len;

	for (i = 0; t[i]; i++) {
		char *written;

		/* Only at the start of a number, not inside "12 345 678 90". */
		if (!isdigit((unsigned char)t[i]) || (i > 0 && isdigit((unsigned char)t[i - 1])) ||
		    (i > 1 && space_separator(t + i - 1) == 1 && isdigit((unsigned char)t[i - 2])))
			continue;
		len = space_grouped(t + i);
		if (!len) {
			/* Past the digits: the loop steps over the last one, and
			 * a number that ends the text must leave I on its NUL. */
			i += digits(t + i) - 1;
			continue;
		}
		written = uni_format_number(digits_value(t + i, len), u->target_lang);
		check_unit_report(u, 0, "%.*s is grouped with spaces, the French way; %s writes %s",
		                  (int)len, t + i, u->target_lang,
		                  written ? written : "it otherwise");
		free(written);
		return;
	}
}

static int check_typography(struct check_unit *u)
{
	/* The message as written: a placeholder stands for text ("<_:em-1/>:"). */
	const char *t = u->target_raw;
	size_t len = strlen(t), pos = 0;
	int space = 0, guillemets = 0;

	if (check_lang_is_french(u->target_lang))
		return 0;
	while (pos < len) {
		size_t at = pos;
		long c = uni_next(t, len, &pos);

		/* A plain space before ':' between numbers is a ratio or a
		 * score ("10 : 2"), no French. */
		if (!space && pos < len && t[pos] && strchr(":;!?", t[pos]) &&
		    (c == 0xa0 || c == 0x202f || c == 0x2009 ||
		     (c == ' ' && !(t[pos] == ':' && at > 0 && isdigit((unsigned char)t[at - 1]) &&
		                    isdigit((unsigned char)t[pos + 1 + (t[pos + 1] == ' ')]))))) {
			check_unit_report(u, 0,
			                  "%s before '%c' is French typography; %s puts no space "
			                  "there",
			                  c == 0xa0
			                      ? "a no-break space"
			                      : (c == ' ' ? "a space" : "a narrow no-break space"),
			                  t[pos], u->target_lang);
			space = 1;
		}
		if (!guillemets && (c == 0xab || c == 0xbb)) {
			if (u->has_quotes && strncmp(u->quotes[0], t + at, pos - at) != 0 &&
			    strncmp(u->quotes[1], t + at, pos - at) != 0)
				check_unit_report(
				    u, 0,
				    "French quotation marks \xc2\xab \xc2\xbb; %s uses "
				    "%s\xe2\x80\xa6%s",
				    u->target_lang, u->quotes[0], u->quotes[1]);
			guillemets = 1;
		}
	}
	check_grouping(u);
	return 0;
}

/* --- quotes: the target language's quotation marks ------------------------- */

static int check_quotes(struct check_unit *u)
{
	/* Marks that open or close quotations only; ’ and ‘ double as
	 * apostrophes and are left alone. */
	static const long marks[] = { 0xab, 0xbb, 0x2039, 0x203a, 0x201c, 0x201d, 0x201e, 0x201a };
	const char *t = u->target;
	size_t len = u->target_len, pos = 0, i;
	const char(*quotes)[8] = u->quotes;
	struct buf allowed = BUF_INIT;
	int french = check_lang_is_french(u->target_lang);

	/* Most translations have no quotation mark at all. */
	if (!u->has_quotes || !strpbrk(t, "\xc2\xe2"))
		return 0;
	/* The team's marks; or the locale's, and “ ” (CLDR's root), which
	 * every language's typography accepts in plain text. */
	for (i = 0; i < 4; i++)
		buf_adds(&allowed, quotes[i]);
	if (!u->team_quotes)
		buf_adds(&allowed, "\xe2\x80\x9c\xe2\x80\x9d");
	while (pos < len) {
		size_t at = pos;
		long c = uni_next(t, len, &pos);

		for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
			if (c == marks[i])
				break;
		if (i == sizeof marks / sizeof marks[0])
			continue;
		/* « » outside French are the typography check's. */
		if ((c == 0xab || c == 0xbb) && !french)
			continue;
		if (find_bytes(buf_str(&allowed), allowed.len, t + at, pos - at) ||
		    has_code_point(u->source, u->source_len, c))
			continue;
		if (strcmp(quotes[0], quotes[2]) == 0 && strcmp(quotes[1], quotes[3]) == 0)
			check_unit_report(u, 0,
			                  "the quotation mark %.*s is not used in %s, which quotes "
			                  "with %s\xe2\x80\xa6%s%s",
			                  (int)(pos - at), t + at, u->target_lang, quotes[0],
			                  quotes[1],
			                  u->team_quotes ? " (" CHECK_QUOTES_HEADER ")" : "");
		else
			check_unit_report(u, 0,
			                  "the quotation mark %.*s is not used in %s, which quotes "
			                  "with %s\xe2\x80\xa6%s and %s\xe2\x80\xa6%s%s",
			                  (int)(pos - at), t + at, u->target_lang, quotes[0],
			                  quotes[1], quotes[2], quotes[3],
			                  u->team_quotes ? " (" CHECK_QUOTES_HEADER ")" : "");
		break;
	}
	buf_release(&allowed);
	return 0;
}

int check_parse_quotes(const char *value, char quotes[4][8])
{
	size_t len = strlen(value), pos = 0, n = 0;
	char got[4][8] = { { 0 } };

	while (pos < len) {
		size_t at = pos;
		long c = uni_next(value, len, &pos);

		/* Spaces and ellipses only stand between the marks. */
		if (c == ' ' || c == '\t' || c == 0x2026 || c == '.')
			continue;
		if (c < 0 || n == 4 || pos - at >= sizeof got[0] || isalnum((unsigned char)c))
			return -1;
		memcpy(got[n], value + at, pos - at);
		got[n++][pos - at] = '\0';
	}
	if (n != 2 && n != 4)
		return -1;
	if (n == 2) {
		memcpy(got[2], got[0], sizeof got[0]);
		memcpy(got[3], got[1], sizeof got[1]);
	}
	memcpy(quotes, got, sizeof got);
	return 0;
}

/* The catalog's X-Quotes header, when it says nothing that can be used. */
static int check_quotes_header(struct check_unit *u)
{
	char *value = catalog_header_field(u->cat, CHECK_QUOTES_HEADER);
	char quotes[4][8];

	if (value && check_parse_quotes(value, quotes) != 0)
		check_unit_report(u, catalog_header_line(u->cat),
		                  CHECK_QUOTES_HEADER
		                  ": \"%s\" is not two pairs of quotation "
		                  "marks, such as \xe2\x80\x9c\xe2\x80\xa6\xe2\x80\x9d "
		                  "\xe2\x80\x98\xe2\x80\xa6\xe2\x80\x99; CLDR's are used",
		                  value);
	free(value);
	return 0;
}

/* --- spaces: doubled, leading and trailing ---------------------------------- */

static size_t leading_space(const char *s)
{
	return strspn(s, " \t\r\n");
}

static size_t trailing_space(const char *s)
{
	size_t len = strlen(s), n = 0;

	while (n < len && strchr(" \t\r\n", s[len - 1 - n]))
		n++;
	return n;
}

static int check_spaces(struct check_unit *u)
{
	const char *s = u->source_raw, *t = u->target_raw;
	size_t sl = leading_space(s), tl = leading_space(t);
	size_t st = trailing_space(s), tt = trailing_space(t);

	if (strstr(t, "  ") && !strstr(s, "  "))
		check_unit_report(u, 0, "the translation has a doubled space");
	if (sl != tl || strncmp(s, t, sl) != 0)
		check_unit_report(u, 0, "leading white space differs from the source's");
	if (st != tt || strncmp(s + strlen(s) - st, t + strlen(t) - tt, st) != 0)
		check_unit_report(u, 0, "trailing white space differs from the source's");
	return 0;
}

/* --- sentences and length ----------------------------------------------------- */

/*
 * ICU's plain sentence rules: its abbreviation suppressions ("ss=standard")
 * misfire in French ("les réseaux. Merci" would be one sentence), while an
 * abbreviation ("M. Dupont", "Mr. Dupont") splits source and translation
 * alike.
 */
/*
 * 1 when TEXT may hold more than one sentence: a sentence-ending mark or a
 * line break before its last word.  Most messages are one sentence, and
 * this spares ICU the work of saying so.
 */
static int maybe_sentences(const char *text, size_t len)
{
	const char *end = text + len, *p;

	while (end > text && strchr(" \t.!?\"')]}", end[-1]))
		end--;
	for (p = text; p < end; p++)
		if (strchr(".!?\n", *p) ||
		    ((unsigned char)*p == 0xe2 && end - p > 2 && (unsigned char)p[1] == 0x80 &&
		     ((unsigned char)p[2] == 0xa6 || (unsigned char)p[2] == 0xa9)))
			return 1; /* ., !, ?, newline, … or PARAGRAPH SEPARATOR */
	return 0;
}

static int check_sentences(struct check_unit *u)
{
	size_t *bounds;
	size_t s, t;

	if (!maybe_sentences(u->source, u->source_len) &&
	    !maybe_sentences(u->target, u->target_len))
		return 0;
	s = uni_sentences(u->source, u->source_len, u->source_lang, &bounds);
	free(bounds);
	t = uni_sentences(u->target, u->target_len, u->target_lang, &bounds);
	free(bounds);

	if (s && t && s != t)
		check_unit_report(u, 0, "%zu sentence%s in the source, %zu in the translation", s,
		                  s == 1 ? "" : "s", t);
	return 0;
}

/*
 * Usual length of a translation over its source, in characters, for
 * language pairs we know (measured on parallel corpora, roughly: English is
 * shorter than French, Dutch and German about as long).
 */
static double usual_ratio(const char *from, const char *to)
{
	static const struct {
		const char *from, *to;
		double ratio;
	} pairs[] = {
		{ "fr", "en", 0.9 },  { "fr", "nl", 1.0 }, { "fr", "de", 1.05 },
		{ "en", "fr", 1.15 }, { "en", "nl", 1.1 }, { "en", "de", 1.2 },
		{ "nl", "fr", 1.0 },  { "nl", "en", 0.9 },
	};
	char a[16], b[16];
	size_t i;

	base_language(from, a, sizeof a);
	base_language(to, b, sizeof b);
	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (strcmp(pairs[i].from, a) == 0 && strcmp(pairs[i].to, b) == 0)
			return pairs[i].ratio;
	return 1.0;
}

static size_t code_points(const char *text, size_t len)
{
	size_t pos = 0, n = 0;

	while (pos < len) {
		uni_next(text, len, &pos);
		n++;
	}
	return n;
}

/* Below this many characters, lengths vary too much to mean anything. */
#define LENGTH_MIN_SOURCE 20

static int check_length(struct check_unit *u)
{
	size_t s = code_points(u->source, u->source_len);
	size_t t = code_points(u->target, u->target_len);
	double usual = usual_ratio(u->source_lang, u->target_lang), ratio;

	if (s < LENGTH_MIN_SOURCE || t == 0)
		return 0;
	ratio = (double)t / (double)s;
	if (ratio < usual / 2 || ratio > usual * 2)
		check_unit_report(u, 0,
		                  "the translation is %.1f times as long as the source (%zu "
		                  "characters for %zu; usually about %.1f for %s to %s)",
		                  ratio, t, s, usual, u->source_lang, u->target_lang);
	return 0;
}

/* --- markup: the translation's markup is the source's ---------------------- */

static int check_markup(struct check_unit *u)
{
	char *reason = NULL;
	int refused;

	/* The same validator the build applies before it accepts a
	 * translation; the first form was tried while counting. */
	if (u->target_raw == catalog_msg_str(u->msg)) {
		refused = u->rejected != NULL;
		reason = refused ? xstrdup(u->rejected) : NULL;
	} else {
		refused = segment_check(u->source_raw, u->target_raw, &reason) != 0;
	}
	if (!refused)
		return 0;
	check_unit_report(u, 0, "rejected, the page shows the source text instead: %s",
	                  reason ? reason : "the markup does not fit the source")
	    ->rejected = 1;
	free(reason);
	/* The other checks would only find the same fault again. */
	return 1;
}

/* --- glossary: the team's terms ------------------------------------------------- */

/* The first term of E in LANG, not deprecated, that the prepared text has; or NULL. */
static const struct glossary_term *term_in(const struct glossary_entry *e, const char *lang,
                                           const struct buf *plain, const struct buf *folded)
{
	size_t i;

	for (i = 0; i < e->term_count; i++)
		if (!e->terms[i].deprecated && glossary_term_of(&e->terms[i], lang) &&
		    glossary_has(&e->terms[i], buf_str(plain), buf_str(folded)))
			return &e->terms[i];
	return NULL;
}

/*
 * The terms the source marks (its:term, "#. Term: X" lines from
 * extraction) that the glossary has no entry for, reported once per
 * message.
 */
static void check_marked_terms(struct check_unit *u)
{
	const char *c = catalog_msg_extracted(u->msg);
	struct buf term = BUF_INIT, plain = BUF_INIT, folded = BUF_INIT;
	size_t n = strlen(SEGMENT_TERM_NOTE), i, j;

	while (c && *c) {
		const char *end = strchr(c, '\n');
		int known = 0;

		if (!end)
			end = c + strlen(c);
		if (strncmp(c, SEGMENT_TERM_NOTE, n) == 0 && end > c + n) {
			buf_truncate(&term, 0);
			buf_add(&term, c + n, (size_t)(end - c - n));
			glossary_prepare(buf_str(&term), &plain, &folded);
			for (i = 0; i < u->glossary->entry_count && !known; i++)
				for (j = 0; j < u->glossary->entries[i].term_count && !known; j++) {
					const struct glossary_term *t =
					    &u->glossary->entries[i].terms[j];

					known =
					    glossary_term_of(t, u->source_lang) &&
					    strcmp(t->match, t->any_case ? buf_str(&folded)
					                                 : buf_str(&plain)) == 0;
				}
			if (!known)
				check_unit_report(
				    u, 0,
				    "\xe2\x80\x9c%s\xe2\x80\x9d is marked as a term in the "
				    "source (its:term), and the glossary %s has no entry "
				    "for it: ask for one, so that every translation says "
				    "it alike",
				    buf_str(&term), u->glossary->path);
		}
		c = *end ? end + 1 : end;
	}
	buf_release(&term);
	buf_release(&plain);
	buf_release(&folded);
}

static int check_glossary(struct check_unit *u)
{
	struct buf sp = BUF_INIT, sf = BUF_INIT, tp = BUF_INIT, tf = BUF_INIT;
	size_t i, j;

	if (!u->glossary)
		return 0;
	if (u->source_raw == catalog_msg_id(u->msg))
		check_marked_terms(u);
	glossary_prepare(u->source, &sp, &sf);
	glossary_prepare(u->target, &tp, &tf);
	for (i = 0; i < u->glossary->entry_count; i++) {
		const struct glossary_entry *e = &u->glossary->entries[i];
		const struct glossary_term *source = term_in(e, u->source_lang, &sp, &sf);
		const struct glossary_term *approved = NULL, *avoided = NULL;

		if (!source || term_in(e, u->target_lang, &tp, &tf))
			continue;
		for (j = 0; j < e->term_count; j++) {
			const struct glossary_term *t = &e->terms[j];

			if (!glossary_term_of(t, u->target_lang))
				continue;
			if (!t->deprecated && !approved)
				approved = t;
			else if (t->deprecated && !avoided &&
			         glossary_has(t, buf_str(&tp), buf_str(&tf)))
				avoided = t;
		}
		if (!approved)
			continue; /* the glossary has no translation for the language */
		if (avoided)
			check_unit_report(u, 0,
			                  "\xe2\x80\x9c%s\xe2\x80\x9d translates \xe2\x80\x9c%s"
			                  "\xe2\x80\x9d, and the glossary says to avoid it: use "
			                  "\xe2\x80\x9c%s\xe2\x80\x9d (%s:%ld)",
			                  avoided->text, source->text, approved->text,
			                  u->glossary->path, e->line);
		else if (strcmp(source->text, approved->text) == 0)
			check_unit_report(
			    u, 0,
			    "the source has \xe2\x80\x9c%s\xe2\x80\x9d, which the "
			    "glossary keeps as it is; the translation does not have it "
			    "(%s:%ld)",
			    source->text, u->glossary->path, e->line);
		else
			check_unit_report(u, 0,
			                  "the source has \xe2\x80\x9c%s\xe2\x80\x9d, which the "
			                  "glossary translates \xe2\x80\x9c%s\xe2\x80\x9d; the "
			                  "translation does not use it (%s:%ld)",
			                  source->text, approved->text, u->glossary->path, e->line);
	}
	buf_release(&sp);
	buf_release(&sf);
	buf_release(&tp);
	buf_release(&tf);
	return 0;
}

/* --- The table ------------------------------------------------------------------- */

/*
 * Message checks run in this order; "unicode" comes first because it stops
 * the others on text that is not UTF-8.

 */
const struct check_rule check_rules[] = {
	{ "catalog", DIAG_ERROR, "the catalog can be read: PO syntax, charset, header", NULL,
	  NULL },
	{ "template", DIAG_ERROR,
	  "with --pot, the catalog has the template's messages and no others", NULL, NULL },
	{ "format", DIAG_ERROR,
	  "libgettextpo's checks (msgfmt -c): header, plural forms, format strings", check_format,
	  NULL },
	{ "plural-forms", DIAG_ERROR, "the Plural-Forms header agrees with CLDR for the language",
	  check_plural_forms, NULL },
	{ "unicode", DIAG_WARNING,
	  "valid UTF-8, in NFC, without control or bidirectional override characters", NULL,
	  check_unicode },
	{ "markup", DIAG_ERROR,
	  "the translation is well-formed with the source's inline elements and placeholders", NULL,
	  check_markup },
	{ "urls", DIAG_ERROR, "URLs and e-mail addresses of the source are unchanged", NULL,
	  check_urls },
	{ "numbers", DIAG_WARNING, "numbers carry the same values, in either locale's notation",
	  NULL, check_numbers },
	{ "typography", DIAG_WARNING,
	  "no French spacing before : ; ! ?, « » or numbers grouped by spaces outside French", NULL,
	  check_typography },
	{ "quotes", DIAG_WARNING,
	  "quotation marks are the target language's (X-Quotes header, else CLDR)",
	  check_quotes_header, check_quotes },
	{ "spaces", DIAG_WARNING,
	  "no doubled spaces; leading and trailing white space as in the source", NULL,
	  check_spaces },
	{ "sentences", DIAG_WARNING, "as many sentences as the source (ICU sentence breaks)", NULL,
	  check_sentences },
	{ "length", DIAG_WARNING, "length within twice the usual ratio for the language pair", NULL,
	  check_length },
	{ "same-as-source", DIAG_WARNING,
	  "a translation identical to its source is no translation (counted untranslated)", NULL,
	  NULL },
	{ "glossary", DIAG_WARNING,
	  "a term of the glossary (--glossary) in the source has the glossary's translation", NULL,
	  check_glossary },
	{ "consistency", DIAG_WARNING,
	  "the same source text has the same translation in every message", NULL, NULL },
};

const size_t check_rule_count = sizeof check_rules / sizeof check_rules[0];
