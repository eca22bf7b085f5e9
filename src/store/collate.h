/*
 * store/collate: the sort keys of the client lists, so that names and
 * grades sort as a person expects whatever the locale (issue 8).
 *
 * A name key orders by the names folded to base letters without case
 * ("Éva" beside "Eva", "Ødegaard" among the O's, "ß" as "ss"), then by the
 * names as written, so the order is total and the same everywhere:
 *   fold(a) 0x01 fold(b) 0x02 a 0x01 b
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
 * picday_grade_key(g) to a connection, with TEMP triggers that keep the
 * keys of rows written through it, and fills in keys that are missing
 * (rows written by another program, such as the sqlite3 shell, whose
 * connections do not have the functions; such a program changing a name
 * leaves its key stale until picday writes the row again).
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
/* The functions and triggers on db; 0 or -1 (sqlite error on db). */
int	 collate_register(sqlite3 *db);
/* Keys of rows that have none (after migration 3 or foreign writes). */
int	 collate_fill(sqlite3 *db);

#endif
