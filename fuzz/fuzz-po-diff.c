/*
 * Fuzz target: traduki's own PO reader and writer (potext) against
 * libgettextpo, on any text.
 *
 * The input is the text of a PO file, read as "fuzz.po" by
 * catalog_compare: by libgettextpo alone, as gettext's tools read and
 * write it, and the ways traduki does.
 *
 * Invariant (beyond "no crash, no leak, no undefined behaviour"): potext
 * reads nothing else than what libgettextpo reads (the same messages,
 * flags, comments, previous msgids, obsolete entries and plural forms,
 * and only a file libgettextpo reads without a word and would write as
 * it is), and what traduki writes of any catalog it read is
 * po_file_write's bytes, byte for byte.  Whatever potext cannot do
 * exactly it must hand to libgettextpo; a difference aborts with it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/buf.h"
#include "lib/catalog.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog_comparison c;
	int rc = catalog_compare((const char *)data, size, "fuzz.po", &c);

	if (rc != 0)
		fprintf(stderr, "fuzz.po: %s\n", buf_str(&c.why));
	buf_release(&c.why);
	FUZZ_ASSERT(rc == 0);
	/* What potext read, libgettextpo read without an error. */
	FUZZ_ASSERT(!c.fast_read || c.gettext_read);
	return 0;
}
