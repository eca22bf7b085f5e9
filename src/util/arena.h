/*
 * arena: many small strings that live and die together (the cells of a
 * CSV file, the values of an import report), in blocks of 4 to 256 KiB.
 *
 * A NULL struct arena * is an empty arena.  The arena owns every string
 * arena_add() returns; arena_free() releases them all at once.  One thread
 * at a time.
 */
#ifndef PICDAY_UTIL_ARENA_H
#define PICDAY_UTIL_ARENA_H

#include <stddef.h>

struct arena;

/* A NUL-terminated copy of the len bytes at s (which need no NUL). */
char	*arena_add(struct arena **, const char *s, size_t len);
void	 arena_free(struct arena *);

#endif
