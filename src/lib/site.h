/*
 * site: the multilingual website, from localized XML through XSLT.
 *
 * The input is what the localized-XML stage writes (doc/site.md gives the
 * contract in full), for the source language and every other language LL:
 *
 *   XML_DIR/LL/manifest.xml  every article with its state in LL
 *                            (content/manifest.rng): coverage, fuzzy and
 *                            fallback segments, published or not
 *   XML_DIR/LL/site.xml      the site chrome (content/site.xml) in LL
 *   XML_DIR/LL/SLUG.xml      the article in LL; only published ones are read
 *
 * The look and the shape of the site are the templates' alone.  site_build
 * gathers the data above into one "model" document; the template site.xsl
 * turns the model into the plan, the list of files to write, each with the
 * template that writes it and its parameters; then every page of the plan
 * is transformed and written.  Templates reach ICU through the functions
 * of xsltext.h, and the model and the site's files through four more in
 * the same namespace (sitemodel.h, site-xslt.c):
 *
 *   t:model()        the model's root element
 *   t:versions(ID)   the manifest entries of article ID in every language,
 *                    in language order (the source first)
 *   t:in-site(PATH)  whether PATH is a file of the site
 *   t:picture-versions(PATH)
 *                    the static picture PATH and its smaller versions
 *                    (thumbs/x-400.jpg for images/x.jpg), with their
 *                    sizes in pixels (picture.h), narrowest first
 *
 * Each published entry of the model carries the article's title, summary,
 * tags and the first <image> of its figures, for the lists of articles.
 *
 * Every file is written atomically, and only when its contents change, so
 * that a second build of the same input touches no file.  Files are not
 * flushed to the disk one by one (ATOMIC_NO_SYNC): a page lost to a power
 * failure is written again by the next build, which finds it different.
 *
 * The files that a build wrote are listed in OUT_DIR/.traduki-files, each
 * with a digest of its inputs (site-digest.c): a page whose inputs have
 * not changed since the previous build is not even transformed again, and
 * the next build removes the files that its plan no longer has (an
 * article unpublished in a language).  sitestate.h keeps that list.
 */
#ifndef TRADUKI_SITE_H
#define TRADUKI_SITE_H

#include <stddef.h>

#include "diag.h"

struct site_options {
	/* The source site description (content/site.xml): source language, base URL. */
	const char *site_file;
	/* The localized XML, one folder per language (see above). */
	const char *xml_dir;
	/* The templates: site.xsl, the page templates, static files. */
	const char *templates_dir;
	/* Where the site is written; created if missing. */
	const char *out_dir;
	/*
	 * The languages besides the source, in the order the language
	 * switcher shows them; NULL for every folder of XML_DIR that has a
	 * manifest.xml, in alphabetical order.
	 */
	const char *const *languages;
	size_t language_count;
	/*
	 * Folders copied into the site under their own name, with what is
	 * below them (content/images → OUT_DIR/images/...); none when 0.
	 */
	const char *const *static_dirs;
	size_t static_count;
	/*
	 * Names the program that builds the site (its version and what it
	 * was built from, digest_program): a page is made again when it
	 * changes.  May be NULL.
	 */
	const char *build_id;
	/*
	 * A file (cache.h) that keeps, from one build to the next, what the
	 * model takes of each article and the plan, so that a build reads
	 * again only the articles that changed; NULL: none.
	 */
	const char *cache;
	/*
	 * Processes that make the pages, once the model and the plan are
	 * in memory (fork): 1 (or a few pages) one, 0 one per processor.
	 */
	size_t jobs;
	/* Called as files of the site are made or found unchanged, when not NULL. */
	void (*progress)(void *data, size_t done, size_t total);
	void *progress_data;
};

struct site_stats {
	size_t languages; /* the source language included */
	size_t articles; /* article pages, all languages */
	size_t files; /* files in the plan, pages and copies */
	size_t written; /* files written because they were new or changed */
	size_t removed; /* files of the previous build no longer in the plan */
};

/*
 * Builds the site described by OPTS.  Returns 0, or -1 after reporting
 * every problem to D (unreadable or inconsistent input, a template error);
 * files already written stay, each whole.  STATS, when not NULL, is filled
 * in either case.
 */
int site_build(const struct site_options *opts, struct site_stats *stats, struct diag *d);

#endif
