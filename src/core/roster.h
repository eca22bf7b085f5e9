/*
 * core/roster: reading a roster CSV and importing it as clients
 * (DESIGN §1.1, the Client Import wizard and `picday clients import`).
 *
 * The steps, each a call, so that a wizard can show every one of them:
 *   1. roster_open() reads the file, refuses what is not UTF-8 (naming the
 *      first bad line), drops a BOM, detects the delimiter (comma,
 *      semicolon, tab), parses quoted fields with libcsv and guesses the
 *      mapping of each header column to a client field;
 *   2. the caller may change the mapping (roster_set_map, roster_map_column);
 *   3. roster_run(commit = 0) is the dry run: one result per data row
 *      (new / updated / unchanged / rejected / duplicate) with its physical
 *      file line (the header is line 1) and reason;
 *   4. roster_run(commit = 1) does the same and writes it in ONE
 *      transaction: every good row, or (on any database failure) nothing.
 * Rejected rows (no last name, no student ID, no organization, a field
 * longer than ROSTER_FIELD_MAX bytes, a role or priority core/role cannot
 * read) are reported and do not stop the good
 * rows; a quote that is never closed refuses the file, naming the line of
 * the row it opens in.  The key of a client is organization +
 * student ID; a student ID repeated in the file keeps the later row and
 * marks the earlier one "duplicate" with a warning naming both lines.
 * Teachers and staff (a role column says so) may come without an ID: their
 * key is then organization + last and first name.
 * Control characters in values become spaces, runs of white space one
 * space, and values are trimmed.  Only mapped fields are written: a column
 * the roster lacks never blanks what the studio already knows.
 *
 * No UI here: no printing, no ncurses.  Threads: a struct roster is used
 * by one thread at a time; roster_run() uses the caller's struct store.
 * Errors: -1 with *cause set (caller frees).  Strings returned point into
 * the roster or report and live as long as it does.
 */
#ifndef PICDAY_CORE_ROSTER_H
#define PICDAY_CORE_ROSTER_H

#include <stddef.h>

struct store;

/* The longest value a field may have, in bytes (after cleaning). */
#define ROSTER_FIELD_MAX	1000

/* Same order as enum client_field (store/client.h), then organization. */
enum roster_field {
	ROSTER_IGNORE = -1,
	ROSTER_FIRST_NAME,
	ROSTER_LAST_NAME,
	ROSTER_STUDENT_ID,
	ROSTER_GRADE,
	ROSTER_TEACHER,
	ROSTER_HOMEROOM,
	ROSTER_EMAIL,
	ROSTER_PHONE,
	ROSTER_GUARDIAN,
	ROSTER_ROLE,		/* student, teacher, staff (core/role.h) */
	ROSTER_TITLE,
	ROSTER_PRIORITY,
	ROSTER_ORGANIZATION,
	ROSTER_NFIELDS
};

/* "first_name", ..., "organization"; "ignore" for ROSTER_IGNORE. */
const char	*roster_field_name(enum roster_field);
/* Parses a field name as above; 0, or -1 if it is none of them. */
int		 roster_field_parse(const char *, enum roster_field *);
/* The field a header text names ("Student #" -> ROSTER_STUDENT_ID), matched
 * without regard to case, spaces and punctuation; ROSTER_IGNORE if none. */
enum roster_field roster_field_guess(const char *header);

struct roster;
struct arena;

/* Reads and parses path (opened read-only). */
int		 roster_open(const char *path, struct roster **, char **cause);
/* The same from memory; name is used in messages. */
int		 roster_open_buffer(const char *name, const char *data,
		    size_t len, struct roster **, char **cause);
void		 roster_free(struct roster *);

const char	*roster_name(const struct roster *);
char		 roster_delimiter(const struct roster *);	/* , ; \t */
int		 roster_had_bom(const struct roster *);
size_t		 roster_ncols(const struct roster *);
const char	*roster_header(const struct roster *, size_t col);
/* Data records (the header excluded), blank lines not counted. */
size_t		 roster_nrows(const struct roster *);
long		 roster_row_line(const struct roster *, size_t row);
/* The cell as parsed (quotes removed, nothing else changed); "" past the
 * end of a short row. */
const char	*roster_cell(const struct roster *, size_t row, size_t col);

/* The mapping: one field per column, each field from one column at most. */
enum roster_field roster_get_map(const struct roster *, size_t col);
/* Maps col to f; a column that had f before becomes ROSTER_IGNORE. */
void		 roster_set_map(struct roster *, size_t col, enum roster_field);
/* The column mapped to f, or -1. */
long		 roster_col_of(const struct roster *, enum roster_field);
/* --map COLUMN=FIELD: column by its header text (exact, else as
 * roster_field_guess compares).  0, or -1 with *cause. */
int		 roster_map_column(struct roster *, const char *column,
		    enum roster_field, char **cause);
/* Whether the mapping can import: last_name and student_id (or role)
 * mapped, and an
 * organization from org (may be NULL) or a column.  0, or -1 with *cause. */
int		 roster_check(const struct roster *, const char *org,
		    char **cause);

enum roster_action {
	ROSTER_NEW,
	ROSTER_UPDATED,
	ROSTER_UNCHANGED,
	ROSTER_REJECTED,
	ROSTER_DUPLICATE,	/* a later row has the same key and wins */
	ROSTER_NACTIONS
};
/* "new", "updated", "unchanged", "rejected", "duplicate". */
const char	*roster_action_name(enum roster_action);

struct roster_result {
	long			 line;		/* physical line, header = 1 */
	enum roster_action	 action;
	const char		*student_id;	/* normalised; "" if none */
	const char		*last_name;
	const char		*first_name;
	const char		*organization;
	const char		*reason;	/* rejected/duplicate; else NULL */
	long long		 client_id;	/* after commit: the client */
};

struct roster_report {
	struct roster_result	*rows;		/* one per data row, file order */
	size_t			 nrows;
	size_t			 count[ROSTER_NACTIONS];
	const char		**new_orgs;	/* organizations to be made */
	size_t			 nnew_orgs;
	int			 committed;	/* 1 after a commit */
	struct arena		*arena;		/* (internal) */
};

/*
 * The dry run (commit 0: nothing written) or the import (commit 1: one
 * transaction).  org, when not NULL, is the organization of every row (the
 * organization column is then not used).  Organizations that do not exist
 * are created on commit.  0 with *out (free with roster_report_free), or -1
 * with *cause: nothing was written.
 */
int		 roster_run(struct roster *, struct store *, const char *org,
		    int commit, struct roster_report **out, char **cause);
void		 roster_report_free(struct roster_report *);

#endif
