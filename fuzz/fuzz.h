/*
 * What the fuzz targets share.  Each target defines the libFuzzer entry
 * point LLVMFuzzerTestOneInput (and may define LLVMFuzzerInitialize); it
 * is linked either with libFuzzer (configure --enable-fuzzing: "make
 * fuzz") or with fuzz/driver.c, which runs it once over each file of its
 * seeds and regression cases, so that "make check" replays every input
 * that once crashed.  See doc/hardening.md.
 *
 * A target calls the engine (src/lib) directly.  The engine reports
 * through a struct diag; a fuzz target only counts, it never prints.
 * FUZZ_ASSERT aborts on a broken invariant, which libFuzzer reports as a
 * crash with the input that caused it.
 */
#ifndef TRADUKI_FUZZ_H
#define TRADUKI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_ASSERT(cond)                                                                    \
	do {                                                                                 \
		if (!(cond)) {                                                               \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, \
			        #cond);                                                      \
			abort();                                                             \
		}                                                                            \
	} while (0)

/*
 * The source tree, for the rules files the targets load once: the
 * environment's top_srcdir (as "make check" sets it), else the tree
 * configure saw.
 */
static inline const char *fuzz_srcdir(void)
{
	const char *dir = getenv("top_srcdir");

	return dir && *dir ? dir : FUZZ_SRCDIR;
}

/*
 * A handler that reads every message as a printing one would, so that the
 * formatting of diagnostics (file names, lines, texts taken from the
 * input) is exercised too; nothing is printed.
 */
static inline void fuzz_diag_handler(const struct diag_message *msg, void *data)
{
	size_t *total = data;

	*total += strlen(msg->text) + (msg->file ? strlen(msg->file) : 0) +
	          (msg->id ? strlen(msg->id) : 0) + (size_t)msg->line + (size_t)msg->column;
}

static size_t fuzz_diag_total;

static inline void fuzz_diag_init(struct diag *d)
{
	diag_init(d, fuzz_diag_handler, &fuzz_diag_total);
}

#endif
