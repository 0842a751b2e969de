/*
 * sitemodel: the site's model, gathered from the localized XML.
 *
 * The model is one document that the templates read (doc/site.md):
 *
 *   <model source="LL" base="URL">
 *     <language code="LL" locale="...">   the source first, then the others
 *       <site>...</site>                   the chrome (XML_DIR/LL/site.xml)
 *       <manifest lang="LL">               XML_DIR/LL/manifest.xml, whose
 *         <article id file published ...>  published entries carry the
 *           <title/> <summary/> <tags/>    article's title, summary, tags
 *           <image/>                       and first picture (sitearticle.h)
 *
 * A language the site file does not list, or with no article published,
 * is left out with a note.  Templates reach the model through two
 * functions in the namespace XSLTEXT_NS, once sitemodel_serve is called:
 *
 *   t:model()        the model's root element
 *   t:versions(ID)   the manifest entries of article ID in every language,
 *                    in language order (the source first)
 *
 * Above sitearticle.h and sitepath.h; knows nothing of the plan, the
 * pages or the output folder.
 */
#ifndef TRADUKI_SITEMODEL_H
#define TRADUKI_SITEMODEL_H

#include <stddef.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "cache.h"
#include "diag.h"

struct sitemodel_tags {
	xmlNodePtr *nodes;
	size_t count, alloc;
};

struct sitemodel {
	xmlDocPtr doc; /* the model, as above */
	char **languages; /* the codes, the source first */
	size_t language_count;
	xmlHashTablePtr versions; /* article id → xmlNodePtr[language_count], NULL for none */
	xmlHashTablePtr articles; /* "LL/FILE" of a published article → struct sitearticle */
	struct sitearticle *refs; /* the paths the pictures of the lists of articles name */
	/*
	 * The tags of published entries, as common.xsl's keys "tag" and
	 * "tag-source" find them: "LANG SLUG" → the first such tag
	 * (xmlNodePtr), "LANG SOURCE" → struct sitemodel_tags, all of them in
	 * document order.  For t:tag-source and t:tag-for.
	 */
	xmlHashTablePtr tag_first, tag_sources;
	/* "CODE SLUG" → struct sitemodel_tags of the published entries of the
	 * language CODE that have a tag SLUG, in document order (t:tagged). */
	xmlHashTablePtr tagged;
	/* The counts sitemodel_hide_counts took out, to put back. */
	struct sitemodel_hidden *hidden;
	size_t nhidden, hidden_alloc;
};

/*
 * Where a model is read from: the site's metadata, the folder of the
 * localized XML, and the languages besides the source to publish (NULL:
 * every language the folder has).  The build's own options (site.h) say
 * more; the model needs only these, and so stays below the site.
 */
struct sitemodel_input {
	const char *site_file;
	const char *xml_dir;
	const char *const *languages; /* in the order the language switcher shows them */
	size_t language_count;
};

/*
 * Loads into M the model of the site IN describes, taking what it can of each article from CACHE (may be
 * NULL).  Returns 0, or -1 after reporting every problem to D; M is to
 * release with sitemodel_release in both cases.
 */
int sitemodel_load(struct sitemodel *m, const struct sitemodel_input *in, struct cache *cache,
                   struct diag *d);

/*
 * Registers t:model() and t:versions() with libxslt for the
 * transformations that follow in this process, reading M; NULL stops
 * serving (the functions then fail).  One model is served at a time.
 */
void sitemodel_serve(const struct sitemodel *m);

/*
 * 1 when NAME is one of the counts of a manifest entry (words,
 * translated, coverage, fuzzy, fallback): article pages show them
 * (notices), lists of articles do not.
 */
int sitemodel_is_count(const xmlChar *name);

/*
 * Takes the counts of every manifest entry out of M, and puts them back
 * where they were: what site.xsl sees while the plan is made (site.c).
 */
void sitemodel_hide_counts(struct sitemodel *m);
void sitemodel_show_counts(struct sitemodel *m);

/* Frees what M holds; M is then empty. */
void sitemodel_release(struct sitemodel *m);

#endif
