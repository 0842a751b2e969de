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

static inline int unit_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, unit_checks, unit_failures);
	return unit_failures ? 1 : 0;
}

#endif
