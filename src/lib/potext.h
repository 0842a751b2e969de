/*
 * potext: the PO syntax as GNU gettext 0.21 writes it, read and written
 * without libgettextpo wherever the result is provably what libgettextpo
 * gives.  catalog.c owns the PO format and decides which path a file
 * takes; this module never includes <gettext-po.h>.
 *
 * Writing (potext_render) follows gettext's write-po.c: entries in
 * gettext's order of comment kinds, "#," flags in its order, strings
 * wrapped at 79 columns where Unicode line breaking (UAX #14, with the
 * tailoring of libunistring 1.0 that gettext uses) allows a break.  The
 * classes and widths of characters come from a table of scripts
 * (potext-wrap.c); a string that needs wrapping and holds a character
 * outside it, a string with an escape gettext warns about (\a, \b, \f, \r,
 * \v), a message with a format flag (whose directives gettext keeps on one
 * line), or a string that is not UTF-8 makes potext_render decline, and
 * catalog.c has libgettextpo write that entry.
 *
 * Reading (potext_parse) accepts only files that are exactly what this
 * writer writes: every entry is read, rendered again and compared with its
 * bytes.  Anything else (a file saved by another editor, CRLF line ends,
 * other spacing, escapes gettext never writes, a duplicate, a syntax
 * error) is declined, and catalog.c has libgettextpo read the file, which
 * then reports whatever there is to report.  Declining is never an error.
 *
 * The differential tests (tests/po-diff, fuzz/fuzz-po) compare both paths
 * with libgettextpo on every catalog they are given.
 */
#ifndef TRADUKI_POTEXT_H
#define TRADUKI_POTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* A "#:" reference; LINE is POTEXT_NO_LINE when the reference has none. */
#define POTEXT_NO_LINE ((size_t)-1)

struct potext_ref {
	const char *file;
	size_t line;
};

/*
 * One entry, as libgettextpo's message_ty holds it.  Strings are UTF-8
 * (catalog.c converts other charsets first).  The msgstr is one string
 * for a singular message and the plural forms one after the other, each
 * with its NUL, for a plural one (STR_LEN counts every byte, NULs
 * included), as in gettext.  COMMENTS and EXTRACTED hold one line per
 * comment line, each ended by '\n' ("" when there is none), as
 * po_message_comments gives them.
 */
struct potext_msg {
	const char *ctxt; /* NULL: no msgctxt */
	const char *id;
	const char *id_plural; /* NULL: singular */
	const char *str;
	const char *comments;
	const char *extracted;
	const char *prev_ctxt, *prev_id, *prev_id_plural; /* "#|", or NULL */
	struct potext_ref *refs;
	size_t nrefs;
	size_t str_len;
	/* Format flags by their index in potext_set_formats' list: "c-format"
	 * (yes) and "no-c-format" (no). */
	uint64_t fmt_yes, fmt_no;
	int range_min, range_max; /* "range: 1..5"; -1 when none */
	int line; /* the line of the msgid keyword in the file read, or 0 */
	int str_line; /* the line of the (first) msgstr keyword, or 0 */
	unsigned fuzzy : 1;
	unsigned obsolete : 1;
	unsigned no_wrap : 1;
};

/*
 * Gives the names of gettext's format types ("c", "python", ...) in
 * gettext's order (po_format_list without "-format"), which is the order
 * of "#," flags.  Without it, or with more than 64, nothing is rendered or
 * parsed here.  NAMES must stay valid.
 */
void potext_set_formats(const char *const *names, size_t count);

/* The index of format NAME ("c" in "c-format"), or -1. */
int potext_format_index(const char *name, size_t len);

/*
 * 1 when this module writes exactly what the running libgettextpo writes:
 * its version (VERSION, libgettextpo_version) is the one whose writer
 * this module follows, and the formats are set.  Otherwise every entry is
 * declined.
 */
int potext_enable(int version);
int potext_enabled(void);

/*
 * Appends to OUT the bytes po_file_write gives for M: a blank line first
 * unless FIRST, then the entry.  An obsolete entry with an empty msgstr
 * writes nothing, as in gettext.  UTF8: the catalog's charset is UTF-8
 * (otherwise any byte above 127 declines).  Returns 0, or -1 when the
 * bytes cannot be given exactly (OUT is then as it was).
 */
int potext_render(const struct potext_msg *m, int first, int utf8, struct buf *out);

/*
 * How potext_parse hands over what it read: NEW_MSG gives the place for
 * the next entry (zeroed), in file order; CTX is passed along.
 */
struct potext_sink {
	struct potext_msg *(*new_msg)(void *ctx);
	void *ctx;
};

/*
 * What potext_parse read: the strings of every entry live in BLOCK and
 * the references in REFS, both allocated with malloc for the caller to
 * free.  UNCHECKED lists, in file order, the entries that potext_render
 * declined, so that their bytes were not compared: the caller must have
 * them written by libgettextpo and compare them with the bytes of the
 * file at [START, END) (blank line before included) before trusting the
 * parse.
 */
struct potext_parsed {
	char *block;
	struct potext_ref *refs;
	size_t count; /* entries, the header included */
	struct potext_unchecked {
		struct potext_msg *msg;
		size_t start, end;
	} * unchecked;
	size_t nunchecked;
};

/*
 * What earlier parses proved (potext_parse's MEMO): KNOWN holds NKNOWN
 * entry digests (POTEXT_ENTRY_DIGEST bytes each, in memcmp order) of
 * entries whose bytes were rendered again and found the same; an entry
 * whose bytes have one of them is not rendered again, which is most of
 * what a parse costs.  The fact holds for any file: the render of an
 * entry depends on its bytes alone, and on whether it is the header.
 * VERIFIED, when not NULL, gets the digest of every entry of this parse
 * found exact (by rendering it, or in KNOWN), in file order.
 */
#define POTEXT_ENTRY_DIGEST 16
struct potext_memo {
	const unsigned char *known;
	size_t nknown;
	struct buf *verified;
};

/*
 * Parses the LEN bytes at TEXT (valid UTF-8, declared UTF-8 by its first
 * entry, the header) into entries given by SINK.  With LEAN, references,
 * extracted comments and previous msgids are not kept (their fields are
 * empty), which a reader of translations may allow.  Returns 0 and fills
 * OUT when every entry was read and, rendered again, gives back its own
 * bytes (see UNCHECKED); -1 when the text is anything else (nothing is
 * kept; the entries given to SINK must be dropped).  MEMO may be NULL.
 */
int potext_parse(const char *text, size_t len, int lean, const struct potext_memo *memo,
                 const struct potext_sink *sink, struct potext_parsed *out);

/* Frees what potext_parse allocated in P (not the entries). */
void potext_parsed_release(struct potext_parsed *p);

/*
 * Parses a "#," line's text (after "#,") as gettext does: sets the fields
 * a flag line sets (fuzzy, the formats, range, no-wrap) after clearing
 * them all, since each flag line replaces what an earlier one said.
 * Returns 1 when the line is as gettext writes it (flags it knows, in its
 * order, ", " between them), 0 otherwise (the fields are still set).
 */
int potext_parse_flags(const char *s, size_t len, struct potext_msg *m);

/*
 * The class and width potext-wrap.c gives the character C, for the tests
 * that check the table against libgettextpo: returns 0 and sets *CLS (a
 * name such as "AL") and *WIDTH, or -1 when C is not in the table.
 */
int potext_char_info(uint32_t c, const char **cls, int *width);

#endif
