/*
 * core/roster: roster CSV in, clients out.  The file is read by
 * core/csvtable; the mapping of its columns here, the dry run and the
 * commit at the end of the file.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/csvtable.h"
#include "core/role.h"
#include "core/roster.h"
#include "store/client.h"
#include "store/db.h"
#include "store/org.h"
#include "util/arena.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* A roster is a CSV table and the client field of each column. */
struct roster {
	struct csvtable		*t;
	enum roster_field	*map;		/* per header column */
};

static const char *const roster_field_names[ROSTER_NFIELDS] = {
	"first_name", "last_name", "student_id", "grade", "teacher",
	"homeroom", "email", "phone", "guardian", "role", "title", "priority",
	"organization"
};

static const char *const roster_action_names[ROSTER_NACTIONS] = {
	"new", "updated", "unchanged", "rejected", "duplicate"
};

/* Header names school systems use, squeezed as by csvtable_squeeze(). */
static const struct {
	const char		*name;
	enum roster_field	 field;
} roster_headers[] = {
	{ "firstname", ROSTER_FIRST_NAME }, { "first", ROSTER_FIRST_NAME },
	{ "givenname", ROSTER_FIRST_NAME }, { "fname", ROSTER_FIRST_NAME },
	{ "studentfirstname", ROSTER_FIRST_NAME },
	{ "forename", ROSTER_FIRST_NAME },
	{ "lastname", ROSTER_LAST_NAME }, { "surname", ROSTER_LAST_NAME },
	{ "familyname", ROSTER_LAST_NAME }, { "last", ROSTER_LAST_NAME },
	{ "studentlastname", ROSTER_LAST_NAME }, { "lname", ROSTER_LAST_NAME },
	{ "studentid", ROSTER_STUDENT_ID }, { "studentnumber", ROSTER_STUDENT_ID },
	{ "idnumber", ROSTER_STUDENT_ID }, { "student#", ROSTER_STUDENT_ID },
	{ "studentno", ROSTER_STUDENT_ID }, { "id", ROSTER_STUDENT_ID },
	{ "staffid", ROSTER_STUDENT_ID }, { "teacherid", ROSTER_STUDENT_ID },
	{ "employeeid", ROSTER_STUDENT_ID },
	{ "grade", ROSTER_GRADE }, { "gradelevel", ROSTER_GRADE },
	{ "gr", ROSTER_GRADE }, { "grd", ROSTER_GRADE },
	{ "teacher", ROSTER_TEACHER }, { "homeroomteacher", ROSTER_TEACHER },
	{ "teachername", ROSTER_TEACHER },
	{ "homeroom", ROSTER_HOMEROOM }, { "room", ROSTER_HOMEROOM },
	{ "email", ROSTER_EMAIL }, { "parentemail", ROSTER_EMAIL },
	{ "guardianemail", ROSTER_EMAIL }, { "emailaddress", ROSTER_EMAIL },
	{ "phone", ROSTER_PHONE }, { "parentphone", ROSTER_PHONE },
	{ "phonenumber", ROSTER_PHONE }, { "guardianphone", ROSTER_PHONE },
	{ "guardian", ROSTER_GUARDIAN }, { "parentname", ROSTER_GUARDIAN },
	{ "parentguardian", ROSTER_GUARDIAN }, { "guardianname", ROSTER_GUARDIAN },
	{ "parent", ROSTER_GUARDIAN },
	{ "role", ROSTER_ROLE }, { "type", ROSTER_ROLE },
	{ "persontype", ROSTER_ROLE }, { "staff", ROSTER_ROLE },
	{ "title", ROSTER_TITLE }, { "position", ROSTER_TITLE },
	{ "jobtitle", ROSTER_TITLE }, { "priority", ROSTER_PRIORITY },
	{ "organization", ROSTER_ORGANIZATION },
	{ "organisation", ROSTER_ORGANIZATION },
	{ "school", ROSTER_ORGANIZATION }, { "schoolname", ROSTER_ORGANIZATION },
};

const char *
roster_field_name(enum roster_field f)
{
	if (f < 0 || f >= ROSTER_NFIELDS)
		return "ignore";
	return roster_field_names[f];
}

int
roster_field_parse(const char *s, enum roster_field *f)
{
	int i;

	if (strcmp(s, "ignore") == 0) {
		*f = ROSTER_IGNORE;
		return 0;
	}
	for (i = 0; i < ROSTER_NFIELDS; i++)
		if (strcmp(s, roster_field_names[i]) == 0) {
			*f = (enum roster_field)i;
			return 0;
		}
	return -1;
}

const char *
roster_action_name(enum roster_action a)
{
	return roster_action_names[a];
}

enum roster_field
roster_field_guess(const char *header)
{
	char key[128];
	size_t i;

	csvtable_squeeze(header, key, sizeof key);
	for (i = 0; i < sizeof roster_headers / sizeof roster_headers[0]; i++)
		if (strcmp(key, roster_headers[i].name) == 0)
			return roster_headers[i].field;
	return ROSTER_IGNORE;
}

/*
 * Normalises a value into out (at least len + 1 bytes): control characters
 * (C0, DEL, C1) and white space runs become one space; trimmed.  Returns
 * the new length.
 */
static size_t
roster_clean(const char *s, size_t len, char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n = 0;
	int space = 0;

	while (i < len) {
		if (p[i] < 0x20 || p[i] == 0x7f || p[i] == ' ') {
			space = 1;
			i++;
			continue;
		}
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f) {
			space = 1;
			i += 2;
			continue;
		}
		if (space && n > 0)
			out[n++] = ' ';
		space = 0;
		out[n++] = (char)p[i++];
	}
	out[n] = '\0';
	return n;
}

/* Reading. */

/* The roster of a table just read: each column's field guessed from its
 * header, the first column that names a field being that field's. */
static struct roster *
roster_of_table(struct csvtable *t)
{
	struct roster *r = xcalloc(1, sizeof *r);
	size_t col, ncols = csvtable_ncols(t);

	r->t = t;
	r->map = xreallocarray(NULL, ncols > 0 ? ncols : 1, sizeof *r->map);
	for (col = 0; col < ncols; col++)
		r->map[col] = ROSTER_IGNORE;
	for (col = 0; col < ncols; col++) {
		enum roster_field f = roster_field_guess(csvtable_header(t,
		    col));

		if (f != ROSTER_IGNORE && roster_col_of(r, f) < 0)
			r->map[col] = f;
	}
	return r;
}

int
roster_open_buffer(const char *name, const char *data, size_t len,
    struct roster **out, char **cause)
{
	struct csvtable *t;

	*out = NULL;
	if (csvtable_open_buffer(name, _("a roster"), data, len, &t,
	    cause) != 0)
		return -1;
	*out = roster_of_table(t);
	return 0;
}

int
roster_open(const char *path, struct roster **out, char **cause)
{
	struct csvtable *t;

	*out = NULL;
	if (csvtable_open(path, _("a roster"), &t, cause) != 0)
		return -1;
	*out = roster_of_table(t);
	return 0;
}

void
roster_free(struct roster *r)
{
	if (r == NULL)
		return;
	csvtable_free(r->t);
	free(r->map);
	free(r);
}

const char *
roster_name(const struct roster *r)
{
	return csvtable_name(r->t);
}

char
roster_delimiter(const struct roster *r)
{
	return csvtable_delimiter(r->t);
}

int
roster_had_bom(const struct roster *r)
{
	return csvtable_had_bom(r->t);
}

size_t
roster_ncols(const struct roster *r)
{
	return csvtable_ncols(r->t);
}

const char *
roster_header(const struct roster *r, size_t col)
{
	return csvtable_header(r->t, col);
}

size_t
roster_nrows(const struct roster *r)
{
	return csvtable_nrows(r->t);
}

long
roster_row_line(const struct roster *r, size_t row)
{
	return csvtable_line(r->t, row);
}

const char *
roster_cell(const struct roster *r, size_t row, size_t col)
{
	return csvtable_cell(r->t, row, col);
}

enum roster_field
roster_get_map(const struct roster *r, size_t col)
{
	return col < roster_ncols(r) ? r->map[col] : ROSTER_IGNORE;
}

void
roster_set_map(struct roster *r, size_t col, enum roster_field f)
{
	long other;

	if (col >= roster_ncols(r))
		return;
	if (f != ROSTER_IGNORE && (other = roster_col_of(r, f)) >= 0)
		r->map[other] = ROSTER_IGNORE;
	r->map[col] = f;
}

long
roster_col_of(const struct roster *r, enum roster_field f)
{
	size_t col;

	for (col = 0; col < roster_ncols(r); col++)
		if (r->map[col] == f)
			return (long)col;
	return -1;
}

int
roster_map_column(struct roster *r, const char *column, enum roster_field f,
    char **cause)
{
	char want[128], have[128];
	size_t col;

	for (col = 0; col < roster_ncols(r); col++)
		if (strcmp(roster_header(r, col), column) == 0)
			goto found;
	csvtable_squeeze(column, want, sizeof want);
	for (col = 0; col < roster_ncols(r); col++) {
		csvtable_squeeze(roster_header(r, col), have, sizeof have);
		if (*want != '\0' && strcmp(want, have) == 0)
			goto found;
	}
	*cause = xasprintf(_("%s has no column '%s'"), roster_name(r), column);
	return -1;
found:
	roster_set_map(r, col, f);
	return 0;
}

int
roster_check(const struct roster *r, const char *org, char **cause)
{
	if (roster_col_of(r, ROSTER_LAST_NAME) < 0) {
		*cause = xasprintf(_("%s: no column is taken as the last name "
		    "(use --map COLUMN=last_name)"), roster_name(r));
		return -1;
	}
	if (roster_col_of(r, ROSTER_STUDENT_ID) < 0 &&
	    roster_col_of(r, ROSTER_ROLE) < 0) {
		*cause = xasprintf(_("%s: no column is taken as the student "
		    "ID (use --map COLUMN=student_id)"), roster_name(r));
		return -1;
	}
	if ((org == NULL || *org == '\0') &&
	    roster_col_of(r, ROSTER_ORGANIZATION) < 0) {
		*cause = xasprintf(_("%s: no organization: give --org NAME or "
		    "map a column to organization"), roster_name(r));
		return -1;
	}
	return 0;
}

/* The dry run and the commit. */

/* Keys (organization + student ID) of the good rows, to find repeats. */
struct roster_keys {
	const char	**key;
	size_t		 *idx;		/* report row */
	size_t		  size;		/* a power of two */
};

static size_t
roster_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

/* Stores key -> idx; returns the index it had before, or (size_t)-1. */
static size_t
roster_keys_put(struct roster_keys *k, const char *key, size_t idx)
{
	size_t i = roster_hash(key) & (k->size - 1), old;

	while (k->key[i] != NULL) {
		if (strcmp(k->key[i], key) == 0) {
			old = k->idx[i];
			k->idx[i] = idx;
			return old;
		}
		i = (i + 1) & (k->size - 1);
	}
	k->key[i] = key;
	k->idx[i] = idx;
	return (size_t)-1;
}

struct roster_org {
	const char	*name;
	long long	 id;		/* 0: does not exist (yet) */
	int		 made;		/* by this import: no clients yet */
};

struct roster_run_ctx {
	struct roster		 *r;
	struct store		 *st;
	struct roster_report	 *rep;
	int			  commit;
	const char		**vals;		/* per report row, per field */
	struct roster_org	 *orgs;
	size_t			  norgs;
	char			 *scratch;
	size_t			  scratchsize;
	long long		  existing;	/* clients before, or -1 */
	long long		  inserted;
	char			**indexes;	/* dropped: to make again */
	int			  dropped;
};

/* From this many new clients on, and when they are at least half as many
 * as the clients already there, the import drops the clients' indexes and
 * makes them again at the end (store_client_indexes_drop): 100,000 new
 * rows 2.1 s -> 1.3 s of CPU. */
#define ROSTER_BULK_ROWS	5000

/* A cleaned copy of s in the report's arena. */
static const char *
roster_run_clean(struct roster_run_ctx *c, const char *s)
{
	size_t len = strlen(s), n;

	if (len + 1 > c->scratchsize) {
		c->scratchsize = len + 1 > 256 ? len + 1 : 256;
		c->scratch = xreallocarray(c->scratch, 1, c->scratchsize);
	}
	n = roster_clean(s, len, c->scratch);
	return arena_add(&c->rep->arena, c->scratch, n);
}

/* The first field of v longer than ROSTER_FIELD_MAX, or -1. */
static int
roster_run_toolong(const char **v)
{
	int f;

	for (f = 0; f < ROSTER_NFIELDS; f++)
		if (v[f] != NULL && strnlen(v[f], ROSTER_FIELD_MAX + 1) >
		    ROSTER_FIELD_MAX)
			return f;
	return -1;
}

/* Says which field is too long, and cuts it so the report stays small. */
static const char *
roster_run_toolong_reason(struct roster_run_ctx *c, const char **v, int f)
{
	char *why = xasprintf(_("%s is longer than %d bytes (%zu)"),
	    roster_field_name((enum roster_field)f), ROSTER_FIELD_MAX,
	    strlen(v[f]));
	const char *kept = arena_add(&c->rep->arena, why, strlen(why));
	size_t n = 0;

	free(why);
	for (; f < ROSTER_NFIELDS; f++)
		if (v[f] != NULL && strnlen(v[f], ROSTER_FIELD_MAX + 1) >
		    ROSTER_FIELD_MAX) {
			n = ROSTER_FIELD_MAX;	/* cut at a character start */
			while (n > 0 && ((unsigned char)v[f][n] & 0xc0) == 0x80)
				n--;
			v[f] = arena_add(&c->rep->arena, v[f], n);
		}
	return kept;
}

/* The role and priority cells of v made canonical (core/role.h); the
 * reason when one cannot be read, else NULL. */
static const char *
roster_run_role(struct roster_run_ctx *c, const char **v)
{
	char buf[8], *why = NULL;
	const char *r = NULL;

	if (role_cells(&v[ROSTER_ROLE], &v[ROSTER_PRIORITY], buf, &why) != 0) {
		r = arena_add(&c->rep->arena, why, strlen(why));
		free(why);
	} else if (v[ROSTER_PRIORITY] == buf)
		v[ROSTER_PRIORITY] = arena_add(&c->rep->arena, buf, strlen(buf));
	return r;
}

/* Phase 1, no database: clean the values, reject, find repeated keys. */
static void
roster_run_rows(struct roster_run_ctx *c, const char *org)
{
	struct roster *r = c->r;
	struct roster_report *rep = c->rep;
	struct roster_keys keys;
	long cols[ROSTER_NFIELDS];
	size_t row, i, nrows = roster_nrows(r);
	int f;

	for (f = 0; f < ROSTER_NFIELDS; f++)
		cols[f] = roster_col_of(r, (enum roster_field)f);
	for (keys.size = 16; keys.size < 2 * nrows; keys.size *= 2)
		;
	keys.key = xcalloc(keys.size, sizeof *keys.key);
	keys.idx = xcalloc(keys.size, sizeof *keys.idx);
	if (org != NULL)
		org = roster_run_clean(c, org);

	for (row = 0; row < nrows; row++) {
		struct roster_result *res;
		const char **v, *toolong;
		char *key;
		size_t prev;

		if (csvtable_row_blank(r->t, row))
			continue;
		i = rep->nrows++;
		res = &rep->rows[i];
		v = &c->vals[i * ROSTER_NFIELDS];
		res->line = roster_row_line(r, row);
		for (f = 0; f < ROSTER_NFIELDS; f++)
			v[f] = cols[f] < 0 ? NULL : roster_run_clean(c,
			    roster_cell(r, row, (size_t)cols[f]));
		if (org != NULL)
			v[ROSTER_ORGANIZATION] = org;
		toolong = (f = roster_run_toolong(v)) >= 0 ?
		    roster_run_toolong_reason(c, v, f) : NULL;
		if (toolong == NULL)
			toolong = roster_run_role(c, v);
		res->student_id = v[ROSTER_STUDENT_ID] != NULL ?
		    v[ROSTER_STUDENT_ID] : "";
		res->last_name = v[ROSTER_LAST_NAME];
		res->first_name = v[ROSTER_FIRST_NAME] ? v[ROSTER_FIRST_NAME] :
		    "";
		res->organization = v[ROSTER_ORGANIZATION] ?
		    v[ROSTER_ORGANIZATION] : "";
		res->action = ROSTER_NEW;	/* until phase 2 knows */

		if (toolong != NULL)
			res->reason = toolong;
		else if (*res->last_name == '\0' && *res->student_id == '\0')
			res->reason = _("no last name and no student ID");
		else if (*res->last_name == '\0')
			res->reason = _("no last name");
		else if (*res->student_id == '\0' &&
		    (v[ROSTER_ROLE] == NULL || *v[ROSTER_ROLE] == '\0'))
			res->reason = _("no student ID");
		else if (*res->organization == '\0')
			res->reason = _("no organization (give --org or fill "
			    "the organization column)");
		if (res->reason != NULL) {
			res->action = ROSTER_REJECTED;
			continue;
		}

		/* Organization names compare without regard to ASCII case,
		 * as the database does. */
		key = role_row_key(res->organization, res->student_id,
		    res->last_name, res->first_name);
		prev = roster_keys_put(&keys, arena_add(&rep->arena, key,
		    strlen(key)), i);
		free(key);
		if (prev != (size_t)-1) {
			struct roster_result *p = &rep->rows[prev];
			char *why = role_row_again(p->student_id,
			    p->last_name, p->first_name, res->line);

			p->action = ROSTER_DUPLICATE;
			p->reason = arena_add(&rep->arena, why, strlen(why));
			free(why);
		}
	}
	free(keys.key);
	free(keys.idx);
}

/* The id of organization name (0 if it does not exist in a dry run);
 * *made: this import made it, so none of its clients exists yet. */
static int
roster_run_org(struct roster_run_ctx *c, const char *name, long long *id,
    int *made, char **cause)
{
	size_t i;
	int found;

	for (i = 0; i < c->norgs; i++)
		if (strcasecmp(c->orgs[i].name, name) == 0) {
			*id = c->orgs[i].id;
			*made = c->orgs[i].made;
			return 0;
		}
	if ((found = store_org_find(c->st, name, id)) < 0) {
		*cause = xasprintf(_("cannot read organizations: %s"),
		    store_errmsg(c->st));
		return -1;
	}
	if (!found) {
		*id = 0;
		if (c->commit && store_org_add(c->st, name, NULL, id,
		    cause) != 0)
			return -1;
		c->rep->new_orgs = xreallocarray(c->rep->new_orgs,
		    c->rep->nnew_orgs + 1, sizeof *c->rep->new_orgs);
		c->rep->new_orgs[c->rep->nnew_orgs++] = name;
	}
	c->orgs = xreallocarray(c->orgs, c->norgs + 1, sizeof *c->orgs);
	c->orgs[c->norgs].name = name;
	c->orgs[c->norgs].id = *id;
	c->orgs[c->norgs].made = *made = !found;
	c->norgs++;
	return 0;
}

static int
roster_same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* Phase 2: against the studio; writes when committing. */
static int
roster_run_store(struct roster_run_ctx *c, char **cause)
{
	struct roster_report *rep = c->rep;
	size_t i;
	int f;

	for (i = 0; i < rep->nrows; i++) {
		struct roster_result *res = &rep->rows[i];
		const char **v = &c->vals[i * ROSTER_NFIELDS];
		struct client old, nc;
		long long org_id;
		int found, changed = 0, made;

		if (res->action != ROSTER_NEW)
			continue;
		if (roster_run_org(c, res->organization, &org_id, &made,
		    cause) != 0)
			return -1;
		found = 0;
		if (org_id != 0 && !made && (found = *res->student_id != '\0' ?
		    store_client_find(c->st, org_id, res->student_id, &old) :
		    store_client_find_staff(c->st, org_id, res->last_name,
		    res->first_name, &old)) < 0)
			goto dberr;
		/* A teacher first imported without an ID and now with one is
		 * the same person: found by name among the staff without an
		 * ID, and given the ID.  Only for a row that says it is staff:
		 * a student who shares a teacher's name stays a student. */
		if (org_id != 0 && !made && found == 0 &&
		    *res->student_id != '\0' && v[ROSTER_ROLE] != NULL &&
		    *v[ROSTER_ROLE] != '\0' && (found =
		    store_client_find_staff(c->st, org_id, res->last_name,
		    res->first_name, &old)) < 0)
			goto dberr;
		memset(&nc, 0, sizeof nc);
		nc.org_id = org_id;
		nc.id = found ? old.id : 0;
		for (f = 0; f < CLIENT_NFIELDS; f++) {
			const char *nv = v[f];

			if (nv == NULL)		/* column not in the roster */
				nv = found ? old.f[f] : NULL;
			else if (*nv == '\0' && f != CLIENT_FIRST_NAME &&
			    f != CLIENT_LAST_NAME)
				nv = NULL;
			if (found && !roster_same(nv, old.f[f]))
				changed = 1;
			nc.f[f] = (char *)nv;
		}
		if (!found) {
			if (c->commit && store_client_insert(c->st, &nc,
			    &res->client_id) != 0)
				goto dberr;
			if (c->commit && !c->dropped && c->existing >= 0 &&
			    ++c->inserted >= ROSTER_BULK_ROWS &&
			    2 * c->inserted >= c->existing) {
				if (store_client_indexes_drop(c->st,
				    &c->indexes) != 0)
					goto dberr;
				c->dropped = 1;
			}
			continue;
		}
		res->client_id = old.id;
		res->action = changed ? ROSTER_UPDATED : ROSTER_UNCHANGED;
		if (changed && c->commit && store_client_update(c->st,
		    &nc) != 0) {
			client_clear(&old);
			goto dberr;
		}
		client_clear(&old);
	}
	return 0;
dberr:
	*cause = xasprintf(_("%s: line %ld: cannot write the client: %s"),
	    roster_name(c->r), rep->rows[i].line, store_errmsg(c->st));
	return -1;
}

int
roster_run(struct roster *r, struct store *st, const char *org, int commit,
    struct roster_report **out, char **cause)
{
	struct roster_run_ctx c;
	struct roster_report *rep;
	size_t i;
	int rc;

	*out = NULL;
	if (roster_check(r, org, cause) != 0)
		return -1;
	memset(&c, 0, sizeof c);
	c.r = r;
	c.st = st;
	c.commit = commit;
	c.rep = rep = xcalloc(1, sizeof *rep);
	rep->rows = xcalloc(roster_nrows(r) + 1, sizeof *rep->rows);
	c.vals = xcalloc((roster_nrows(r) + 1) * ROSTER_NFIELDS,
	    sizeof *c.vals);
	roster_run_rows(&c, org != NULL && *org != '\0' ? org : NULL);

	/* A dry run reads in one transaction too: one snapshot, and far
	 * fewer lock round trips.  The clients' indexes outgrow SQLite's
	 * default page cache on a large roster. */
	store_begin_bulk(st);
	if ((commit ? store_begin(st) : store_exec(st, "BEGIN")) != 0) {
		*cause = xasprintf(_("the studio database is busy: %s"),
		    store_errmsg(st));
		rc = -1;
		goto out;
	}
	c.existing = commit && rep->nrows >= ROSTER_BULK_ROWS ?
	    store_client_count(st) : -1;
	rc = roster_run_store(&c, cause);
	if (c.dropped && rc == 0) {
		if (store_client_indexes_make(st, c.indexes) != 0) {
			*cause = xasprintf(_("%s: cannot index the clients: "
			    "%s"), roster_name(r), store_errmsg(st));
			rc = -1;
		}
	} else
		store_client_indexes_free(c.indexes);	/* the rollback */
	c.indexes = NULL;
	if (rc == 0 && commit) {
		if (store_commit(st) != 0) {
			*cause = xasprintf(_("%s: cannot commit the import: "
			    "%s"), roster_name(r), store_errmsg(st));
			rc = -1;
		} else
			rep->committed = 1;
	} else
		store_rollback(st);
out:
	store_end_bulk(st);
	free(c.vals);
	free(c.orgs);
	free(c.scratch);
	if (rc != 0) {
		roster_report_free(rep);
		return -1;
	}
	for (i = 0; i < rep->nrows; i++)
		rep->count[rep->rows[i].action]++;
	*out = rep;
	return 0;
}

void
roster_report_free(struct roster_report *rep)
{
	if (rep == NULL)
		return;
	arena_free(rep->arena);
	free(rep->rows);
	free(rep->new_orgs);
	free(rep);
}
