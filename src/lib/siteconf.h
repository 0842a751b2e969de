/*
 * siteconf: the site's metadata from content/site.xml (schema
 * content/site.rng) that tools other than the site build need: the source
 * language, and the languages with their publish thresholds.
 *
 * A language of po/LINGUAS that content/site.xml does not list is in
 * preparation: its catalog is kept and checked, but the site does not
 * offer it and the gate does not judge it (doc/translators.md, "Start a
 * new language").
 *
 * A struct siteconf owns everything in it; free it with siteconf_free.
 */
#ifndef TRADUKI_SITECONF_H
#define TRADUKI_SITECONF_H

#include <stddef.h>

#include "diag.h"

struct siteconf_language {
	char *code; /* "nl" */
	double threshold; /* percent of source words translated to publish */
};

/* How far below its threshold an article with outdated passages stays published. */
#define SITECONF_KEEP_MARGIN 20.0

struct siteconf {
	char *source; /* the source language ("fr") */
	double default_threshold; /* for languages without their own; 0 if not given */
	double keep_margin; /* keep-margin, else SITECONF_KEEP_MARGIN */
	struct siteconf_language *languages;
	size_t language_count;
};

/*
 * Reads the site file at PATH.  Returns NULL after reporting to D when it
 * cannot be read, is not well-formed, or lacks a <languages> element with
 * a source language; thresholds that are not numbers from 0 to 100 are
 * reported and the file is rejected too.  (Full validation is
 * "traduki validate --schema=content/site.rng".)
 */
struct siteconf *siteconf_load(const char *path, struct diag *d);

void siteconf_free(struct siteconf *sc);

/*
 * The publish threshold of language LANG: its own, else that of its base
 * language ("nl" for "nl_BE"), else the default threshold.
 */
double siteconf_threshold(const struct siteconf *sc, const char *lang);

/*
 * 1 when LANG (or its base language) is listed among the site's languages
 * or is its source language; 0 when it is in preparation.
 */
int siteconf_listed(const struct siteconf *sc, const char *lang);

#endif
