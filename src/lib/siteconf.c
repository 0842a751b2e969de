/*
 * siteconf: reading content/site.xml.  See siteconf.h.
 */
#include <config.h>

#include "siteconf.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "mem.h"
#include "xmldoc.h"

static xmlNodePtr child_element(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n;

	for (n = parent ? parent->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name))
			return n;
	return NULL;
}

/* The attribute NAME of NODE, freshly allocated with malloc, or NULL. */
static char *attribute(xmlNodePtr node, const char *name)
{
	xmlChar *value = xmlGetNoNsProp(node, BAD_CAST name);
	char *copy;

	if (!value)
		return NULL;
	copy = xstrdup((const char *)value);
	xmlFree(value);
	return copy;
}

/* Reads the percent in attribute NAME of NODE into *OUT; -1 if malformed. */
static int percent_attribute(xmlNodePtr node, const char *name, double *out, const char *path,
                             struct diag *d)
{
	char *value = attribute(node, name), *end;
	double v;

	if (!value)
		return 0;
	v = strtod(value, &end);
	if (end == value || *end != '\0' || !(v >= 0 && v <= 100)) {
		diag_report(d, DIAG_ERROR, path, xmlGetLineNo(node), 0,
		            "%s=\"%s\" is not a percentage from 0 to 100", name, value);
		free(value);
		return -1;
	}
	*out = v;
	free(value);
	return 0;
}

struct siteconf *siteconf_load(const char *path, struct diag *d)
{
	xmlDocPtr doc = xmldoc_read_file(path, d);
	xmlNodePtr languages, n;
	struct siteconf *sc;
	size_t alloc = 0;
	int bad = 0;

	if (!doc)
		return NULL;
	languages = child_element(xmlDocGetRootElement(doc), "languages");
	sc = xcalloc(1, sizeof *sc);
	sc->source = languages ? attribute(languages, "source") : NULL;
	if (!sc->source) {
		diag_report(d, DIAG_ERROR, path, 0, 0,
		            "no <languages source=\"...\"> element: not a site file");
		bad = 1;
	} else {
		bad |= percent_attribute(languages, "default-threshold", &sc->default_threshold,
		                         path, d);
		sc->keep_margin = SITECONF_KEEP_MARGIN;
		bad |= percent_attribute(languages, "keep-margin", &sc->keep_margin, path, d);
	}
	for (n = languages ? languages->children : NULL; n && !bad; n = n->next) {
		struct siteconf_language *lang;

		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "language"))
			continue;
		xgrow((void **)&sc->languages, &alloc, sc->language_count + 1,
		      sizeof *sc->languages);
		lang = &sc->languages[sc->language_count];
		lang->code = attribute(n, "code");
		lang->threshold = sc->default_threshold;
		if (!lang->code) {
			diag_report(d, DIAG_ERROR, path, xmlGetLineNo(n), 0,
			            "<language> without a code");
			bad = 1;
			break;
		}
		sc->language_count++;
		bad |= percent_attribute(n, "threshold", &lang->threshold, path, d);
	}
	xmlFreeDoc(doc);
	if (bad) {
		siteconf_free(sc);
		return NULL;
	}
	return sc;
}

void siteconf_free(struct siteconf *sc)
{
	size_t i;

	if (!sc)
		return;
	for (i = 0; i < sc->language_count; i++)
		free(sc->languages[i].code);
	free(sc->languages);
	free(sc->source);
	free(sc);
}

/* LANG's entry, else its base language's ("nl" for "nl_BE"), else NULL. */
static const struct siteconf_language *find_language(const struct siteconf *sc, const char *lang)
{
	size_t base = strcspn(lang, "_-@.");
	size_t i;

	for (i = 0; i < sc->language_count; i++)
		if (strcmp(sc->languages[i].code, lang) == 0)
			return &sc->languages[i];
	for (i = 0; i < sc->language_count; i++)
		if (strlen(sc->languages[i].code) == base &&
		    strncmp(sc->languages[i].code, lang, base) == 0)
			return &sc->languages[i];
	return NULL;
}

double siteconf_threshold(const struct siteconf *sc, const char *lang)
{
	const struct siteconf_language *l = find_language(sc, lang);

	return l ? l->threshold : sc->default_threshold;
}

int siteconf_listed(const struct siteconf *sc, const char *lang)
{
	return find_language(sc, lang) != NULL || strcmp(lang, sc->source) == 0;
}
