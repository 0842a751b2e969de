/*
 * atomic: output files that are either wholly written or not at all.
 *
 * atomic_open creates a temporary file next to PATH (same folder, so
 * that rename is atomic); the caller writes to the returned stream;
 * atomic_commit flushes it to disk and renames it over PATH, or, if
 * anything failed (a full disk, a write error), removes the temporary file
 * and leaves PATH as it was.  An interrupted run leaves at most a stray
 * temporary file, never a half-written PATH.
 *
 * A file replaced keeps its permissions, and its owner and group where
 * the user may set them (as gettext's tools and editors do): a private
 * catalog stays private.  A new file gets 0666 less the umask.
 *
 * Temporary files are named PATH.tmpXXXXXX (mkstemp's six letters and
 * digits) and are locked (flock) by their writer as long as they live.
 * A signal that ends the program may have the tool call
 * atomic_remove_temporaries; a run killed outright leaves its temporary
 * files behind, and the next run that writes PATH (or finds it up to
 * date) removes those of PATH that no living process holds: atomic_sweep.
 * Nothing else is ever removed.
 *
 * With ATOMIC_KEEP_SAME, a file whose new contents equal the old is left
 * untouched (its timestamp too), so that make sees nothing changed.
 *
 * A PATH that is a symbolic link has the file it points to replaced; one
 * that is a device (/dev/null, /dev/full), a pipe or a socket is written
 * in place, with the same error checks, since it cannot be replaced.
 * With ATOMIC_NO_FOLLOW neither happens: PATH must be a regular file or
 * absent, and anything else there (a link, a device, a folder) is left
 * as it is, with an error.  For the files of a site, which stay inside
 * their output folder.
 *
 * With ATOMIC_NO_SYNC, the file is not flushed to the disk before it
 * replaces PATH: an interrupted process still leaves PATH whole, old or
 * new, but a power failure may lose the new contents.  For the thousands of
 * pages of a site, which the next build writes again, where a flush each
 * costs more than building the page.
 */
#ifndef TRADUKI_ATOMIC_H
#define TRADUKI_ATOMIC_H

#include <stdio.h>

#include "diag.h"

enum { ATOMIC_KEEP_SAME = 1 << 0, ATOMIC_NO_SYNC = 1 << 1, ATOMIC_NO_FOLLOW = 1 << 2 };

struct atomic_file {
	char *path; /* the destination, owned */
	char *tmp_path; /* the temporary file, owned; NULL once gone */
	FILE *fp;
	int flags;
};

/*
 * Opens a temporary file for PATH.  Returns the stream to write to, or
 * NULL after reporting the reason to D.  "-" means standard output, written
 * directly (there is nothing to rename); write errors on it are left for
 * the tool to detect when it closes standard output.
 */
FILE *atomic_open(struct atomic_file *af, const char *path, int flags, struct diag *d);

/*
 * atomic_open, the file given the permissions (and owner and group) of
 * the file at MODEL rather than of PATH: a backup keeps those of the file
 * it is a copy of.
 */
FILE *atomic_open_as(struct atomic_file *af, const char *path, const char *model, int flags,
                     struct diag *d);

/*
 * Finishes the file: returns 0 when PATH now holds what was written (or
 * already held it), -1 after reporting the failure to D, in which case PATH
 * is unchanged.  Releases AF in both cases.
 */
int atomic_commit(struct atomic_file *af, struct diag *d);

/* Abandons the file: PATH is unchanged.  Releases AF. */
void atomic_abort(struct atomic_file *af);

/*
 * Writes the LEN bytes at DATA to PATH atomically, with the FLAGS of
 * atomic_open.  With ATOMIC_KEEP_SAME the file is compared in memory
 * first, so an unchanged file costs no temporary file.  Returns 1 when
 * PATH was written, 0 when it already held DATA, -1 after reporting a
 * failure to D (PATH is then unchanged).
 */
int atomic_write(const char *path, const char *data, size_t len, int flags, struct diag *d);

/*
 * 1 when the file at PATH is a regular file that holds exactly the LEN
 * bytes at DATA (read in chunks).
 */
int atomic_holds(const char *path, const char *data, size_t len);

/* 1 when PATH names standard output. */
int atomic_is_stdout(const char *path);

/*
 * Removes the temporary files of PATH that an interrupted run left (see
 * above): those no living process holds.  Each folder is listed once per
 * process, so that calling this for each of thousands of files costs
 * one listing.  atomic_open calls it; a caller that leaves PATH as it is
 * (unchanged) calls it too.
 */
void atomic_sweep(const char *path);

/*
 * Removes the temporary files this process is writing now.  Only calls
 * that are safe in a signal handler: for the tool's handler of SIGINT and
 * SIGTERM, before the signal ends the program.
 */
void atomic_remove_temporaries(void);

#endif
