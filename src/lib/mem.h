/*
 * mem: allocation that cannot fail.
 *
 * Running out of memory is the one condition the engine does not report
 * through diag: these functions print one line and exit with status 3
 * (internal error), as gettext's xalloc does.  Everything they return is
 * freed with free().
 */
#ifndef TRADUKI_MEM_H
#define TRADUKI_MEM_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows the array at *PTR of *ALLOC elements of SIZE bytes to hold NEED. */
void xgrow(void **ptr, size_t *alloc, size_t need, size_t size);

#endif
