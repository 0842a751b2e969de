/*
 * A minimal unit-test harness for the engine's modules.
 *
 * CHECK(cond) records a failure with its line and goes on, so one run
 * shows every broken expectation; unit_done() returns the exit status the
 * Automake harness expects (0 pass, 1 fail).
 */
#ifndef TRADUKI_UNIT_H
#define TRADUKI_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failures;
static int unit_checks;

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		unit_checks++;                                                                   \
		if (!(cond)) {                                                                   \
			unit_failures++;                                                         \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                                \
	} while (0)

#define CHECK_STR(actual, expected)                                                       \
	do {                                                                              \
		const char *unit_a_ = (actual), *unit_e_ = (expected);                    \
		unit_checks++;                                                            \
		if (!unit_a_ || strcmp(unit_a_, unit_e_) != 0) {                          \
			unit_failures++;                                                  \
			fprintf(stderr, "%s:%d: got \"%s\", expected \"%s\"\n", __FILE__, \
			        __LINE__, unit_a_ ? unit_a_ : "(null)", unit_e_);         \
		}                                                                         \
	} while (0)

/* The contents of the file at PATH, NUL-terminated (free it), or NULL. */
static inline char *unit_slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, n;
	char chunk[256];

	if (!fp)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		char *grown = realloc(data, len + n + 1);

		if (!grown)
			break;
		data = grown;
		memcpy(data + len, chunk, n);
		len += n;
	}
	fclose(fp);
	if (!data)
		data = calloc(1, 1);
	else
		data[len] = '\0';
	return data;
}

static inline int unit_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, unit_checks, unit_failures);
	return unit_failures ? 1 : 0;
}

#endif
