/*
 * msgindex: an open-addressing hash table over (msgctxt, msgid).  See
 * msgindex.h.
 */
#include <config.h>

#include "msgindex.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/*
 * STR's LEN bytes mixed into H eight at a time: messages are long, and
 * FNV's byte-at-a-time loop was most of what an index cost.  The table is
 * in memory only, so the hash may differ between machines.
 */
static uint64_t mix_bytes(uint64_t h, const char *str, size_t len)
{
	uint64_t w;

	for (; len >= 8; str += 8, len -= 8) {
		memcpy(&w, str, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, str, len);
	h = (h ^ w ^ ((uint64_t)len << 56)) * 0xff51afd7ed558ccdULL;
	return h ^ (h >> 32);
}

/* msgctxt (or its absence) and msgid, each with its length. */
static uint32_t hash_key(const char *ctxt, const char *id)
{
	uint64_t h =
	    ctxt ? mix_bytes(0x27d4eb2f165667c5ULL, ctxt, strlen(ctxt)) : 0x165667b19e3779f9ULL;

	h = mix_bytes(h, id, strlen(id));
	return (uint32_t)(h ^ (h >> 32));
}

/* Makes the table SIZE slots and puts every entry back in. */
static void rehash(struct msgindex *ix, size_t size)
{
	size_t i;

	free(ix->slots);
	ix->slots = xcalloc(size, sizeof *ix->slots);
	ix->size = size;
	for (i = 0; i < ix->count; i++) {
		size_t k = ix->keys[i].hash & (size - 1);

		while (ix->slots[k])
			k = (k + 1) & (size - 1);
		ix->slots[k] = i + 1;
	}
}

void msgindex_init(struct msgindex *ix)
{
	memset(ix, 0, sizeof *ix);
}

void msgindex_release(struct msgindex *ix)
{
	free(ix->keys);
	free(ix->slots);
	msgindex_init(ix);
}

size_t msgindex_find(const struct msgindex *ix, const char *ctxt, const char *id)
{
	uint32_t h = hash_key(ctxt, id);
	size_t k;

	if (!ix->size)
		return MSGINDEX_NONE;
	for (k = h & (ix->size - 1); ix->slots[k]; k = (k + 1) & (ix->size - 1)) {
		const struct msgindex_key *key = &ix->keys[ix->slots[k] - 1];

		if (key->hash == h && strcmp(key->id, id) == 0 &&
		    (key->ctxt ? ctxt && strcmp(key->ctxt, ctxt) == 0 : !ctxt))
			return ix->slots[k] - 1;
	}
	return MSGINDEX_NONE;
}

size_t msgindex_add(struct msgindex *ix, const char *ctxt, const char *id)
{
	struct msgindex_key *key;

	xgrow((void **)&ix->keys, &ix->alloc, ix->count + 1, sizeof *ix->keys);
	key = &ix->keys[ix->count++];
	key->ctxt = ctxt;
	key->id = id;
	key->hash = hash_key(ctxt, id);
	if (ix->count * 2 > ix->size) {
		rehash(ix, ix->size ? ix->size * 2 : 1024); /* the new entry included */
	} else {
		size_t k = key->hash & (ix->size - 1);

		while (ix->slots[k])
			k = (k + 1) & (ix->size - 1);
		ix->slots[k] = ix->count;
	}
	return ix->count - 1;
}
