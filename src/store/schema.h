/*
 * store/schema: the studio database's schema as forward migrations
 * (store/schema.c), counted in PRAGMA user_version.
 *
 * It works on a bare SQLite connection and knows nothing of struct store:
 * store_open() (store/db.c) calls store_migrate() on the connection it has
 * just opened, so db uses schema and never the other way round.
 * Threads: store_migrate() on the connection's own thread.
 */
#ifndef PICDAY_STORE_SCHEMA_H
#define PICDAY_STORE_SCHEMA_H

#include <sqlite3.h>

/* The version this program brings a database to (its migrations). */
int	store_schema_version(void);
/* Applies the missing migrations, one BEGIN IMMEDIATE transaction each.
 * 0, or -1 with *cause set (caller frees): locked, not a picday database,
 * or newer than this program. */
int	store_migrate(sqlite3 *, char **cause);

#endif
