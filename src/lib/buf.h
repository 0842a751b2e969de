/*
 * buf: a growable byte string, always NUL-terminated.
 *
 * A struct buf owns its bytes; buf_release frees them and leaves an empty
 * buffer, buf_detach hands them to the caller (free them with free()).
 * Initialise with BUF_INIT or buf_init.
 */
#ifndef TRADUKI_BUF_H
#define TRADUKI_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data; /* never NULL once anything was added; see buf_str */
	size_t len;
	size_t alloc;
};

#define BUF_INIT           \
	{                  \
		NULL, 0, 0 \
	}

void buf_init(struct buf *b);
void buf_release(struct buf *b);
char *buf_detach(struct buf *b);

/* Makes room for N more bytes. */
void buf_grow(struct buf *b, size_t n);
void buf_add(struct buf *b, const char *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void buf_truncate(struct buf *b, size_t len);

/* The contents as a C string ("" for an empty buffer, never NULL). */
const char *buf_str(const struct buf *b);

#endif
