/* Unit tests for buf: growth, formatting, detaching. */
#include <config.h>

#include <stdlib.h>

#include "lib/buf.h"
#include "unit.h"

static void add_and_format(void)
{
	struct buf b = BUF_INIT;

	CHECK_STR(buf_str(&b), "");
	buf_adds(&b, "segment");
	buf_addc(&b, ' ');
	buf_addf(&b, "%d-%s", 42, "placeholder");
	CHECK_STR(buf_str(&b), "segment 42-placeholder");
	CHECK(b.len == 22);
	buf_release(&b);
}

static void growth(void)
{
	struct buf b = BUF_INIT;
	int i;

	buf_adds(&b, "segment 42-placeholder");
	/* Growth well past the first allocation, with a long formatted piece. */
	for (i = 0; i < 1000; i++)
		buf_addf(&b, "%0200d", i);
	CHECK(b.len == 22 + 1000 * 200);
	CHECK(b.data[b.len] == '\0');
	buf_release(&b);
}

static void truncate_and_detach(void)
{
	struct buf b = BUF_INIT;
	char *s;

	buf_adds(&b, "segment 42-placeholder");
	buf_truncate(&b, 7);
	CHECK_STR(buf_str(&b), "segment");
	buf_truncate(&b, 100); /* longer than the contents: no change */
	CHECK_STR(buf_str(&b), "segment");

	s = buf_detach(&b);
	CHECK_STR(s, "segment");
	CHECK(b.data == NULL && b.len == 0);
	free(s);

	s = buf_detach(&b); /* an empty buffer detaches as "" */
	CHECK_STR(s, "");
	free(s);
}

static void embedded_nul(void)
{
	struct buf b = BUF_INIT;

	buf_add(&b, "a\0b", 3); /* embedded NUL bytes are kept */
	CHECK(b.len == 3 && b.data[2] == 'b');
	buf_release(&b);
	CHECK(b.data == NULL);
}

int main(void)
{
	TEST(add_and_format, "text, characters and formatted pieces are appended in order");
	TEST(growth, "a buffer grows far past its first allocation and stays NUL-terminated");
	TEST(truncate_and_detach,
	     "truncating never lengthens; a detached buffer is the caller's, an empty one \"\"");
	TEST(embedded_nul, "bytes are kept as given, NUL included; release empties");
	return unit_done("test-buf");
}
