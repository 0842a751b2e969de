/*
 * lang: which languages a catalog is in.  See lang.h.
 */
#include <config.h>

#include "lang.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "mem.h"

char *lang_of_catalog(const struct catalog *cat, const char *field, const char *fallback)
{
	char *lang = catalog_header_field(cat, field);

	if (lang && *lang)
		return lang;
	free(lang);
	return fallback ? xstrdup(fallback) : NULL;
}

char *lang_source_of(const struct catalog *cat, const char *site_source)
{
	return lang_of_catalog(cat, "X-Source-Language",
	                       site_source ? site_source : LANG_SOURCE_DEFAULT);
}

char *lang_target_of(const struct catalog *cat)
{
	char *lang = lang_of_catalog(cat, "Language", NULL);
	const char *name, *slash, *dot;

	if (lang)
		return lang;
	name = catalog_name(cat);
	slash = strrchr(name, '/');
	name = slash ? slash + 1 : name;
	dot = strrchr(name, '.');
	return xstrndup(name, dot ? (size_t)(dot - name) : strlen(name));
}
