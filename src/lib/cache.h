/*
 * cache: what a command worked out in its last run, kept in one file so
 * that the next run redoes only what changed.
 *
 * A cache is a set of records, each found by a key (a digest.h digest of
 * everything the record depends on) and holding bytes that only its user
 * reads.  The file (a "pack") is read whole when the cache is opened and
 * written whole, atomically, by cache_save, with the records the run got
 * or put and no others: what the run no longer needed goes away.  A run
 * that changed nothing writes nothing.
 *
 * A wrong cache is worse than a slow one, so:
 * - keys cover everything a record depends on (the user's business: the
 *   program, digest_program, is in every key of this module's records
 *   through cache_key);
 * - the pack carries a digest of its contents: a damaged, truncated or
 *   hand-edited pack, or one of another version, is ignored as if absent;
 * - two processes may share a pack: each writes a whole pack by rename,
 *   the last one stays, and every record in it is right for its key.
 *
 * Files are known by their digest (cache_file).  Reading every input at
 * every run would cost more than the work saved, so the cache also keeps,
 * per file, what stat() said of it when it was digested.  A file whose
 * device, inode, size, modification and change times are those recorded
 * is taken to have the recorded digest without being read, as git's index
 * does; the change time cannot be set by anyone (touch, cp -p, tar set
 * the modification time only).  A file changed within two seconds of
 * being digested could keep its times on a file system with coarse
 * times: such a record is never trusted, and the file is read again.
 *
 * Ownership: bytes returned by cache_get stay valid until cache_free;
 * cache_put copies what it is given.
 */
#ifndef TRADUKI_CACHE_H
#define TRADUKI_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "digest.h"

struct cache;

/*
 * The cache kept in the file PATH, created by cache_save if missing.  A
 * pack that cannot be read or is not intact gives an empty cache: nothing
 * is reported, the run only does all the work.
 */
struct cache *cache_open(const char *path);
void cache_free(struct cache *c);

/*
 * Starts a key: the program (digest_program) and KIND, the kind of record
 * ("extract-doc"), so that the records of different users never meet.
 * The caller adds what the record depends on and calls digest_final.
 */
void cache_key(struct digest_state *s, const char *kind);

/*
 * The record under KEY, and its length in *LEN, or NULL.  The record is
 * kept by cache_save.
 */
const char *cache_get(struct cache *c, const struct digest *key, size_t *len);

/*
 * Says that the record under KEY, just got, turned out not to fit (what
 * it depends on beyond its key changed): it counts as missed, and is not
 * kept unless put again.
 */
void cache_reject(struct cache *c, const struct digest *key);

/* Puts LEN bytes at DATA under KEY (replacing the record there). */
void cache_put(struct cache *c, const struct digest *key, const void *data, size_t len);

/*
 * The digest of the bytes of the file at PATH into *DG: from the record
 * of its stat when that can be trusted (see above), else by reading it.
 * Returns 0, or -1 when the file cannot be read (nothing is reported:
 * the caller's own reading reports why).
 */
int cache_file(struct cache *c, const char *path, struct digest *dg);

/*
 * Reads the file at PATH into DATA (replacing what it held) and its
 * digest into *DG, recording its stat for cache_file: for a caller that
 * needs the bytes, which are then exactly those digested.  Returns 0, or
 * -1 (nothing reported, DATA empty).
 */
int cache_file_read(struct cache *c, const char *path, struct digest *dg, struct buf *data);

/*
 * Writes the pack if it changed: the records got, put or recorded since
 * cache_open, in key order, creating its folder if needed.  Returns 0, or
 * -1 after reporting to D why, as a warning: the pack is then as it was,
 * and the next run does more work, nothing else.
 */
int cache_save(struct cache *c, struct diag *d);

/*
 * A record's bytes are the user's; these write and read numbers and
 * strings in them.  A string read points into the record (it is stored
 * with its NUL); NULL and "" are told apart.  A reader that runs past the
 * end, or finds a string without its NUL, sets BAD and gives 0 or NULL
 * from then on.
 */
void cache_rec_u64(struct buf *rec, uint64_t value);
void cache_rec_str(struct buf *rec, const char *str);
void cache_rec_digest(struct buf *rec, const struct digest *dg);

struct cache_reader {
	const char *p, *end;
	int bad;
};

void cache_reader_init(struct cache_reader *r, const char *data, size_t len);
uint64_t cache_read_u64(struct cache_reader *r);
const char *cache_read_str(struct cache_reader *r);
struct digest cache_read_digest(struct cache_reader *r);
/* 1 when R read every byte of its record, and nothing was wrong. */
int cache_reader_done(const struct cache_reader *r);

/* What the run found: records got and not, files read to be digested. */
struct cache_stats {
	size_t hits, misses, files_read;
};
const struct cache_stats *cache_stats(const struct cache *c);

#endif
