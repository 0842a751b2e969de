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

	return lang ? lang : lang_of_file_name(catalog_name(cat));
}

char *lang_of_file_name(const char *path)
{
	const char *slash = strrchr(path, '/'), *dot;

	path = slash ? slash + 1 : path;
	dot = strrchr(path, '.');
	return xstrndup(path, dot && dot != path ? (size_t)(dot - path) : strlen(path));
}
