/*
 * digest: 128-bit digests of bytes, the keys of traduki's caches.
 *
 * A digest detects change: two inputs that differ get different digests
 * but for a chance of one in 2^128, which no accidental edit comes near.
 * It is not cryptographic: someone who wants two files with one digest
 * can make them (and could as well edit the cache).  Strings, numbers and
 * byte runs are added with their length, so that ("ab", "c") and ("a",
 * "bc") differ.
 *
 * digest_program names the running traduki for its caches: its version,
 * a digest of the sources it was built from and the versions of the
 * libraries it runs with.  A traduki rebuilt from the same sources has
 * the same one, so its caches stay valid; any change to a source, or a
 * library upgraded, invalidates every cache entry.
 */
#ifndef TRADUKI_DIGEST_H
#define TRADUKI_DIGEST_H

#include <stddef.h>
#include <stdint.h>

struct digest {
	uint64_t hi, lo;
};

/* A digest being computed: init, add, final. */
struct digest_state {
	uint64_t a, b;
	uint64_t total; /* bytes added so far */
	unsigned char tail[16]; /* bytes waiting for a full block */
	size_t ntail;
};

void digest_init(struct digest_state *s);
/* Adds LEN bytes at DATA, as they come (no length: see digest_add_bytes). */
void digest_add_raw(struct digest_state *s, const void *data, size_t len);
/* Adds LEN, then the LEN bytes at DATA. */
void digest_add_bytes(struct digest_state *s, const void *data, size_t len);
/* Adds a string; NULL differs from "". */
void digest_add_str(struct digest_state *s, const char *str);
void digest_add_u64(struct digest_state *s, uint64_t value);
void digest_add_digest(struct digest_state *s, const struct digest *dg);
struct digest digest_final(const struct digest_state *s);

/* The digest of LEN bytes at DATA. */
struct digest digest_of(const void *data, size_t len);

int digest_equal(const struct digest *a, const struct digest *b);

/* DG in 32 hexadecimal digits and a NUL, into HEX. */
void digest_hex(const struct digest *dg, char hex[33]);

/* The running program, as above; computed once. */
const struct digest *digest_program(void);

/*
 * FNV-1a over 64 bits, for the engine's tables in memory: quick and well
 * spread, but no digest (keys that collide are told apart by comparing
 * them).  Start from DIGEST_FNV_START and add bytes or strings in turn;
 * inline, as the fuzzy index calls it once a character n-gram.
 */
#define DIGEST_FNV_START 0xcbf29ce484222325ULL

static inline uint64_t digest_fnv(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

static inline uint64_t digest_fnv_str(uint64_t h, const char *str)
{
	const unsigned char *p = (const unsigned char *)str;

	for (; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return h;
}

#endif
