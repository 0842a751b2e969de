/*
 * sitestate: what one build of a site leaves for the next, so that the
 * next makes again only what changed and removes what is gone.
 *
 * OUT_DIR/.traduki-files lists the files a build wrote, one a line, each
 * with the digest of what it is made of after a tab ("en/index.html\t
 * 0123456789abcdef"); a line without a digest is a file to make again.
 * A file whose digest is the one the previous build recorded, and which
 * is still a regular file there, is left as it is.  The list is written
 * twice: before any page, with the digests of the files left as they are
 * only and the previous build's files still to be removed, so that an
 * interrupted build leaves no digest that a page being rewritten could
 * contradict; and at the end, whole.
 *
 * The list is input like any other: a missing, unreadable or corrupt
 * list, or a link in its place, is an empty one (every page is made
 * again), and a listed path that is not a plain path below the output
 * folder (sitepath_safe) is ignored.  Only files that the previous list
 * names are ever removed, and only regular files reached without
 * following a link: a file of the user's in the output folder stays.
 *
 * Above sitepath.h; knows nothing of the model, the plan or templates:
 * the digests are the caller's.
 */
#ifndef TRADUKI_SITESTATE_H
#define TRADUKI_SITESTATE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* The list of the files a build wrote, in OUT_DIR. */
#define SITESTATE_LIST ".traduki-files"

struct sitestate;

/*
 * Reads the previous build's list in OUT_DIR.  Never fails: a list that
 * cannot be read is reported to D (a list too large) or taken as empty
 * (no list, a link).  Free with sitestate_free.
 */
struct sitestate *sitestate_read(const char *out_dir, struct diag *d);

/*
 * The previous build's digest of PATH in 16 hexadecimal digits, "" when
 * it was listed without one, NULL when it was not listed.
 */
const char *sitestate_previous(const struct sitestate *st, const char *path);

/*
 * Adds PATH, a file of this build whose inputs have DIGEST; each path
 * once, in the order the list keeps.  Returns 1 when the file is
 * unchanged (same digest in the previous list, and still a regular file
 * there): it need not be made again; else 0.
 */
int sitestate_add(struct sitestate *st, const char *path, uint64_t digest);

/*
 * Writes the list: every file added, with its digest when FINAL or when
 * it is unchanged; and, unless FINAL, the previous build's files that
 * this one does not have, still to be removed.  Returns 0, or -1 after
 * reporting to D.
 */
int sitestate_write(struct sitestate *st, int final);

/*
 * Removes the previous build's files that this one does not have, in
 * name order, and the folders they leave empty; the first ones are named
 * in notes to D, so that no page leaves the site without a word.  Returns
 * how many were removed.
 */
size_t sitestate_remove_stale(struct sitestate *st);

void sitestate_free(struct sitestate *st);

#endif
