/*
 * core/export: the columns of a session list and the export to CSV and
 * XLSX (DESIGN §1.3).
 *
 * The same column set serves `sessions list` and the export; a column has a
 * key ("first_name", used on the command line and as the list header) and a
 * title ("First Name", the export header).  The entagged preset is Session
 * Number, First Name, Last Name, Student ID, Organization, in that order.
 *
 *   int cols[EXPORT_NCOLS]; size_t n;
 *   export_preset("entagged", cols, &n);  or export_columns_parse(...)
 *   export_sessions(st, "out.xlsx", cols, n, &filter, NULL, &rows, &cause);
 *
 * Rows are streamed from the store straight into the file (XLSX in
 * libxlsxwriter's constant-memory mode), written to a temporary file in
 * the same folder, synced and renamed, so a failed or killed export never
 * leaves a half file under the final name.  CSV is RFC 4180 (CRLF,
 * quotes doubled), UTF-8 without BOM.  In XLSX the header is bold and the
 * numeric columns (number, minutes, client_id) are numbers; a student ID
 * stays text so that leading zeros survive.
 *
 * Threads: the caller's store only.  Errors: -1 with *cause.
 */
#ifndef PICDAY_CORE_EXPORT_H
#define PICDAY_CORE_EXPORT_H

#include <stddef.h>

struct store;
struct session_row;
struct session_filter;

enum export_col {
	EXPORT_NUMBER, EXPORT_FIRST_NAME, EXPORT_LAST_NAME, EXPORT_STUDENT_ID,
	EXPORT_ORGANIZATION, EXPORT_STATUS, EXPORT_STARTS_AT, EXPORT_GRADE,
	EXPORT_TEACHER, EXPORT_HOMEROOM, EXPORT_EMAIL, EXPORT_PHONE,
	EXPORT_GUARDIAN, EXPORT_TYPE, EXPORT_MINUTES, EXPORT_CLIENT_ID,
	EXPORT_NCOLS
};

const char	*export_column_key(int col);
const char	*export_column_title(int col);
int		 export_column_is_number(int col);
/* The column's value in a row, or NULL; buf holds numbers. */
const char	*export_column_value(const struct session_row *, int col,
		    char *buf, size_t len);

/* "number,first_name,...": keys, no case; 0, or -1 with *cause.  cols has
 * room for EXPORT_NCOLS (a column may repeat up to that many). */
int	export_columns_parse(const char *spec, int *cols, size_t *n,
	    char **cause);
/* Presets "entagged", "all" and "list" (the sessions list default). */
int	export_preset(const char *name, int *cols, size_t *n);

struct export_opts {
	/* The temporary file, in path's folder; NULL: "PATH.tmpPID".  A job
	 * names it after itself, so a rerun after a kill overwrites it. */
	const char	*tmp;
	/* After every row, with the rows written so far; non-zero stops the
	 * export (cancelled): nothing is written, export_sessions returns 1. */
	int		(*row)(size_t rows, void *arg);
	void		*arg;
};

/* Writes the sessions of filter to path; the format comes from the
 * extension (.csv or .xlsx).  opts may be NULL.  *rows gets the number of
 * sessions written.  0 written, 1 stopped by opts->row, -1 with *cause. */
int	export_sessions(struct store *, const char *path, const int *cols,
	    size_t ncols, const struct session_filter *,
	    const struct export_opts *, size_t *rows, char **cause);
/* 1 when path ends in .csv or .xlsx (no case). */
int	export_path_ok(const char *path);

#endif
