/*
 * glossary: a team's terminology, from a TBX file (ISO 30042, TermBase
 * eXchange, the format CAT tools exchange glossaries in: Lokalize,
 * Weblate, Trados, memoQ...).
 *
 * One file holds every language: a concept entry (TBX 2008 <termEntry>,
 * TBX 2019 <conceptEntry>) has one language section per language
 * (<langSet>, <langSec> with xml:lang), each with its terms (<tig>,
 * <ntig> or <termSec>, holding <term>).  A term whose administrative
 * status (<termNote type="administrativeStatus">) is deprecated or
 * superseded is a translation to avoid.  Everything else in the file
 * (definitions, notes, the header) is left to the people who read it.
 *
 * Terms are matched in a text as whole words: "traite des êtres humains"
 * is in "la traite des êtres humains," and not in "retraite".  Runs of
 * spaces (no-break ones included) count as one space and ’ as ', so that
 * typography does not hide a term.  A term written in lowercase matches
 * whatever the case ("Traite des êtres humains" at the start of a
 * sentence); one with a capital matches only as written ("ECPAT
 * Belgique", "Code de conduite").
 *
 * A struct glossary owns everything in it.
 */
#ifndef TRADUKI_GLOSSARY_H
#define TRADUKI_GLOSSARY_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct glossary_term {
	char *lang; /* as in the file: "fr", "nl-BE" */
	char *text; /* as in the file, spaces collapsed */
	int deprecated; /* a translation to avoid */
	char *match; /* the text to look for (glossary_prepare) */
	int any_case; /* written in lowercase: matched in folded text */
};

struct glossary_entry {
	char *id; /* the entry's id, or NULL */
	long line; /* where it begins in the file */
	struct glossary_term *terms;
	size_t term_count;
};

struct glossary {
	char *path;
	struct glossary_entry *entries;
	size_t entry_count;
};

/*
 * Reads the TBX file at PATH.  Returns NULL after reporting to D when it
 * cannot be read, is not well-formed or is not TBX; a concept entry
 * without a term is reported as a warning and left out.
 */
struct glossary *glossary_load(const char *path, struct diag *d);

void glossary_free(struct glossary *g);

/* 1 when the term T is of language LANG ("nl" is "nl-BE"'s, and "nl_BE"'s). */
int glossary_term_of(const struct glossary_term *t, const char *lang);

/*
 * A text prepared for glossary_has: PLAIN receives TEXT with its spaces
 * and apostrophes made plain, FOLDED the same case-folded.
 */
void glossary_prepare(const char *text, struct buf *plain, struct buf *folded);

/* 1 when the prepared text (PLAIN, FOLDED) has the term T as whole words. */
int glossary_has(const struct glossary_term *t, const char *plain, const char *folded);

#endif
