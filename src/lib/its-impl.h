/*
 * its: what its-rules.c (reading rules) and its.c (applying them to a
 * document) share.  Private to those two files.
 *
 * A struct ruleset owns its rules, the rule files it read (kept for the
 * namespaces the rules point into), its its:param scopes and file names;
 * its_ruleset_release frees them all.
 */
#ifndef TRADUKI_ITS_IMPL_H
#define TRADUKI_ITS_IMPL_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "diag.h"
#include "its.h"
#include "xmldoc.h"

/* The its:param values declared in one its:rules element (§5.3.5). */
struct scope {
	char **names;
	char **values;
	size_t count;
};

struct rule {
	enum its_category category;
	xmlXPathCompExprPtr selector;
	/* locNotePointer, locNoteRefPointer, langPointer or idValue. */
	xmlXPathCompExprPtr pointer;
	unsigned char value; /* translate yes=1; withinText; space preserve=1; filter exclude=1 */
	unsigned char is_ref; /* locNoteRef or locNoteRefPointer */
	char *text; /* locNote or locNoteRef text; localeFilterList */
	const char *note_type; /* static "description" or "alert" */
	xmlNsPtr *ns; /* namespaces in scope on the rule element (xmlFree) */
	int ns_count;
	const struct scope *scope;
	/* A langRule whose pointer is one attribute of the element ("@lang"):
	 * its name and namespace (NULL: none), where a language is written. */
	char *lang_attr, *lang_attr_ns;
	const char *file; /* owned by the rule set's file list */
	long line;
};

/* Rules in application order, and everything they point into. */
struct ruleset {
	struct rule **rules;
	size_t count, alloc;
	xmlDocPtr *docs; /* linked or loaded rule files, kept for the namespaces */
	size_t ndocs, docs_alloc;
	struct scope **scopes;
	size_t nscopes, scopes_alloc;
	char **files;
	size_t nfiles, files_alloc;
};

struct its_rules {
	struct ruleset set;
};

/*
 * Appends to SET the rules of the its:rules element RULES of the document
 * read from FILE: first those of the file it links to (xlink:href, local
 * files only, followed a few levels deep), then its own.  Returns 0, or
 * -1 after reporting to D (a bad rule, a linked file that cannot be read);
 * the rules read before the failure stay in SET.
 */
int its_ruleset_read(struct ruleset *set, xmlNodePtr rules, const char *file, struct diag *d);
void its_ruleset_release(struct ruleset *set);

/* 1 when NODE is an element of the ITS namespace named NAME (any with NULL). */
int its_is_element(xmlNodePtr node, const char *name);

/* Each category's rule element ("translateRule") and the name the W3C
 * test suite gives it ("translate", see its_category_parse). */
struct its_category_names {
	const char *rule;
	const char *suite;
};
extern const struct its_category_names its_categories[ITS_CATEGORY_COUNT];

/* The values an ITS attribute may take, NULL-terminated, by their numbers
 * in struct rule and the values of a node. */
extern const char *const its_yes_no[];
extern const char *const its_within_values[];
extern const char *const its_space_values[];
extern const char *const its_note_types[];

/* Which of VALUES (NULL-terminated) S is: its index, or -1. */
int its_one_of(const char *s, const char *const *values);

/* Collapses XML whitespace runs of S to one space and trims the ends, in
 * place; returns S (NULL stays NULL). */
char *its_normalize_space(char *s);

/*
 * The first libxml2 error raised between its_capture_start and
 * its_capture_stop, which put back the handlers that were there before.
 */
struct its_capture {
	char message[256];
	int offset; /* in an XPath expression, or -1 */
	int seen;
	struct xmldoc_handlers saved;
};
void its_capture_start(struct its_capture *c);
void its_capture_stop(struct its_capture *c);

#endif
