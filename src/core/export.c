/*
 * core/export: session columns, and the CSV and XLSX writers.  See
 * core/export.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "core/export.h"
#include "store/db.h"
#include "store/session.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

static const struct {
	const char	*key;
	const char	*title;
	int		 number;
} columns[EXPORT_NCOLS] = {
	{ "number", "Session Number", 1 },
	{ "first_name", "First Name", 0 },
	{ "last_name", "Last Name", 0 },
	{ "student_id", "Student ID", 0 },
	{ "organization", "Organization", 0 },
	{ "status", "Status", 0 },
	{ "starts_at", "Date and Time", 0 },
	{ "grade", "Grade", 0 },
	{ "teacher", "Teacher", 0 },
	{ "homeroom", "Homeroom", 0 },
	{ "email", "Email", 0 },
	{ "phone", "Phone", 0 },
	{ "guardian", "Guardian", 0 },
	{ "type", "Session Type", 0 },
	{ "minutes", "Minutes", 1 },
	{ "client_id", "Client ID", 1 },
};

const char *
export_column_key(int col)
{
	return col >= 0 && col < EXPORT_NCOLS ? columns[col].key : "";
}

const char *
export_column_title(int col)
{
	return col >= 0 && col < EXPORT_NCOLS ? columns[col].title : "";
}

int
export_column_is_number(int col)
{
	return col >= 0 && col < EXPORT_NCOLS && columns[col].number;
}

const char *
export_column_value(const struct session_row *r, int col, char *buf,
    size_t len)
{
	switch (col) {
	case EXPORT_NUMBER:
		snprintf(buf, len, "%lld", r->number);
		return buf;
	case EXPORT_FIRST_NAME:	return r->first_name;
	case EXPORT_LAST_NAME:	return r->last_name;
	case EXPORT_STUDENT_ID:	return r->student_id;
	case EXPORT_ORGANIZATION: return r->organization;
	case EXPORT_STATUS:	return r->status;
	case EXPORT_STARTS_AT:	return r->starts_at;
	case EXPORT_GRADE:	return r->grade;
	case EXPORT_TEACHER:	return r->teacher;
	case EXPORT_HOMEROOM:	return r->homeroom;
	case EXPORT_EMAIL:	return r->email;
	case EXPORT_PHONE:	return r->phone;
	case EXPORT_GUARDIAN:	return r->guardian;
	case EXPORT_TYPE:	return r->type;
	case EXPORT_MINUTES:
		if (r->minutes <= 0)
			return NULL;
		snprintf(buf, len, "%d", r->minutes);
		return buf;
	case EXPORT_CLIENT_ID:
		if (r->client_id <= 0)
			return NULL;
		snprintf(buf, len, "%lld", r->client_id);
		return buf;
	}
	return NULL;
}

int
export_columns_parse(const char *spec, int *cols, size_t *n, char **cause)
{
	char *copy, *p, *word;
	int c;

	*n = 0;
	copy = p = xstrdup(spec);
	while ((word = strsep(&p, ",")) != NULL) {
		word += strspn(word, " ");
		word[strcspn(word, " ")] = '\0';
		if (*word == '\0')
			continue;
		for (c = 0; c < EXPORT_NCOLS; c++)
			if (strcasecmp(word, columns[c].key) == 0)
				break;
		if (c == EXPORT_NCOLS) {
			*cause = xasprintf(_("unknown column: %s (columns: "
			    "number, first_name, last_name, student_id, "
			    "organization, status, starts_at, grade, teacher, "
			    "homeroom, email, phone, guardian, type, minutes, "
			    "client_id)"), word);
			free(copy);
			return -1;
		}
		if (*n == EXPORT_NCOLS) {
			*cause = xstrdup(_("too many columns"));
			free(copy);
			return -1;
		}
		cols[(*n)++] = c;
	}
	free(copy);
	if (*n == 0) {
		*cause = xstrdup(_("no columns given"));
		return -1;
	}
	return 0;
}

int
export_preset(const char *name, int *cols, size_t *n)
{
	static const int entagged[] = { EXPORT_NUMBER, EXPORT_FIRST_NAME,
	    EXPORT_LAST_NAME, EXPORT_STUDENT_ID, EXPORT_ORGANIZATION };
	static const int list[] = { EXPORT_NUMBER, EXPORT_FIRST_NAME,
	    EXPORT_LAST_NAME, EXPORT_STUDENT_ID, EXPORT_ORGANIZATION,
	    EXPORT_STATUS, EXPORT_STARTS_AT };
	size_t i;

	if (strcasecmp(name, "entagged") == 0) {
		memcpy(cols, entagged, sizeof entagged);
		*n = sizeof entagged / sizeof entagged[0];
	} else if (strcasecmp(name, "list") == 0) {
		memcpy(cols, list, sizeof list);
		*n = sizeof list / sizeof list[0];
	} else if (strcasecmp(name, "all") == 0) {
		for (i = 0; i < EXPORT_NCOLS; i++)
			cols[i] = (int)i;
		*n = EXPORT_NCOLS;
	} else
		return -1;
	return 0;
}

static void
csv_field(FILE *f, const char *v)
{
	if (v == NULL)
		return;
	if (strpbrk(v, ",\"\r\n") == NULL) {
		fputs(v, f);
		return;
	}
	putc('"', f);
	for (; *v != '\0'; v++) {
		if (*v == '"')
			putc('"', f);
		putc(*v, f);
	}
	putc('"', f);
}

struct export_ctx {
	const int		*cols;
	size_t			 ncols;
	size_t			 rows;
	FILE			*f;		/* CSV */
	lxw_worksheet		*ws;		/* XLSX */
	lxw_error		 xerr;
	const struct export_opts *opts;
	int			 stopped;
};

/* After a row: the caller may stop the export. */
static int
export_row_done(struct export_ctx *x)
{
	if (x->opts != NULL && x->opts->row != NULL &&
	    x->opts->row(x->rows, x->opts->arg) != 0) {
		x->stopped = 1;
		return 1;
	}
	return 0;
}

static int
export_csv_row(const struct session_row *r, void *arg)
{
	struct export_ctx *x = arg;
	char buf[32];
	size_t i;

	for (i = 0; i < x->ncols; i++) {
		if (i > 0)
			putc(',', x->f);
		csv_field(x->f, export_column_value(r, x->cols[i], buf,
		    sizeof buf));
	}
	fputs("\r\n", x->f);
	x->rows++;
	if (ferror(x->f))
		return -1;
	return export_row_done(x);
}

static int
export_xlsx_row(const struct session_row *r, void *arg)
{
	struct export_ctx *x = arg;
	const char *v;
	char buf[32];
	lxw_row_t row = (lxw_row_t)(x->rows + 1);
	size_t i;
	lxw_error e;

	if (x->rows + 1 >= LXW_ROW_MAX) {
		x->xerr = LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
		return -1;
	}
	for (i = 0; i < x->ncols; i++) {
		v = export_column_value(r, x->cols[i], buf, sizeof buf);
		if (v == NULL || *v == '\0')
			continue;
		if (export_column_is_number(x->cols[i]))
			e = worksheet_write_number(x->ws, row, (lxw_col_t)i,
			    strtod(v, NULL), NULL);
		else
			e = worksheet_write_string(x->ws, row, (lxw_col_t)i,
			    v, NULL);
		if (e != LXW_NO_ERROR) {
			x->xerr = e;
			return -1;
		}
	}
	x->rows++;
	return export_row_done(x);
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a > b && strcasecmp(s + a - b, suffix) == 0;
}

static int
export_csv(struct store *st, const char *tmp, struct export_ctx *x,
    const struct session_filter *filter, char **cause)
{
	size_t i;
	int rc;

	if ((x->f = fopen(tmp, "w")) == NULL) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		return -1;
	}
	for (i = 0; i < x->ncols; i++) {
		if (i > 0)
			putc(',', x->f);
		csv_field(x->f, export_column_title(x->cols[i]));
	}
	fputs("\r\n", x->f);
	rc = store_session_each(st, filter, export_csv_row, x);
	if (fclose(x->f) != 0 && rc == 0)
		rc = -2;
	if (x->stopped)
		return 1;
	if (rc != 0)
		*cause = rc == -2 ? xasprintf("%s: %s", tmp, strerror(errno)) :
		    xasprintf(_("cannot read the sessions: %s"),
		    store_errmsg(st));
	return rc == 0 ? 0 : -1;
}

static int
export_xlsx(struct store *st, const char *tmp, struct export_ctx *x,
    const struct session_filter *filter, char **cause)
{
	lxw_workbook_options opt;
	lxw_workbook *wb;
	lxw_format *bold;
	lxw_error e;
	size_t i;
	int rc;

	memset(&opt, 0, sizeof opt);
	opt.constant_memory = LXW_TRUE;
	if ((wb = workbook_new_opt(tmp, &opt)) == NULL) {
		*cause = xasprintf(_("%s: cannot create the workbook"), tmp);
		return -1;
	}
	x->ws = workbook_add_worksheet(wb, "Sessions");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	for (i = 0; i < x->ncols; i++)
		worksheet_write_string(x->ws, 0, (lxw_col_t)i,
		    export_column_title(x->cols[i]), bold);
	rc = store_session_each(st, filter, export_xlsx_row, x);
	e = workbook_close(wb);
	if (x->stopped)
		return 1;
	if (rc != 0 || e != LXW_NO_ERROR) {
		if (x->xerr != LXW_NO_ERROR || e != LXW_NO_ERROR)
			*cause = xasprintf(_("%s: cannot write the workbook: "
			    "%s"), tmp, lxw_strerror(x->xerr != LXW_NO_ERROR ?
			    x->xerr : e));
		else
			*cause = xasprintf(_("cannot read the sessions: %s"),
			    store_errmsg(st));
		return -1;
	}
	return 0;
}

int
export_path_ok(const char *path)
{
	return has_suffix(path, ".csv") || has_suffix(path, ".xlsx");
}

int
export_sessions(struct store *st, const char *path, const int *cols,
    size_t ncols, const struct session_filter *filter,
    const struct export_opts *opts, size_t *rows, char **cause)
{
	struct export_ctx x;
	char *tmp;
	int xlsx, rc;

	if (has_suffix(path, ".xlsx"))
		xlsx = 1;
	else if (has_suffix(path, ".csv"))
		xlsx = 0;
	else {
		*cause = xasprintf(_("%s: the file name must end in .csv or "
		    ".xlsx"), path);
		return -1;
	}
	memset(&x, 0, sizeof x);
	x.cols = cols;
	x.ncols = ncols;
	x.opts = opts;
	tmp = opts != NULL && opts->tmp != NULL ? xstrdup(opts->tmp) :
	    xasprintf("%s.tmp%ld", path, (long)getpid());
	rc = xlsx ? export_xlsx(st, tmp, &x, filter, cause) :
	    export_csv(st, tmp, &x, filter, cause);
	if (rc == 0 && path_commit(tmp, path) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	*rows = x.rows;
	return rc;
}
