/*
 * report-html: what the status page (report-html.c) and the review pages
 * (report-review.c) share: the building of an HTML page as a libxml2
 * tree, its style, and the names of the review pages.  Internal to the
 * report module; users see report.h.
 */
#ifndef TRADUKI_REPORT_HTML_H
#define TRADUKI_REPORT_HTML_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "report.h"

/* A new child element NAME of PARENT, with TEXT (escaped when written) or none. */
xmlNodePtr report_el(xmlNodePtr parent, const char *name, const char *text);

/* Sets the attribute NAME of NODE to VALUE. */
void report_attr(xmlNodePtr node, const char *name, const char *value);

/* Appends TEXT to PARENT. */
void report_text(xmlNodePtr parent, const char *text);

/*
 * A new page: a document whose <html lang="en"> has a <head> (charset,
 * viewport, TITLE, the style, no indexing by search engines) and a
 * <body>, returned in *BODY.
 */
xmlDocPtr report_page_new(const char *title, xmlNodePtr *body);

/* The id of a message's unit on its review page: "m" and KEY in hex. */
void report_msg_anchor(uint64_t key, char *out, size_t size);

/*
 * Writes the page DOC to PATH (report_write) and frees it.  ONE_OF_MANY:
 * a review page, one of thousands the next check writes again, not
 * flushed to the disk by itself (ATOMIC_NO_SYNC, as the site's pages).
 * Returns 0 or -1.
 */
int report_page_write(xmlDocPtr doc, const char *path, int one_of_many, struct diag *d);

/*
 * A bar of C's translated, fuzzy, rejected and untranslated words, with
 * its text equivalent for screen readers.
 */
void report_bar(xmlNodePtr parent, const struct check_counts *c);

/*
 * Appends the message TEXT (msgid syntax) to PARENT as a translator sees
 * it: text as text, every tag ("<em>", "</em>", "<_:em-1/>") set apart
 * as a tag.
 */
void report_message(xmlNodePtr parent, const char *text);

/*
 * The folder of the review pages of R's language number I, relative to
 * the status page: "nl" ("nl-2" for a second catalog of Dutch); NULL
 * when the language's name is not fit for a folder.
 */
char *report_review_dir(const struct check_report *r, size_t i);

/*
 * The review pages' names of the source files of L, in their order,
 * "slug.html", unique in L: an array of l->file_count strings (NULL
 * where a file gets none), freed with report_review_names_free.
 */
char **report_review_names(const struct check_lang *l);
void report_review_names_free(char **names, size_t count);

/*
 * The address of the page of F in L's language, from O->page_link with
 * "{lang}" and "{id}" replaced, into OUT; UP is prepended to a relative
 * one ("../" from a review page).  Returns 0, or -1 when there is none
 * (no page_link, F is no article, or its id is not fit for an address).
 */
int report_page_address(const struct report_options *o, const struct check_lang *l,
                        const struct check_file *f, const char *up, struct buf *out);

#endif
