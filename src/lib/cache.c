/*
 * cache: records kept between runs in one pack file.  See cache.h.
 *
 * The pack: the line "traduki cache 1\n" (16 bytes), the digest of what
 * follows (16 bytes), then the records in key order, each its key (16
 * bytes), its length (8 bytes) and its bytes.  Numbers are little-endian.
 */
#include <config.h>

#include "cache.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "file.h"
#include "mem.h"

#define MAGIC "traduki cache 1\n"
#define MAGIC_LEN 16
#define HEAD_LEN (MAGIC_LEN + 16)

/* A file changed this close to being digested may keep its times (cache.h). */
#define RACY_NS (2 * 1000000000LL)

struct record {
	struct digest key;
	const char *data; /* in the pack read, or owned */
	size_t len;
	int owned; /* DATA is ours to free */
	int keep; /* got, put or recorded in this run */
};

struct cache {
	char *path;
	struct buf pack; /* the file as read, when intact */
	struct record *records;
	size_t count, alloc;
	size_t *slots; /* open addressing: record number + 1, 0 for empty */
	size_t size; /* a power of two, at least twice COUNT */
	struct cache_stats stats;
};

/* --- Numbers in the pack ----------------------------------------------------- */

static void put_u64(struct buf *b, uint64_t v)
{
	char bytes[8];
	int i;

	for (i = 0; i < 8; i++)
		bytes[i] = (char)(v >> (8 * i));
	buf_add(b, bytes, 8);
}

static uint64_t get_u64(const char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | (unsigned char)p[i];
	return v;
}

/* --- The table of records ---------------------------------------------------- */

static size_t slot_of(const struct cache *c, const struct digest *key)
{
	size_t i = (size_t)key->lo & (c->size - 1);

	while (c->slots[i] && !digest_equal(&c->records[c->slots[i] - 1].key, key))
		i = (i + 1) & (c->size - 1);
	return i;
}

static void rehash(struct cache *c, size_t size)
{
	size_t i;

	free(c->slots);
	c->size = size;
	c->slots = xcalloc(size, sizeof *c->slots);
	for (i = 0; i < c->count; i++)
		c->slots[slot_of(c, &c->records[i].key)] = i + 1;
}

static struct record *find(const struct cache *c, const struct digest *key)
{
	size_t i;

	if (!c->size)
		return NULL;
	i = slot_of(c, key);
	return c->slots[i] ? &c->records[c->slots[i] - 1] : NULL;
}

static struct record *add(struct cache *c, const struct digest *key)
{
	struct record *r;

	if (2 * (c->count + 1) > c->size)
		rehash(c, c->size ? 2 * c->size : 1024);
	xgrow((void **)&c->records, &c->alloc, c->count + 1, sizeof *c->records);
	r = &c->records[c->count];
	memset(r, 0, sizeof *r);
	r->key = *key;
	c->slots[slot_of(c, key)] = ++c->count;
	return r;
}

/* --- Opening ------------------------------------------------------------------- */

/* The pack, a regular file no larger than a catalog may be (file.h). */
static int read_all(const char *path, struct buf *out)
{
	char chunk[1 << 16];
	struct stat st;
	int fd = file_open(path, &st);
	ssize_t n;

	if (fd < 0)
		return -1;
	if ((uint64_t)st.st_size > FILE_MAX_CATALOG) {
		close(fd);
		return -1;
	}
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(out, chunk, (size_t)n);
	close(fd);
	return n < 0 ? -1 : 0;
}

/* Takes the records of C->pack; 0, or -1 when it is not an intact pack. */
static int load_records(struct cache *c)
{
	const char *p = c->pack.data, *end = p + c->pack.len;
	struct digest sum;

	if (c->pack.len < HEAD_LEN || memcmp(p, MAGIC, MAGIC_LEN) != 0)
		return -1;
	sum = digest_of(p + HEAD_LEN, c->pack.len - HEAD_LEN);
	if (sum.hi != get_u64(p + MAGIC_LEN) || sum.lo != get_u64(p + MAGIC_LEN + 8))
		return -1;
	for (p += HEAD_LEN; p < end;) {
		struct digest key;
		uint64_t len;
		struct record *r;

		if (end - p < 24)
			return -1;
		key.hi = get_u64(p);
		key.lo = get_u64(p + 8);
		len = get_u64(p + 16);
		p += 24;
		if (len > (uint64_t)(end - p) || find(c, &key))
			return -1;
		r = add(c, &key);
		r->data = p;
		r->len = (size_t)len;
		p += len;
	}
	return 0;
}

static void clear_records(struct cache *c)
{
	size_t i;

	for (i = 0; i < c->count; i++)
		if (c->records[i].owned)
			free((void *)c->records[i].data);
	free(c->records);
	free(c->slots);
	c->records = NULL;
	c->slots = NULL;
	c->count = c->alloc = c->size = 0;
}

struct cache *cache_open(const char *path)
{
	struct cache *c = xcalloc(1, sizeof *c);

	c->path = xstrdup(path);
	if (read_all(path, &c->pack) != 0 || load_records(c) != 0) {
		clear_records(c);
		buf_release(&c->pack);
	}
	return c;
}

void cache_free(struct cache *c)
{
	if (!c)
		return;
	clear_records(c);
	buf_release(&c->pack);
	free(c->path);
	free(c);
}

void cache_key(struct digest_state *s, const char *kind)
{
	digest_init(s);
	digest_add_digest(s, digest_program());
	digest_add_str(s, kind);
}

/* --- Records --------------------------------------------------------------------- */

const char *cache_get(struct cache *c, const struct digest *key, size_t *len)
{
	struct record *r = find(c, key);

	if (!r) {
		c->stats.misses++;
		return NULL;
	}
	c->stats.hits++;
	r->keep = 1;
	*len = r->len;
	return r->data ? r->data : "";
}

void cache_reject(struct cache *c, const struct digest *key)
{
	struct record *r = find(c, key);

	if (r && r->keep) {
		r->keep = 0;
		c->stats.hits--;
		c->stats.misses++;
	}
}

void cache_put(struct cache *c, const struct digest *key, const void *data, size_t len)
{
	struct record *r = find(c, key);
	char *copy = xmalloc(len ? len : 1);

	memcpy(copy, data, len);
	if (!r)
		r = add(c, key);
	else if (r->owned)
		free((void *)r->data);
	r->data = copy;
	r->len = len;
	r->owned = 1;
	r->keep = 1;
}

/* --- The bytes of records ------------------------------------------------------- */

void cache_rec_u64(struct buf *rec, uint64_t value)
{
	put_u64(rec, value);
}

/* A string is its length plus one (0 for NULL), its bytes and a NUL. */
void cache_rec_str(struct buf *rec, const char *str)
{
	size_t len = str ? strlen(str) : 0;

	put_u64(rec, str ? (uint64_t)len + 1 : 0);
	if (str)
		buf_add(rec, str, len + 1);
}

void cache_rec_digest(struct buf *rec, const struct digest *dg)
{
	put_u64(rec, dg->hi);
	put_u64(rec, dg->lo);
}

void cache_reader_init(struct cache_reader *r, const char *data, size_t len)
{
	r->p = data;
	r->end = data + len;
	r->bad = 0;
}

uint64_t cache_read_u64(struct cache_reader *r)
{
	uint64_t v;

	if (r->bad || r->end - r->p < 8) {
		r->bad = 1;
		return 0;
	}
	v = get_u64(r->p);
	r->p += 8;
	return v;
}

const char *cache_read_str(struct cache_reader *r)
{
	uint64_t len = cache_read_u64(r);
	const char *s = r->p;

	if (r->bad || len == 0)
		return NULL;
	if (len > (uint64_t)(r->end - r->p) || s[len - 1] != '\0') {
		r->bad = 1;
		return NULL;
	}
	r->p += len;
	return s;
}

struct digest cache_read_digest(struct cache_reader *r)
{
	struct digest dg;

	dg.hi = cache_read_u64(r);
	dg.lo = cache_read_u64(r);
	return dg;
}

int cache_reader_done(const struct cache_reader *r)
{
	return !r->bad && r->p == r->end;
}

/* --- Files ----------------------------------------------------------------------- */

/* What a record of a file says: its stat when digested, when that was, the digest. */
enum {
	F_DEV,
	F_INO,
	F_SIZE,
	F_MTIME,
	F_MTIME_NS,
	F_CTIME,
	F_CTIME_NS,
	F_SEEN,
	F_SEEN_NS,
	F_HI,
	F_LO,
	F_COUNT
};

static void file_key(const char *path, struct digest *key)
{
	struct digest_state s;

	cache_key(&s, "file");
	digest_add_str(&s, path);
	*key = digest_final(&s);
}

static void stat_fields(const struct stat *st, uint64_t *f)
{
	f[F_DEV] = (uint64_t)st->st_dev;
	f[F_INO] = (uint64_t)st->st_ino;
	f[F_SIZE] = (uint64_t)st->st_size;
	f[F_MTIME] = (uint64_t)st->st_mtim.tv_sec;
	f[F_MTIME_NS] = (uint64_t)st->st_mtim.tv_nsec;
	f[F_CTIME] = (uint64_t)st->st_ctim.tv_sec;
	f[F_CTIME_NS] = (uint64_t)st->st_ctim.tv_nsec;
}

static long long ns_of(uint64_t sec, uint64_t nsec)
{
	return (long long)sec * 1000000000LL + (long long)nsec;
}

int cache_file(struct cache *c, const char *path, struct digest *dg)
{
	struct digest key;
	struct record *r;
	struct stat st;
	uint64_t now[F_COUNT];
	struct buf data = BUF_INIT;
	int rc;

	file_key(path, &key);
	r = find(c, &key);
	if (r)
		r->keep = 1;
	if (r && r->len == 8 * F_COUNT && stat(path, &st) == 0) {
		uint64_t was[F_COUNT];
		int i, same = 1;

		for (i = 0; i < F_COUNT; i++)
			was[i] = get_u64(r->data + 8 * i);
		stat_fields(&st, now);
		for (i = F_DEV; i <= F_CTIME_NS; i++)
			same = same && now[i] == was[i];
		if (same &&
		    ns_of(was[F_SEEN], was[F_SEEN_NS]) - ns_of(was[F_CTIME], was[F_CTIME_NS]) >=
		        RACY_NS) {
			dg->hi = was[F_HI];
			dg->lo = was[F_LO];
			return 0;
		}
	}
	rc = cache_file_read(c, path, dg, &data);
	buf_release(&data);
	return rc;
}

int cache_file_read(struct cache *c, const char *path, struct digest *dg, struct buf *data)
{
	struct timespec seen;
	struct stat before, after;
	uint64_t f[F_COUNT], g[F_COUNT];
	char chunk[1 << 16];
	struct buf rec = BUF_INIT;
	struct digest key;
	ssize_t n;
	int fd, i, same = 1;

	buf_truncate(data, 0);
	clock_gettime(CLOCK_REALTIME, &seen);
	/* Opened as every input is (never blocking on a pipe, a regular file
	 * only), and within the bound of a document: past it, the caller's
	 * own reading says why. */
	fd = file_open(path, &before);
	if (fd < 0)
		return -1;
	if ((uint64_t)before.st_size > FILE_MAX_DOCUMENT) {
		close(fd);
		return -1;
	}
	buf_grow(data, (size_t)before.st_size + 1);
	while ((n = read(fd, chunk, sizeof chunk)) > 0 && data->len <= FILE_MAX_DOCUMENT)
		buf_add(data, chunk, (size_t)n);
	if (n < 0 || data->len > FILE_MAX_DOCUMENT || fstat(fd, &after) != 0) {
		close(fd);
		buf_truncate(data, 0);
		return -1;
	}
	close(fd);
	c->stats.files_read++;
	*dg = digest_of(data->data ? data->data : "", data->len);

	/* A file that changed while it was read is not recorded. */
	stat_fields(&before, f);
	stat_fields(&after, g);
	for (i = F_DEV; i <= F_CTIME_NS; i++)
		same = same && f[i] == g[i];
	if (!same || (uint64_t)data->len != f[F_SIZE])
		return 0;
	f[F_SEEN] = (uint64_t)seen.tv_sec;
	f[F_SEEN_NS] = (uint64_t)seen.tv_nsec;
	f[F_HI] = dg->hi;
	f[F_LO] = dg->lo;
	for (i = 0; i < F_COUNT; i++)
		put_u64(&rec, f[i]);
	file_key(path, &key);
	cache_put(c, &key, rec.data, rec.len);
	buf_release(&rec);
	return 0;
}

/* --- Saving ---------------------------------------------------------------------- */

static int compare_records(const void *a, const void *b)
{
	const struct record *x = *(const struct record *const *)a;
	const struct record *y = *(const struct record *const *)b;

	if (x->key.hi != y->key.hi)
		return x->key.hi < y->key.hi ? -1 : 1;
	if (x->key.lo != y->key.lo)
		return x->key.lo < y->key.lo ? -1 : 1;
	return 0;
}

/* Hands a failure to write the pack on, as a warning: a cache is no output. */
static void as_warning(const struct diag_message *msg, void *data)
{
	diag_report(data, DIAG_WARNING, msg->file, msg->line, msg->column,
	            "%s; the cache is not kept, and the next run does all the work again",
	            msg->text);
}

int cache_save(struct cache *c, struct diag *d)
{
	struct diag warn;

	const struct record **kept = xcalloc(c->count + 1, sizeof *kept);
	struct buf out = BUF_INIT;
	struct digest sum;
	size_t i, n = 0;
	int rc = 0;

	for (i = 0; i < c->count; i++)
		if (c->records[i].keep)
			kept[n++] = &c->records[i];
	qsort(kept, n, sizeof *kept, compare_records);
	buf_add(&out, MAGIC, MAGIC_LEN);
	put_u64(&out, 0);
	put_u64(&out, 0);
	for (i = 0; i < n; i++) {
		put_u64(&out, kept[i]->key.hi);
		put_u64(&out, kept[i]->key.lo);
		put_u64(&out, (uint64_t)kept[i]->len);
		buf_add(&out, kept[i]->data, kept[i]->len);
	}
	sum = digest_of(out.data + HEAD_LEN, out.len - HEAD_LEN);
	for (i = 0; i < 8; i++) {
		out.data[MAGIC_LEN + i] = (char)(sum.hi >> (8 * i));
		out.data[MAGIC_LEN + 8 + i] = (char)(sum.lo >> (8 * i));
	}
	/* Not flushed: a pack lost to a power failure fails its digest and
	 * is ignored, and the next run does all the work. */
	if (out.len != c->pack.len || memcmp(out.data, c->pack.data, out.len) != 0) {
		diag_init(&warn, as_warning, d);
		if (file_make_folders(c->path, 0, &warn) != 0 ||
		    atomic_write(c->path, out.data, out.len, ATOMIC_NO_SYNC, &warn) < 0)
			rc = -1;
	}
	buf_release(&out);
	free(kept);
	return rc;
}

const struct cache_stats *cache_stats(const struct cache *c)
{
	return &c->stats;
}
