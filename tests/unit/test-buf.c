/* Unit tests for buf: growth, formatting, detaching. */
#include <config.h>

#include <stdlib.h>

#include "lib/buf.h"
#include "unit.h"

int main(void)
{
	struct buf b = BUF_INIT;
	char *s;
	int i;

	CHECK_STR(buf_str(&b), "");
	buf_adds(&b, "segment");
	buf_addc(&b, ' ');
	buf_addf(&b, "%d-%s", 42, "placeholder");
	CHECK_STR(buf_str(&b), "segment 42-placeholder");
	CHECK(b.len == 22);

	/* Growth well past the first allocation, with a long formatted piece. */
	for (i = 0; i < 1000; i++)
		buf_addf(&b, "%0200d", i);
	CHECK(b.len == 22 + 1000 * 200);
	CHECK(b.data[b.len] == '\0');

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

	buf_add(&b, "a\0b", 3); /* embedded NUL bytes are kept */
	CHECK(b.len == 3 && b.data[2] == 'b');
	buf_release(&b);
	CHECK(b.data == NULL);
	return unit_done("test-buf");
}
