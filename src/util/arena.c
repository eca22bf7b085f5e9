/* util/arena: strings in big blocks, freed together. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/xalloc.h"

/* Blocks grow from 4 KiB to 256 KiB: a small file costs a page, a large
 * one few allocations. */
#define ARENA_FIRST	4096
#define ARENA_BLOCK	(256 * 1024)

struct arena {
	struct arena	*next;
	size_t		 used, cap;
	char		 data[];
};

char *
arena_add(struct arena **ap, const char *s, size_t len)
{
	struct arena *a = *ap;
	char *p;

	if (a == NULL || a->cap - a->used < len + 1) {
		size_t cap = a == NULL ? ARENA_FIRST : a->cap < ARENA_BLOCK ?
		    a->cap * 2 : ARENA_BLOCK;

		if (cap < len + 1)
			cap = len + 1;

		a = xmalloc(sizeof *a + cap);
		a->next = *ap;
		a->used = 0;
		a->cap = cap;
		*ap = a;
	}
	p = a->data + a->used;
	if (len > 0)
		memcpy(p, s, len);
	p[len] = '\0';
	a->used += len + 1;
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena *next;

	for (; a != NULL; a = next) {
		next = a->next;
		free(a);
	}
}
