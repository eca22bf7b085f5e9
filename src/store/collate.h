/*
 * store/collate: the sort keys of the client lists, so that names and
 * grades sort as a person expects whatever the locale (issue 8).
 *
 * A name key orders by the names folded to base letters without case
 * ("Éva" beside "Eva", "Ødegaard" among the O's, "ß" as "ss"):
 *   fold(a) 0x01 fold(b)
 * The lists then order by row id, so the order is total and the same in
 * every locale; names with the same letters ("Eva", "Éva", "eva") stay in
 * the order they were added.  (The names as written were a tie-break in
 * the key at first: that doubled the key, and the index work of a large
 * roster import with it.)
 * Folding: ASCII letters to lower case; Latin-1 and Latin Extended-A
 * letters (and Romanian Ș Ț) to their base letters; combining accents
 * dropped; control characters become spaces; anything else stays as is.
 *
 * A grade key puts Pre-K (PK, Pre-K, -1), TK, K (KG, Kindergarten, 0),
 * then grades 1 to 12 (also "01", "3rd", "Grade 7") in school order, and
 * anything else after them, folded text order.  No grade (NULL, blank):
 * NULL.
 *
 * The keys are BINARY-comparable text stored in clients.name_key,
 * first_key and grade_key (schema migration 3), indexed so that the
 * Clients hub pages through them without sorting (store/lists.c).
 * collate_register() adds the SQL functions picday_name_key(a, b) and
 * picday_grade_key(g) to a connection; every statement of picday that
 * writes a client's names or grade sets the keys with them (store/client.c,
 * store/workflow.c).  collate_fill() gives keys to rows that have none:
 * rows written by another program, such as the sqlite3 shell (whose
 * connection lacks the functions; a custom collation in the index would
 * lock it out of the table altogether).  Such a program changing a name
 * leaves its key stale until picday writes the row again.
 *
 * Threads: any; the functions are pure.  Strings returned: caller frees.
 */
#ifndef PICDAY_STORE_COLLATE_H
#define PICDAY_STORE_COLLATE_H

#include <sqlite3.h>

/* NULL a or b counts as "". */
char	*collate_name_key(const char *a, const char *b);
/* NULL when g is NULL or blank. */
char	*collate_grade_key(const char *g);
/* The functions on db; 0 or -1 (sqlite error on db). */
int	 collate_register(sqlite3 *db);
/* Keys of rows that have none (after migration 3 or foreign writes). */
int	 collate_fill(sqlite3 *db);

#endif
