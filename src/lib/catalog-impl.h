/*
 * catalog: what catalog.c (the PO format, through potext and
 * libgettextpo) and catalog-msg.c (the messages and their storage) share.
 * Private to those two files.
 */
#ifndef TRADUKI_CATALOG_IMPL_H
#define TRADUKI_CATALOG_IMPL_H

#include <stddef.h>
#include <stdint.h>

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
 * Scans the lines of a PO file for "msgid " and "#~ msgid " keywords (no
 * continuation line can start with them), the "msgstr" keywords after
 * them and the "#," flag lines before, the last of which counts, as in
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

#endif
