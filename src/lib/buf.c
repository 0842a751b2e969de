/*
 * buf: a growable byte string.  See buf.h.
 */
#include <config.h>

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
}

void buf_release(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

char *buf_detach(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");

	buf_init(b);
	return s;
}

void buf_grow(struct buf *b, size_t n)
{
	if (b->len + n + 1 > b->alloc)
		xgrow((void **)&b->data, &b->alloc, b->len + n + 1, 1);
}

void buf_add(struct buf *b, const char *data, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	/* Called a character at a time: no more than it takes. */
	if (b->len + 2 > b->alloc)
		buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	buf_grow(b, 64);
	n = vsnprintf(b->data + b->len, b->alloc - b->len, fmt, ap);
	if (n >= 0 && (size_t)n >= b->alloc - b->len) {
		buf_grow(b, (size_t)n);
		n = vsnprintf(b->data + b->len, b->alloc - b->len, fmt, ap2);
	}
	va_end(ap2);
	if (n > 0)
		b->len += (size_t)n;
	b->data[b->len] = '\0';
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

const char *buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}
