/*
 * file: reading input files, whole and within a bound.
 *
 * Every file traduki reads (documents, rules, schemas, catalogs,
 * templates, the files a '#:' reference names, static files of the site,
 * lists of documents) is read here.  Only a regular file is read: a
 * device (/dev/zero, /dev/random), a named pipe, a socket or a folder is
 * refused with an error that names it, since reading one may never end
 * or may wait forever for a writer.  Every read has a bound: a file
 * larger than LIMIT is refused before it is read, and standard input
 * ("-", which may be a pipe) is read no further than LIMIT.
 */
#ifndef TRADUKI_FILE_H
#define TRADUKI_FILE_H

#include <stddef.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"

/* The most an XML document (a source, rules, a schema, localized XML) may hold. */
#define FILE_MAX_DOCUMENT ((size_t)256 << 20)
/* The most a PO catalog or template, or a file copied into the site, may hold. */
#define FILE_MAX_CATALOG ((size_t)1 << 30)

/*
 * Appends the whole file at PATH ("-": standard input) to OUT.  Returns 0,
 * or -1 after reporting to D (which may count only) why it was not read:
 * it cannot be opened, it is not a regular file, it holds more than LIMIT
 * bytes, or reading failed.  OUT then holds what was appended so far.
 */
int file_read(const char *path, size_t limit, struct buf *out, struct diag *d);

/*
 * Appends to OUT what the open descriptor FD holds from where it stands
 * to its end (a file libgettextpo wrote, a pipe), NAME being what
 * diagnostics call it.  Returns 0, or -1 after reporting to D that
 * reading failed or found more than LIMIT bytes; OUT then holds what was
 * appended so far.  FD is left open.
 */
int file_read_fd(int fd, size_t limit, struct buf *out, const char *name, struct diag *d);

/*
 * Opens the regular file at PATH for reading and fills ST.  Returns the
 * descriptor (close-on-exec), or -1 with errno set: EINVAL when PATH is
 * no regular file.  Opening never blocks, not even on a named pipe.
 */
int file_open(const char *path, struct stat *st);

/* FLAGS of file_make_folders. */
enum {
	FILE_FOLDER_ITSELF = 1, /* make PATH itself too, not only the folders above it */
	FILE_FOLDER_CHECK = 2, /* make nothing: only tell whether they all exist */
};

/*
 * Makes the folders above PATH, as "mkdir -p" would (and PATH itself with
 * FILE_FOLDER_ITSELF): a folder the user names may be a symbolic link to
 * a folder.  A part that is a file, or a link to anything else, is
 * reported and left as it is.  Returns 0, or -1 after reporting to D;
 * with FILE_FOLDER_CHECK, -1 without a report when a part is missing or
 * is no folder.
 */
int file_make_folders(const char *path, int flags, struct diag *d);

/*
 * The same for REL, a path below the folder BASE, which is made first as
 * file_make_folders makes it (BASE is the user's to name, and may be a
 * link).  Below BASE, the folders are traduki's own: an existing part that
 * is not a folder (a file, or a symbolic link, even one to a folder) is
 * never written through, so that nothing put in the output folder can
 * redirect a write outside it.  With FILE_FOLDER_CHECK, BASE is not made.
 */
int file_make_folders_below(const char *base, const char *rel, int flags, struct diag *d);

/*
 * The names in the folder DIR but those that start with '.', sorted byte
 * by byte (the same order in every locale).  Returns their number and
 * sets *NAMES to an array to free with file_names_free, or returns -1
 * after reporting to D that the folder cannot be read.
 */
long file_names(const char *dir, char ***names, struct diag *d);
void file_names_free(char **names, long count);

/* What ST is, for messages: "a folder", "a named pipe", "a character device"... */
const char *file_kind(const struct stat *st);

#endif
