/*
 * sitepath: the paths of a site's files, and writing them inside the
 * output folder.
 *
 * The paths of a site come from its templates (the plan) and from another
 * stage (the manifests): neither may write outside the output folder, nor
 * through what the build did not put there.  The output folder itself may
 * be a symbolic link (one made for deployment): it is the user's to name.
 * Below it, a link is never followed.
 *
 * The engine's bottom floor for the site: it knows files and folders
 * only (file.h, atomic.h), and no model, plan or template.
 */
#ifndef TRADUKI_SITEPATH_H
#define TRADUKI_SITEPATH_H

#include <stddef.h>

#include "diag.h"

/*
 * 1 when PATH is a relative path that stays below the folder it is
 * relative to and is an ordinary name on every system: components of
 * letters, digits, '.', '_' and '-', none starting with '.' (so that no
 * path of the plan names the build's own hidden files).
 */
int sitepath_safe(const char *path);

/* "DIR/A", or "DIR/A/B" when B is not NULL; to free. */
char *sitepath_join(const char *dir, const char *a, const char *b);

/*
 * Writes LEN bytes at DATA to REL below OUT_DIR, unless the file holds
 * them already: then it is not touched, not even its time.  Nothing is
 * written outside the output folder, nor over what the build did not put
 * there (a link, a device, a folder), and the file is not flushed to the
 * disk (ATOMIC_NO_SYNC: see site.h).  Returns 1 when the file was
 * written, 0 when it was left as it was, -1 after reporting to D.
 */
int sitepath_write(const char *out_dir, const char *rel, const char *data, size_t len,
                   struct diag *d);

#endif
