/*
 * lang: which languages a catalog is in.  The target language is the
 * header's Language (else the file's name, "nl" for "po/nl.po"); the
 * source language is the one the caller has from the site's metadata
 * (<languages source="...">), or the template's X-Source-Language.
 *
 * Ownership: every function returns a fresh string for the caller to free.
 */
#ifndef TRADUKI_LANG_H
#define TRADUKI_LANG_H

struct catalog;

/*
 * The source language when neither the caller nor the catalog names one:
 * the language the project's sites are written in.  Callers that know the
 * site pass its source language instead.
 */
#define LANG_SOURCE_DEFAULT "fr"

/*
 * The language header FIELD of CAT names ("Language", "X-Source-Language"),
 * or FALLBACK when the field is missing or empty; NULL when FALLBACK is
 * NULL too.
 */
char *lang_of_catalog(const struct catalog *cat, const char *field, const char *fallback);

/*
 * The language CAT's messages are translated from: its X-Source-Language,
 * else SITE_SOURCE (the site's source language, or NULL when the caller
 * has no site), else LANG_SOURCE_DEFAULT.
 */
char *lang_source_of(const struct catalog *cat, const char *site_source);

/* The language CAT is translated into: its Language, else
 * lang_of_file_name of its name. */
char *lang_target_of(const struct catalog *cat);

/* The language a catalog's file name says, its stem: "nl" for "po/nl.po"
 * (for a catalog that could not be read). */
char *lang_of_file_name(const char *path);

#endif
