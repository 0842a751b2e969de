/*
 * catalog: what the files of the catalog module share: catalog.c (the PO
 * format, through potext and libgettextpo), catalog-msg.c (the messages
 * and their storage), catalog-text.c (what needs no parser),
 * catalog-strings.c (the strings screened before parsing) and
 * catalog-compare.c (the differential test).  Private to them.
 */
#ifndef TRADUKI_CATALOG_IMPL_H
#define TRADUKI_CATALOG_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <gettext-po.h>

#include "buf.h"
#include "diag.h"

#include "catalog.h"
#include "potext.h"

struct catalog_msg {
	struct potext_msg pm;
	struct catalog *cat; /* the catalog that holds it */
	size_t refs_alloc; /* 0: PM.refs belongs to the block read */
	int rejected; /* its translation was refused when read (catalog_msg_rejected) */
};

/* Strings read from a file, shared by the catalogs that use them. */
struct block {
	char *data;
	size_t size;
	struct potext_ref *refs;
	int users;
};

/* Storage for strings given to setters, freed with the catalog. */
struct chunk {
	struct chunk *next;
	size_t used, size;
	char data[];
};

/* Message structures, allocated by the thousand so that they never move. */
#define SLAB_MSGS 1024
struct slab {
	struct slab *next;
	size_t used;
	struct catalog_msg msgs[SLAB_MSGS];
};

struct catalog {
	char *name;
	struct catalog_msg *header; /* msgid "" without msgctxt; NULL: none */
	size_t header_pos; /* messages before the header in the file */
	long header_line;
	struct catalog_msg **msgs;
	size_t count, alloc;
	struct slab *slabs;
	struct chunk *chunks;
	struct block *block; /* what was read */
	struct block **shared; /* other catalogs' blocks, see catalog_share */
	size_t nshared;
	const char **files; /* reference file names, interned */
	size_t files_mask, nfiles;
	char *charset; /* the file's charset when not UTF-8 (held as UTF-8), or NULL */
	int crlf; /* the file read had CRLF line endings */
};

/* A catalog without messages or header, named NAME. */
struct catalog *catalog_alloc(const char *name);

/* A new message of CAT, empty (msgid "", msgstr ""), not yet listed. */
struct catalog_msg *catalog_new_msg(struct catalog *cat);

/* Lists M last among CAT's messages. */
void catalog_add_msg(struct catalog *cat, struct catalog_msg *m);

/* A block of read strings (DATA, SIZE bytes) and references (REFS), both
 * from malloc, freed when the last catalog using them is. */
struct block *catalog_block_new(char *data, size_t size, struct potext_ref *refs);

/* What a scan of the lines says of an entry that libgettextpo cannot. */
struct entry_pos {
	long line; /* of the msgid keyword */
	long str_line; /* of the (first) msgstr keyword */
	int has_flags; /* a "#," line came before */
	int no_wrap;
	uint64_t fmt_no; /* "no-...-format" flags */
};

/*
 * Scans a PO file for its "msgid" keywords (of obsolete entries too), read
 * as tokens the way gettext's lexer reads them (after spaces or tabs, or
 * after a string on the same line), the "msgstr" keywords after them and
 * the "#," flag lines before, the last of which counts, as in
 * gettext.  This reads positions and flags, not contents: libgettextpo
 * parses the file.  Returns the entries found (COUNT), to free.
 */
struct entry_pos *catalog_scan_entries(const char *text, size_t len, size_t *count);

/* 1 when TEXT may be read byte by byte: valid UTF-8 (in which no
 * character holds a byte that PO syntax gives a meaning to) and declared
 * so, or plain ASCII. */
int catalog_reads_as_bytes(const char *text, size_t len);

/* The lines of TEXT but the "#:" references, "#." extracted comments and
 * "#|" previous msgids, into OUT: what a reader of translations needs. */
void catalog_strip_comments(const char *text, size_t len, struct buf *out);

/* Charsets that need no conversion: UTF-8, ASCII, and POT's placeholder. */
int catalog_is_utf8_name(const char *cs);

/* The charset named in the header entry of the PO text: sets *AT and *N
 * to the name in TEXT and returns 1, or returns 0 (a scan, not a parse). */
int catalog_find_charset(const char *text, size_t len, const char **at, size_t *n);

/* The line (1-based) of byte OFFSET in TEXT. */
long catalog_line_at(const char *text, size_t offset);

/* Converts LEN bytes at TEXT from charset FROM to TO into OUT.  Returns
 * 0, or -1 after reporting (as NAME) what could not be converted. */
int catalog_convert(const char *text, size_t len, const char *from, const char *to, struct buf *out,
                    const char *name, struct diag *d);

/* In TEXT, the header's charset becomes CHARSET.  0, or -1 if none found. */
int catalog_set_charset(struct buf *text, const char *charset);

/* The checks of a catalog read by libgettextpo: every string valid
 * (ASCII: only ASCII), the header's charset known, TEXT ASCII.  Each
 * returns 0 or -1 after reporting; catalog_check_charset returns 1 when
 * the catalog must be ASCII. */
int catalog_check_strings(const struct catalog *cat, int ascii, struct diag *d);
int catalog_check_charset(const struct catalog *cat, struct diag *d);
int catalog_check_ascii(const char *text, size_t len, const char *name, struct diag *d);

/*
 * The first error libgettextpo found while reading a file, held rather
 * than reported: after a syntax error libgettextpo reports a cascade that
 * only confuses, and its words ("keyword "Samen" unknown") are a
 * parser's.  catalog_explain_error reports it in a translator's words.
 */
struct first_error {
	int held; /* an error is held */
	char *file;
	long line, col;
	char *text;
	unsigned long more; /* errors after it */
};

/*
 * Reports E, the first error libgettextpo found in TEXT (LEN bytes), in
 * the words of a translator who edits the file by hand, with the fix
 * where one is plain.  libgettextpo's own words are kept for the rest.
 */
void catalog_explain_error(const char *text, size_t len, const struct first_error *e,
                           struct diag *d);

/* 1 when TEXT (LEN bytes) has a line that ends in CR LF, and then its
 * copy with those CRs removed in OUT; 0 when it has none. */
int catalog_to_lf(const char *text, size_t len, struct buf *out);

/*
 * What catalog_screen_strings found in a text.  Zeroed before the call;
 * each buffer is released after.
 */
struct po_strings {
	struct buf clean; /* the text with some msgstr emptied, when EMPTIED */
	int emptied;
	size_t copied; /* how much of the text CLEAN has so far */
	struct buf rejected; /* longs: the msgid lines of translations refused */
	struct buf taken; /* struct long_string: translations to give back */
};

/*
 * Reads the strings of the PO text TEXT (LEN bytes, UTF-8) as gettext's
 * lexer would, keyword by keyword with their continuation lines, also in
 * "#~" obsolete and "#|" previous entries, in time linear in LEN.  An
 * escape that makes a NUL byte is an error and the catalog is refused;
 * but a LEAN read (for the translations, never written back) refuses
 * only that translation, and also one longer than a document may hold:
 * their msgid lines go to FOUND->rejected.  Otherwise a translation long
 * enough to slow gettext's lexer down is taken out (FOUND->taken), to be
 * given back once the text is parsed.  What is refused or taken out is
 * emptied in FOUND->clean, a copy of TEXT (with FOUND->emptied set) that
 * keeps every line in its place.  Returns 0, or -1 after reporting why
 * the catalog is refused.
 */
int catalog_screen_strings(const char *text, size_t len, const char *name, int lean,
                           struct po_strings *found, struct diag *d);

/* Gives back to the messages of CAT, read from the TEXT that
 * catalog_screen_strings screened, the translations it took out.
 * Returns 0, or -1 after reporting one whose message cannot be found
 * (it would be lost). */
int catalog_give_back(struct catalog *cat, const char *text, const struct po_strings *found,
                      struct diag *d);

/* Marks the messages whose msgid is at one of the lines of REJECTED
 * (FOUND->rejected: longs) as rejected (catalog_msg_rejected). */
void catalog_mark_rejected(struct catalog *cat, const struct buf *rejected);

/*
 * What a tool that damaged the msgids leaves: a message whose msgid is
 * empty (only the header's is, and the first one would be taken for the
 * header), and a header that holds a translation instead of "Name:
 * value" fields.  Returns 0, or -1 after reporting each one.
 */
int catalog_check_msgids(const struct catalog *cat, struct diag *d);

/* --- libgettextpo, as catalog.c drives it (for catalog-compare.c) --------------------- */

/* Tells potext libgettextpo's format types and version, once a process. */
void catalog_setup_formats(void);

/* How catalog_read_text reads: leaving out what a reader of translations
 * does not need (catalog_read_translations), and with libgettextpo even
 * where potext could read. */
enum { CATALOG_READ_LEAN = 1, CATALOG_READ_BY_GETTEXT = 2 };

/* catalog_read_memory, read HOW (CATALOG_READ_*), with CACHE as
 * catalog_read_cached (or NULL). */
struct catalog *catalog_read_text(const char *data, size_t len, const char *name, int how,
                                  struct cache *cache, struct diag *d);

/* TEXT (LEN bytes, UTF-8) read by potext alone into a catalog named NAME,
 * or NULL (nothing reported) where potext declines or would write an
 * entry otherwise than libgettextpo.  CACHE: as catalog_read_cached. */
struct catalog *catalog_fast_read(const char *text, size_t len, const char *name, int lean,
                                  struct cache *cache);

/* DATA (LEN bytes) read by libgettextpo as gettext's tools read it, its
 * errors reported to D as coming from NAME: its po_file, or NULL. */
po_file_t catalog_gp_read_memory(const char *data, size_t len, const char *name, struct diag *d);

/* Has libgettextpo write FILE into OUT (replacing what it held).  Returns
 * 0, or -1 after reporting as NAME. */
int catalog_gp_write(po_file_t file, const char *name, struct buf *out, struct diag *d);

/* The entries that potext left to libgettextpo in the last catalog_render. */
size_t catalog_render_declined(void);

#endif
