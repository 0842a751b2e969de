/*
 * Unit tests for uni: ICU word and sentence breaks, normalization, UTF-8,
 * and the locale data the site's templates use.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lib/uni.h"
#include "unit.h"

#define W(s, loc) uni_count_words(s, strlen(s), loc)
#define SLUG(s) uni_slug(s, strlen(s))

/* Checks that CALL's freshly allocated result is EXPECTED (NULL: no result). */
#define CHECK_OWNED(call, expected)                   \
	do {                                          \
		char *owned_ = (call);                \
		const char *expected_ = (expected);   \
		if (expected_)                        \
			CHECK_STR(owned_, expected_); \
		else                                  \
			CHECK(owned_ == NULL);        \
		free(owned_);                         \
	} while (0)

/* -1, 0 or 1 as A sorts before, with or after B in LOCALE. */
static int collate(const char *a, const char *b, const char *locale)
{
	char *ka = uni_sort_key(a, strlen(a), locale);
	char *kb = uni_sort_key(b, strlen(b), locale);
	int c = strcmp(ka, kb);

	free(ka);
	free(kb);
	return c < 0 ? -1 : c > 0;
}

static void site_locale_data(void)
{
	char *s;

	/* Long dates as CLDR writes them, digits included. */
	CHECK_OWNED(uni_format_date("2015-11-26", "fr"), "26 novembre 2015");
	CHECK_OWNED(uni_format_date("2015-11-26", "en"), "November 26, 2015");
	CHECK_OWNED(uni_format_date("2015-11-26", "nl"), "26 november 2015");
	CHECK_OWNED(uni_format_date("2015-11-26", "ar"),
	            "\xd9\xa2\xd9\xa6 \xd9\x86\xd9\x88\xd9\x81\xd9\x85\xd8\xa8\xd8\xb1 "
	            "\xd9\xa2\xd9\xa0\xd9\xa1\xd9\xa5");
	CHECK_OWNED(uni_format_date("2016-02-29", "en-GB"), "29 February 2016");
	CHECK_OWNED(uni_format_date("1969-12-31", "en"), "December 31, 1969");
	CHECK_OWNED(uni_format_date("2015-02-29", "fr"), NULL);
	CHECK_OWNED(uni_format_date("2015-13-01", "fr"), NULL);
	CHECK_OWNED(uni_format_date("2015-11-26T10:00", "fr"), NULL);
	CHECK_OWNED(uni_format_date("2015-1-26", "fr"), NULL);
	CHECK_OWNED(uni_format_date("", "fr"), NULL);

	/* Numbers: French groups with a narrow no-break space. */
	CHECK_OWNED(uni_format_number(28859, "fr"), "28\xe2\x80\xaf"
	                                            "859");
	CHECK_OWNED(uni_format_number(1234.5, "en"), "1,234.5");
	CHECK_OWNED(uni_format_number(1234.5, "nl"), "1.234,5");
	CHECK_OWNED(uni_format_number(12, "ar"), "\xd9\xa1\xd9\xa2");

	/* Collation: accents second, case third, as dictionaries do. */
	CHECK(collate("\xc3\xa9tude", "exploitation", "fr") < 0);
	CHECK(collate("cote", "c\xc3\xb4te", "fr") < 0);
	CHECK(collate("Union", "union", "en") > 0);
	CHECK(collate("\xc3\xa4", "z", "de") < 0);
	CHECK(collate("\xc3\xa4", "z", "sv") > 0);
	CHECK(collate("abc", "abc", "fr") == 0);
	s = uni_sort_key("", 0, "fr");
	CHECK(s != NULL);
	free(s);
	CHECK(uni_sort_key("\xff", 1, "fr") == NULL);

	/* Slugs: any script to lowercase ASCII words. */
	CHECK_OWNED(SLUG("Conseil de l\xe2\x80\x99"
	                 "Europe"),
	            "conseil-de-l-europe");
	CHECK_OWNED(SLUG("  traite des \xc3\xaatres humains "), "traite-des-etres-humains");
	CHECK_OWNED(SLUG("\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1"), "ellada");
	CHECK_OWNED(SLUG("!!!"), "");
	CHECK_OWNED(SLUG("Stra\xc3\x9f"
	                 "e 12"),
	            "strasse-12");
	/* Only LEN bytes count. */
	CHECK_OWNED(uni_slug("abc def", 3), "abc");
	CHECK(uni_slug("\xc0", 1) == NULL);
	{
		char longtext[1000];

		memset(longtext, 'a', sizeof longtext);
		s = uni_slug(longtext, sizeof longtext);
		CHECK(s && strlen(s) == UNI_SLUG_MAX);
		free(s);
		for (size_t i = 0; i < sizeof longtext; i += 2)
			longtext[i] = ' ';
		s = uni_slug(longtext, sizeof longtext);
		CHECK(s && strlen(s) < UNI_SLUG_MAX && s[strlen(s) - 1] != '-');
		free(s);
	}

	/* Direction and language names. */
	CHECK(uni_is_rtl("ar") == 1);
	CHECK(uni_is_rtl("he") == 1);
	CHECK(uni_is_rtl("fr") == 0);
	CHECK(uni_is_rtl("") == 0);
	CHECK(uni_is_rtl(NULL) == 0);
	CHECK_OWNED(uni_language_name("fr", "fr"), "Fran\xc3\xa7"
	                                           "ais");
	CHECK_OWNED(uni_language_name("en", "en"), "English");
	CHECK_OWNED(uni_language_name("nl", "nl"), "Nederlands");
	CHECK_OWNED(uni_language_name("ar", "ar"),
	            "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9");
	CHECK_OWNED(uni_language_name("nl", "en"), "Dutch");
	CHECK_OWNED(uni_language_name("", "en"), NULL);
}

/* Case folding, letters and word boundaries: what glossaries and diffs rest on. */
static void terms(void)
{
	size_t *b = NULL, n;

	CHECK_OWNED(uni_fold_case("Traite des \xc3\x8a"
	                          "tres",
	                          17),
	            "traite des \xc3\xaa"
	            "tres");
	CHECK_OWNED(uni_fold_case("STRASSE", 7), "strasse");
	CHECK_OWNED(uni_fold_case("\xff", 1), NULL);
	CHECK(uni_is_alnum('a') && uni_is_alnum(0xe9) && uni_is_alnum('7'));
	CHECK(uni_is_alnum(0x301)); /* a combining mark belongs to its letter */
	CHECK(!uni_is_alnum(' ') && !uni_is_alnum('-') && !uni_is_alnum(0x2019) &&
	      !uni_is_alnum(-1));
	n = uni_word_bounds("La traite, encore.", 18, "fr", &b);
	CHECK(n == 7); /* "La", " ", "traite", ",", " ", "encore", "." */
	CHECK(n == 7 && b[2] == 3 && b[3] == 9);
	free(b);
}

static void words(void)
{
	/* Punctuation, spaces and NBSP do not count. */
	CHECK(W("", "fr") == 0);
	CHECK(W("  ,;!  ", "fr") == 0);
	CHECK(W("Bonjour le monde", "fr") == 3);
	CHECK(W("l\xe2\x80\x99"
	        "exploitation sexuelle",
	        "fr") == 2);
	CHECK(W("28\xe2\x80\xaf"
	        "859\xc2\xa0km",
	        "fr") >= 2);
	CHECK(W("The campaign was truckvertised.", "en") == 4);
	/* Cached iterators give the same answers on the next call. */
	CHECK(W("Bonjour le monde", "fr") == 3);
}

static void sentences(void)
{
	size_t *b = NULL, n;
	const char *fr = "Au compteur\xc2\xa0: 28\xe2\x80\xaf"
	                 "859\xc2\xa0km parcourus. "
	                 "Je vois, je r\xc3\xa9"
	                 "agis\xe2\x80\xaf! Et l\xe2\x80\x99"
	                 "exploitation ?";

	n = uni_sentences(fr, strlen(fr), "fr", &b);
	CHECK(n == 3);
	CHECK(b[0] == 0 && b[n] == strlen(fr));
	CHECK(strncmp(fr + b[1], "Je vois", 7) == 0);
	free(b);
	n = uni_sentences("", 0, "fr", &b);
	CHECK(n == 0);
	free(b);
}

static void normalization(void)
{
	char *s;

	/* e + combining acute becomes é. */
	CHECK(uni_is_nfc("caf\xc3\xa9", 5) == 1);
	CHECK(uni_is_nfc("cafe\xcc\x81", 6) == 0);
	s = uni_nfc("cafe\xcc\x81", 6);
	CHECK_STR(s, "caf\xc3\xa9");
	free(s);
	CHECK(uni_nfc("caf\xe9", 4) == NULL);
	CHECK(uni_is_nfc("caf\xe9", 4) == -1);
}

static void utf8(void)
{
	const char *t = "a\xc3\xa9\xe2\x80\xaf\xff";
	size_t pos = 0, len = strlen(t);

	/* Validity: overlong, surrogate, truncated. */
	CHECK(uni_valid_utf8("abc \xc2\xa0", 6));
	CHECK(!uni_valid_utf8("\xc0\xaf", 2));
	CHECK(!uni_valid_utf8("\xed\xa0\x80", 3));
	CHECK(!uni_valid_utf8("\xe2\x80", 2));
	/* Decoding: ASCII, two and three bytes, an ill-formed byte. */
	CHECK(uni_next(t, len, &pos) == 'a' && pos == 1);
	CHECK(uni_next(t, len, &pos) == 0xe9 && pos == 3);
	CHECK(uni_next(t, len, &pos) == 0x202f && pos == 6);
	CHECK(uni_next(t, len, &pos) == -1 && pos == 7);
}

static void lowercase_words(void)
{
	/* Names, acronyms and numbers are not counted. */
	CHECK(uni_count_lowercase_words("ECPAT Belgique", 14, "fr") == 0);
	CHECK(uni_count_lowercase_words("Organisation des Nations unies (ONU) 2015", 41, "fr") ==
	      2);
	CHECK(uni_count_lowercase_words("\xc3\xa9tude et rapport", 18, "fr") == 3);
}

static void numbers(void)
{
	double v = 0;

	CHECK(uni_parse_number("28\xe2\x80\xaf"
	                       "859",
	                       8, "fr", &v) == 0 &&
	      v == 28859);
	CHECK(uni_parse_number("28\xc2\xa0"
	                       "859",
	                       7, "fr", &v) == 0 &&
	      v == 28859);
	CHECK(uni_parse_number("3,5", 3, "fr", &v) == 0 && v == 3.5);
	CHECK(uni_parse_number("28,859", 6, "en", &v) == 0 && v == 28859);
	CHECK(uni_parse_number("28.859", 6, "nl", &v) == 0 && v == 28859);
	CHECK(uni_parse_number("28.589", 6, "nl_BE", &v) == 0 && v == 28589);
	CHECK(uni_parse_number("3.5", 3, "nl", &v) == -1);
	CHECK(uni_parse_number("12abc", 5, "en", &v) == -1);
	CHECK(uni_parse_number("", 0, "en", &v) == -1);
}

static void plural_categories(void)
{
	CHECK(uni_plural_count("en") == 2);
	CHECK(uni_plural_count("fr") == 2);
	CHECK(uni_plural_count("nl_BE") == 2);
	CHECK(uni_plural_count("ru") == 3);
	CHECK(uni_plural_count("ar") == 6);
	CHECK(uni_plural_count("ja") == 1);
	CHECK(uni_plural_count("sr@latin") == 3);
	CHECK(uni_plural_count("xx") == 0);
}

static void quotation_marks(void)
{
	char q[4][8];

	CHECK(uni_quotes("fr", q) == 0);
	CHECK_STR(q[0], "\xc2\xab");
	CHECK_STR(q[1], "\xc2\xbb");
	CHECK(uni_quotes("en", q) == 0);
	CHECK_STR(q[0], "\xe2\x80\x9c");
	CHECK_STR(q[3], "\xe2\x80\x99");
}

int main(void)
{
	TEST(words, "words are counted without punctuation, spaces or no-break spaces");
	TEST(sentences, "sentence breaks follow the language's rules");
	TEST(normalization, "NFC is checked and made; invalid UTF-8 is neither");
	TEST(utf8, "UTF-8 validity and decoding, an ill-formed byte included");
	TEST(lowercase_words, "names, acronyms and numbers are not lowercase words");
	TEST(numbers, "numbers are read as each locale writes them, and nothing else");
	TEST(plural_categories, "CLDR's plural categories of whole numbers, by language");
	TEST(quotation_marks, "each language's quotation marks");
	TEST(site_locale_data,
	     "dates, numbers, collation, slugs, directions and language names for the site");
	TEST(terms, "case folding, letters and word boundaries for glossaries and diffs");
	uni_cleanup();
	return unit_done("test-uni");
}
