/*
 * A minimal unit-test harness for the engine's modules.
 *
 * A test file is a list of named cases: each case is a function, run
 * from main() by TEST(fn, "what it checks"), so that a failure names the
 * case as well as the line.  CHECK(cond) records a failure and goes on, so
 * one run shows every broken expectation; unit_done() returns the exit
 * status the Automake harness expects (0 pass, 1 fail).
 */
#ifndef TRADUKI_UNIT_H
#define TRADUKI_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failures;
static int unit_checks;
static const char *unit_case = "main";

/* Runs the case FN under the name WHAT; a failure inside it cites WHAT. */
#define TEST(fn, what)              \
	do {                        \
		unit_case = (what); \
		fn();               \
		unit_case = "main"; \
	} while (0)

#define CHECK(cond)                                                                          \
	do {                                                                                 \
		unit_checks++;                                                               \
		if (!(cond)) {                                                               \
			unit_failures++;                                                     \
			fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, \
			        unit_case, #cond);                                           \
		}                                                                            \
	} while (0)

#define CHECK_STR(actual, expected)                                                           \
	do {                                                                                  \
		const char *unit_a_ = (actual), *unit_e_ = (expected);                        \
		unit_checks++;                                                                \
		if (!unit_a_ || strcmp(unit_a_, unit_e_) != 0) {                              \
			unit_failures++;                                                      \
			fprintf(stderr, "%s:%d: %s: got \"%s\", expected \"%s\"\n", __FILE__, \
			        __LINE__, unit_case, unit_a_ ? unit_a_ : "(null)", unit_e_);  \
		}                                                                             \
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
