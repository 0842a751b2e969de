/*
 * catalog: PO and POT files, read and written by GNU gettext's
 * libgettextpo, so that every file is byte for byte what the gettext tools
 * write and every PO editor reads it.  This module is the only user of
 * <gettext-po.h>.
 *
 * A struct catalog owns all its messages; a struct catalog_msg pointer is
 * valid until the catalog is freed.  Strings returned by catalog_msg_*
 * getters belong to the catalog; strings passed to setters are copied.
 *
 * libgettextpo does not tell where in the file a message is, nor whether it
 * carries the no-wrap flag; catalog_read learns both from a scan of the
 * file's lines (it does not parse PO syntax: libgettextpo does).
 *
 * Not reentrant: libgettextpo reports errors through a global handler.
 */
#ifndef TRADUKI_CATALOG_H
#define TRADUKI_CATALOG_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"

struct catalog;
struct catalog_msg;

/*
 * Reads the PO or POT file at PATH ("-" for standard input).  Returns NULL
 * after reporting to D when the file cannot be read or has syntax errors
 * ("po/nl.po:12:5: error: ..."); warnings are reported and the file is
 * returned.
 */
struct catalog *catalog_read(const char *path, struct diag *d);

/*
 * catalog_read for a reader of translations, such as the build: the "#:"
 * references, "#." extracted comments and "#|" previous msgids may be
 * left out (catalog_msg_ref_count may be 0), which spares libgettextpo a
 * sixth of a typical catalog.  Everything else is as catalog_read gives
 * it, lines and diagnostics included.
 */
struct catalog *catalog_read_translations(const char *path, struct diag *d);

/* The same for the LEN bytes at DATA, reported as coming from NAME. */
struct catalog *catalog_read_memory(const char *data, size_t len, const char *name, struct diag *d);

struct cache;

/*
 * catalog_read, or with LEAN catalog_read_translations, keeping in CACHE
 * (cache.h; NULL: none) which entries of the file proved exact when read,
 * under its name: the next read of the file renders again only the
 * entries whose bytes are new to it.  The catalog is the same either way
 * (potext.h, struct potext_memo).
 */
struct catalog *catalog_read_cached(const char *path, int lean, struct cache *cache,
                                    struct diag *d);
struct catalog *catalog_read_memory_cached(const char *data, size_t len, const char *name,
                                           struct cache *cache, struct diag *d);

/* A new, empty catalog (no header).  NAME is used in diagnostics. */
struct catalog *catalog_create(const char *name);

void catalog_free(struct catalog *cat);

/*
 * Lets CAT keep, without copying, the strings of FROM that its setters
 * are given (FROM's messages as read): CAT holds on to them, so FROM may
 * be freed first.  For a catalog made from others, as a merge is.
 */
void catalog_share(struct catalog *cat, const struct catalog *from);

/*
 * 1 when the file CAT was read from ended its lines in CR LF.  It was read
 * as if they ended in LF (gettext would keep the CR in comments), and a
 * catalog is always written with LF, as gettext's tools write it.
 */
int catalog_crlf(const struct catalog *cat);

/* The path given to catalog_read, or the name given to catalog_create. */
const char *catalog_name(const struct catalog *cat);

/* The header entry's text (msgstr of msgid ""), or NULL when there is none. */
const char *catalog_header(const struct catalog *cat);

/* The line of the header's msgid in the file read, 0 if unknown or none. */
long catalog_header_line(const struct catalog *cat);

/* Sets the header text, creating the header entry (first) if needed. */
void catalog_set_header(struct catalog *cat, const char *header);

/* Marks the header entry fuzzy or not (a template's header is fuzzy). */
void catalog_set_header_fuzzy(struct catalog *cat, int fuzzy);
int catalog_header_fuzzy(const struct catalog *cat);

/*
 * The header entry's translator comments, or NULL when there is no header.
 * (libgettextpo allocates the string anew on each call and never frees it.)
 */
const char *catalog_header_comments(const struct catalog *cat);

/* Sets the header entry's translator comments, creating the header if needed. */
void catalog_set_header_comments(struct catalog *cat, const char *comments);

/* The value of a header field ("Language"), freshly allocated, or NULL. */
char *catalog_header_field(const struct catalog *cat, const char *field);

/* Sets (or adds) a header field.  Creates the header entry if needed. */
void catalog_set_header_field(struct catalog *cat, const char *field, const char *value);

/* The number of messages, the header excluded, obsolete ones included. */
size_t catalog_count(const struct catalog *cat);

/* The I-th message in file order (0 <= I < catalog_count). */
struct catalog_msg *catalog_at(const struct catalog *cat, size_t i);

/*
 * Appends a new message with MSGCTXT (may be NULL), MSGID and MSGID_PLURAL
 * (may be NULL), untranslated.  The caller keeps (msgctxt, msgid) unique.
 */
struct catalog_msg *catalog_append(struct catalog *cat, const char *msgctxt, const char *msgid,
                                   const char *msgid_plural);

/*
 * Writes CAT to PATH ("-" for standard output) atomically (see atomic.h;
 * FLAGS are atomic_open's).  Returns 0, or -1 after reporting to D.
 */
int catalog_write(struct catalog *cat, const char *path, int flags, struct diag *d);

/*
 * Puts into TEXT (replacing what it held) the bytes catalog_write would
 * write, as libgettextpo writes them; NAME is used in diagnostics.  For a
 * caller that compares before writing.  Returns 0, or -1 after reporting.
 */
int catalog_render(struct catalog *cat, const char *name, struct buf *text, struct diag *d);

/*
 * Runs libgettextpo's own checks (those of "msgfmt -c": header, plural
 * forms, format strings) and reports what they find to D, as errors with
 * the id "format", each at the line of the message it is about.  The
 * header's nplurals is read by catalog_nplurals, and each plural message
 * whose number of forms differs from it is reported at its line with
 * that number.  Returns the number of problems found.
 */
unsigned long catalog_check(struct catalog *cat, struct diag *d);

/*
 * The differential test of traduki's own reader and writer (potext.h):
 * reads DATA (LEN bytes, as coming from NAME) with libgettextpo alone, as
 * gettext's tools do, and the ways traduki does, and compares.  Returns
 * 0 when they agree: whatever potext read is what libgettextpo reads, and
 * what traduki writes of the catalog, whichever way it was read, is
 * po_file_write's bytes.  -1 otherwise, with the first difference in WHY.
 * Nothing is reported to any diag.
 */
struct catalog_comparison {
	int gettext_read; /* libgettextpo read it without an error */
	int fast_read; /* potext read it (a file gettext would write so) */
	int read_same; /* potext read nothing else than libgettextpo */
	int write_same; /* traduki wrote po_file_write's bytes */
	size_t entries; /* entries written, the header included */
	size_t gettext_entries; /* of which libgettextpo wrote (potext declined) */
	struct buf why; /* the first difference (release it) */
};

int catalog_compare(const char *data, size_t len, const char *name, struct catalog_comparison *c);

/* gettext's own limit on nplurals: more is "nonsense" to its checks. */
#define CATALOG_MAX_PLURALS 100

/*
 * The nplurals of the header's Plural-Forms, read as gettext reads it,
 * within gettext's limits: from 1 to CATALOG_MAX_PLURALS.  Returns 0 when
 * the header gives no nplurals, -1 after reporting to D (at the header's
 * line) a value that is no number or out of range.
 */
int catalog_nplurals(const struct catalog *cat, struct diag *d);

/* --- Messages -------------------------------------------------------------- */

const char *catalog_msg_ctxt(const struct catalog_msg *m); /* NULL if none */
const char *catalog_msg_id(const struct catalog_msg *m);
const char *catalog_msg_id_plural(const struct catalog_msg *m); /* NULL if none */
const char *catalog_msg_str(const struct catalog_msg *m); /* "" if untranslated */
/* The INDEX-th plural translation, or NULL past the last one. */
const char *catalog_msg_str_plural(const struct catalog_msg *m, int index);
/* The number of msgstr[] forms of a plural message, 0 for another one. */
int catalog_msg_plural_count(const struct catalog_msg *m);
const char *catalog_msg_comments(const struct catalog_msg *m); /* translator comments */
const char *catalog_msg_extracted(const struct catalog_msg *m); /* "#." comments */
const char *catalog_msg_prev_ctxt(const struct catalog_msg *m); /* "#|" msgctxt, or NULL */
const char *catalog_msg_prev_id(const struct catalog_msg *m); /* "#|" msgid, or NULL */
const char *catalog_msg_prev_id_plural(const struct catalog_msg *m);
int catalog_msg_fuzzy(const struct catalog_msg *m);
int catalog_msg_obsolete(const struct catalog_msg *m);
int catalog_msg_no_wrap(const struct catalog_msg *m);
/* The line of M's msgid in the file read, 0 if unknown (a new message). */
long catalog_msg_line(const struct catalog_msg *m);
/*
 * M's identity in its catalog (its msgctxt, or none, and its msgid) as 64
 * bits of a digest: never 0, the same in every catalog and after any
 * edit that keeps the message.  What the review pages name a message by.
 */
uint64_t catalog_msg_key(const struct catalog_msg *m);

/*
 * 1 when M's translation was refused when the catalog was read for its
 * translations (catalog_read_translations), and reported then: an escape
 * made a NUL byte in it, or it is longer than any document may hold.
 * Its msgstr reads as empty; a reader shows the source text instead.
 */
int catalog_msg_rejected(const struct catalog_msg *m);

/*
 * 1 when M is translated: not obsolete, not fuzzy, and every msgstr (each
 * plural form) non-empty.  Stricter than msgfmt --statistics, which
 * counts a plural message as translated when its first form is (as
 * check.c counts it).
 */
int catalog_msg_translated(const struct catalog_msg *m);

/* The number of "#:" references, and the I-th one's file and line (0: none). */
int catalog_msg_ref_count(const struct catalog_msg *m);
const char *catalog_msg_ref(const struct catalog_msg *m, int i, long *line);

void catalog_msg_set_str(struct catalog_msg *m, const char *msgstr);
/* MSGSTR NULL removes the INDEX-th form when it is the last one. */
void catalog_msg_set_str_plural(struct catalog_msg *m, int index, const char *msgstr);
void catalog_msg_set_comments(struct catalog_msg *m, const char *comments);
void catalog_msg_set_extracted(struct catalog_msg *m, const char *comments);
/* Adds the reference (FILE, LINE; LINE 0: none) unless M has it already,
 * as gettext does; catalog_msg_append_ref when the caller knows it has
 * not, without looking. */
void catalog_msg_add_ref(struct catalog_msg *m, const char *file, long line);
void catalog_msg_append_ref(struct catalog_msg *m, const char *file, long line);
/* Gives DST the references of SRC, after its own (without SRC's twice). */
void catalog_msg_copy_refs(struct catalog_msg *dst, const struct catalog_msg *src);
void catalog_msg_set_prev(struct catalog_msg *m, const char *msgctxt, const char *msgid,
                          const char *msgid_plural);
void catalog_msg_set_fuzzy(struct catalog_msg *m, int fuzzy);
void catalog_msg_set_obsolete(struct catalog_msg *m, int obsolete);
/* Marks M "#, no-wrap": its lines are broken only at its own newlines. */
void catalog_msg_set_no_wrap(struct catalog_msg *m, int no_wrap);

/* Copies the format flags ("c-format", "no-c-format"...) and range of SRC. */
void catalog_msg_copy_flags(struct catalog_msg *dst, const struct catalog_msg *src);

#endif
