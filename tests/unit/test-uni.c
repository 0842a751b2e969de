/*
 * Unit tests for uni: ICU word and sentence breaks, normalization, UTF-8.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lib/uni.h"
#include "unit.h"

#define W(s, loc) uni_count_words(s, strlen(s), loc)

int main(void)
{
	size_t *b = NULL, n;
	const char *fr = "Au compteur\xc2\xa0: 28\xe2\x80\xaf"
	                 "859\xc2\xa0km parcourus. "
	                 "Je vois, je r\xc3\xa9"
	                 "agis\xe2\x80\xaf! Et l\xe2\x80\x99"
	                 "exploitation ?";
	char *s;

	/* Words: punctuation, spaces and NBSP do not count. */
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

	/* Sentences. */
	n = uni_sentences(fr, strlen(fr), "fr", &b);
	CHECK(n == 3);
	CHECK(b[0] == 0 && b[n] == strlen(fr));
	CHECK(strncmp(fr + b[1], "Je vois", 7) == 0);
	free(b);
	n = uni_sentences("", 0, "fr", &b);
	CHECK(n == 0);
	free(b);

	/* Normalization: e + combining acute becomes é. */
	CHECK(uni_is_nfc("caf\xc3\xa9", 5) == 1);
	CHECK(uni_is_nfc("cafe\xcc\x81", 6) == 0);
	s = uni_nfc("cafe\xcc\x81", 6);
	CHECK_STR(s, "caf\xc3\xa9");
	free(s);
	CHECK(uni_nfc("caf\xe9", 4) == NULL);
	CHECK(uni_is_nfc("caf\xe9", 4) == -1);

	/* UTF-8 validity: overlong, surrogate, truncated. */
	CHECK(uni_valid_utf8("abc \xc2\xa0", 6));
	CHECK(!uni_valid_utf8("\xc0\xaf", 2));
	CHECK(!uni_valid_utf8("\xed\xa0\x80", 3));
	CHECK(!uni_valid_utf8("\xe2\x80", 2));

	/* Decoding: ASCII, two and three bytes, an ill-formed byte. */
	{
		const char *t = "a\xc3\xa9\xe2\x80\xaf\xff";
		size_t pos = 0, len = strlen(t);

		CHECK(uni_next(t, len, &pos) == 'a' && pos == 1);
		CHECK(uni_next(t, len, &pos) == 0xe9 && pos == 3);
		CHECK(uni_next(t, len, &pos) == 0x202f && pos == 6);
		CHECK(uni_next(t, len, &pos) == -1 && pos == 7);
	}

	/* Lowercase words: names, acronyms and numbers are not counted. */
	CHECK(uni_count_lowercase_words("ECPAT Belgique", 14, "fr") == 0);
	CHECK(uni_count_lowercase_words("Organisation des Nations unies (ONU) 2015", 41, "fr") ==
	      2);
	CHECK(uni_count_lowercase_words("\xc3\xa9tude et rapport", 18, "fr") == 3);

	/* Numbers as each locale writes them. */
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

	/* CLDR plural categories of whole numbers. */
	CHECK(uni_plural_count("en") == 2);
	CHECK(uni_plural_count("fr") == 2);
	CHECK(uni_plural_count("nl_BE") == 2);
	CHECK(uni_plural_count("ru") == 3);
	CHECK(uni_plural_count("ar") == 6);
	CHECK(uni_plural_count("ja") == 1);
	CHECK(uni_plural_count("sr@latin") == 3);
	CHECK(uni_plural_count("xx") == 0);

	/* Quotation marks. */
	{
		char q[4][8];

		CHECK(uni_quotes("fr", q) == 0);
		CHECK_STR(q[0], "\xc2\xab");
		CHECK_STR(q[1], "\xc2\xbb");
		CHECK(uni_quotes("en", q) == 0);
		CHECK_STR(q[0], "\xe2\x80\x9c");
		CHECK_STR(q[3], "\xe2\x80\x99");
	}

	uni_cleanup();
	return unit_done("test-uni");
}
