/*
 * check-rules: the table of quality checks that check.c runs.  Internal to
 * the check module (check.c and check-rules.c); users see check.h.
 */
#ifndef TRADUKI_CHECK_RULES_H
#define TRADUKI_CHECK_RULES_H

#include <stddef.h>

#include "catalog.h"
#include "check.h"
#include "diag.h"

struct check_rule;

/*
 * What a check looks at.  For a catalog check only the first block is set;
 * a message check sees one translation (one plural form) of one message.
 */
struct check_unit {
	const struct check_rule *rule; /* the check running, for check_unit_report */
	struct check_lang *lang; /* where problems go */
	struct catalog *cat;
	const char *source_lang; /* "fr" */
	const char *target_lang; /* "nl" */
	/* The target's quotation marks: the catalog's X-Quotes header, else
	 * CLDR's (uni_quotes).  [0] and [1] open and close, [2] and [3] a
	 * quotation within a quotation. */
	char quotes[4][8];
	int has_quotes; /* 0 when neither gives any */
	int team_quotes; /* 1 when they are the header's: no others allowed */
	const struct glossary *glossary; /* or NULL */

	const struct catalog_msg *msg;
	long line; /* of the msgid */
	const char *source_raw; /* the msgid (or msgid_plural) as in the file */
	const char *target_raw; /* the msgstr */
	const char *source; /* their text without markup (check_msg_text) */
	size_t source_len;
	const char *target;
	size_t target_len;
	/* Why the build refuses the message's (first) translation, or NULL:
	 * worked out while counting, reported by the markup check. */
	char *rejected;
};

/* Returns 1 to skip the remaining message checks for this translation. */
typedef int check_rule_fn(struct check_unit *u);

struct check_rule {
	const char *id;
	enum diag_severity severity;
	const char *summary;
	check_rule_fn *run_catalog; /* once per catalog, or NULL */
	check_rule_fn *run_message; /* once per translated message and form, or NULL */
};

extern const struct check_rule check_rules[];
extern const size_t check_rule_count;

/*
 * Reports a problem of U's current check at LINE (0: the message's line),
 * with U's message and translation when it has one.  Returns the problem,
 * valid until the next one is added.
 */
struct check_problem *check_unit_report(struct check_unit *u, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Adds a problem to L (used by check_unit_report and the format check). */
struct check_problem *check_lang_add_problem(struct check_lang *l, const char *id,
                                             enum diag_severity severity, const char *file,
                                             long line, const char *text);

/* The header that sets the quotation marks of a catalog's language. */
#define CHECK_QUOTES_HEADER "X-Quotes"

/*
 * Reads VALUE, the quotation marks a team chose ("“…” ‘…’", or the four
 * marks apart: "“ ” ‘ ’"), into QUOTES; two marks serve as both pairs.
 * Returns 0, or -1 when VALUE is not that.
 */
int check_parse_quotes(const char *value, char quotes[4][8]);

/* 1 when LANG is French or a variety of it ("fr", "fr_BE"). */
int check_lang_is_french(const char *lang);

#endif
