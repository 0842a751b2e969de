/*
 * msgindex: messages found by their key, (msgctxt, msgid), in constant
 * time.  Entries are numbered 0, 1, 2... in the order they were added, so
 * that the number is an index into the caller's own array of messages.
 *
 * Ownership: the index keeps pointers to the key strings given to
 * msgindex_add, not copies; they must live as long as the index.
 */
#ifndef TRADUKI_MSGINDEX_H
#define TRADUKI_MSGINDEX_H

#include <stddef.h>
#include <stdint.h>

#define MSGINDEX_NONE ((size_t)-1)

struct msgindex_key {
	const char *ctxt; /* NULL: no msgctxt, which differs from "" */
	const char *id;
	uint32_t hash;
};

struct msgindex {
	struct msgindex_key *keys; /* entry N's key */
	size_t count, alloc;
	size_t *slots; /* open addressing: entry number + 1, 0 for empty */
	size_t size; /* slots: a power of two, at least twice count */
};

void msgindex_init(struct msgindex *ix);
void msgindex_release(struct msgindex *ix);

/* The number of the entry (CTXT, ID), or MSGINDEX_NONE. */
size_t msgindex_find(const struct msgindex *ix, const char *ctxt, const char *id);

/*
 * Adds (CTXT, ID), which msgindex_find does not know, and returns its
 * number: the number of entries before.
 */
size_t msgindex_add(struct msgindex *ix, const char *ctxt, const char *id);

#endif
