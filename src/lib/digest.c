/*
 * digest: 128-bit digests.  See digest.h.
 *
 * Two 64-bit lanes take 16 bytes at a time: each word goes into both,
 * through a multiplication by an odd constant and a rotation, and one
 * lane feeds the other.  The end mixes the length in and runs both lanes
 * through a finalizer that spreads every bit over the whole word (the
 * multiply-xorshift steps of murmur3's fmix64).  A few cycles per 16
 * bytes, which matters: runs digest the site's articles and catalogs.
 */
#include <config.h>

#include "digest.h"

#include <stdio.h>
#include <string.h>

#include <libexslt/exslt.h>
#include <libxml/xmlversion.h>
#include <libxslt/xsltconfig.h>
#include <libxslt/xsltutils.h>

#include "lib/source-digest.h"
#include "uni.h"

#define P1 0x9e3779b97f4a7c15ULL
#define P2 0xc2b2ae3d27d4eb4fULL
#define P3 0x165667b19e3779f9ULL

static uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t fmix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t load64(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* One block of 16 bytes into the two lanes: each word goes into both. */
static void block(struct digest_state *s, const unsigned char *p)
{
	uint64_t x = load64(p), y = load64(p + 8);

	s->a = rotl((s->a ^ x) * P1, 29) + (y ^ P3);
	s->b = rotl((s->b + y) * P2, 37) ^ (x + P1);
	s->a += s->b >> 23;
}

void digest_init(struct digest_state *s)
{
	memset(s, 0, sizeof *s);
	s->a = P1;
	s->b = P3;
}

void digest_add_raw(struct digest_state *s, const void *data, size_t len)
{
	const unsigned char *p = data;

	s->total += len;
	if (s->ntail) {
		size_t take = 16 - s->ntail < len ? 16 - s->ntail : len;

		memcpy(s->tail + s->ntail, p, take);
		s->ntail += take;
		p += take;
		len -= take;
		if (s->ntail < 16)
			return;
		block(s, s->tail);
		s->ntail = 0;
	}
	for (; len >= 16; p += 16, len -= 16)
		block(s, p);
	memcpy(s->tail, p, len);
	s->ntail = len;
}

void digest_add_u64(struct digest_state *s, uint64_t value)
{
	unsigned char bytes[8];
	int i;

	for (i = 0; i < 8; i++)
		bytes[i] = (unsigned char)(value >> (8 * i));
	digest_add_raw(s, bytes, 8);
}

void digest_add_bytes(struct digest_state *s, const void *data, size_t len)
{
	digest_add_u64(s, (uint64_t)len);
	digest_add_raw(s, data, len);
}

void digest_add_str(struct digest_state *s, const char *str)
{
	if (!str) {
		digest_add_u64(s, ~(uint64_t)0);
		return;
	}
	digest_add_bytes(s, str, strlen(str));
}

void digest_add_digest(struct digest_state *s, const struct digest *dg)
{
	digest_add_u64(s, dg->hi);
	digest_add_u64(s, dg->lo);
}

struct digest digest_final(const struct digest_state *s)
{
	struct digest_state t = *s;
	unsigned char last[16];
	struct digest dg;

	/* The tail, padded with zeros and a count of its bytes. */
	memset(last, 0, sizeof last);
	memcpy(last, t.tail, t.ntail);
	last[15] = (unsigned char)(0x80 | t.ntail);
	block(&t, last);
	t.a ^= t.total;
	t.b ^= t.total * P3;
	t.a += t.b;
	t.b += t.a;
	t.a = fmix(t.a);
	t.b = fmix(t.b);
	t.a += t.b;
	t.b += t.a;
	dg.hi = t.a;
	dg.lo = t.b;
	return dg;
}

struct digest digest_of(const void *data, size_t len)
{
	struct digest_state s;

	digest_init(&s);
	digest_add_raw(&s, data, len);
	return digest_final(&s);
}

int digest_equal(const struct digest *a, const struct digest *b)
{
	return a->hi == b->hi && a->lo == b->lo;
}

void digest_hex(const struct digest *dg, char hex[33])
{
	snprintf(hex, 33, "%016llx%016llx", (unsigned long long)dg->hi, (unsigned long long)dg->lo);
}

const struct digest *digest_program(void)
{
	static struct digest program;
	static int known;
	struct digest_state s;
	char icu[64];

	if (known)
		return &program;
	digest_init(&s);
	digest_add_str(&s, PACKAGE_VERSION);
	digest_add_str(&s, TRADUKI_SOURCE_DIGEST);
	/* The libraries as they run, which may be newer than at build time. */
	digest_add_str(&s, xmlParserVersion);
	digest_add_u64(&s, (uint64_t)xsltLibxsltVersion);
	digest_add_u64(&s, (uint64_t)xsltLibxmlVersion);
	digest_add_u64(&s, (uint64_t)exsltLibexsltVersion);
	uni_library_version(icu, sizeof icu);
	digest_add_str(&s, icu);
	program = digest_final(&s);
	known = 1;
	return &program;
}
