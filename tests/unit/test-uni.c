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

	uni_cleanup();
	return unit_done("test-uni");
}
