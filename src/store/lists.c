/*
 * store/lists: scans and windows for the TUI's lists (lists.h).
 *
 * A kind is a table with the joins its columns need, a text filter (LIKE
 * terms on ?2), a structured filter (?3 organization, ?4 status) and its
 * orders.  An order is up to three key columns of the table, then the row
 * id; an index on those columns holds it (schema.c, migrations 2 and 3:
 * clients sort by the keys of store/collate.h), so a
 * scan chunk is one index range: "the ?1 rows after key ?5..?8 in this
 * order", read from the index alone when nothing is filtered, else joined
 * row by row to what the filter needs (CROSS JOIN keeps the index order).
 *
 * Row values never meet a NULL key (x > NULL is not true), so an order
 * whose first key may be NULL is walked in two blocks: the rows where it
 * is NULL (first when ascending, last when descending, as SQLite sorts
 * them) by the remaining keys, and the rows where it is not.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/lists.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define LISTS_MAXKEYS	3	/* key columns before the id */
#define LISTS_MAXSORTS	5

struct lists_order {
	const char	*keys[LISTS_MAXKEYS];	/* NULL-terminated */
	int		 col;		/* the lists column it sorts on */
	int		 nullable;	/* keys[0] may be NULL */
	int		 desc;		/* descending unless reversed */
};

struct lists_def {
	const char	*table;
	const char	*alias;
	const char	*cols;		/* SELECT list, row id first */
	const char	*joins;
	const char	*text;		/* OR'ed LIKE terms on ?2 */
	const char	*where;		/* on ?3 ?4, or NULL */
	int		 ncols;
	struct lists_order orders[LISTS_MAXSORTS];
};

#define L(col)	" OR " col " LIKE ?2 ESCAPE '\\'"
/* Names and grades by their sort keys (store/collate.h). */
#define NAME	"name_key"

static const struct lists_def lists_defs[LISTS_NKINDS] = {
	[LISTS_CLIENTS] = { "clients", "c",
	    "c.id, c.last_name, c.first_name, c.student_id, c.grade,"
	    " c.teacher, o.name, c.role",
	    " LEFT JOIN organizations o ON o.id = c.org_id",
	    "0" L("c.last_name") L("c.first_name") L("c.student_id")
	    L("c.grade") L("c.teacher") L("o.name") L("c.role") L("c.title"),
	    "?3 = 0 OR c.org_id = ?3", 8, {
		{ { NAME }, 1, 0, 0 },
		{ { "first_key" }, 2, 0, 0 },
		{ { "student_id" }, 3, 1, 0 },
		{ { "grade_key", NAME }, 4, 1, 0 },
		{ { "teacher", NAME }, 5, 1, 0 } } },
	[LISTS_SESSIONS] = { "sessions", "s",
	    "s.id, s.number, c.last_name, c.first_name, c.student_id,"
	    " o.name, t.name, s.starts_at",
	    " LEFT JOIN clients c ON c.id = s.client_id"
	    " LEFT JOIN organizations o ON o.id = s.org_id"
	    " LEFT JOIN statuses t ON t.id = s.status_id",
	    "0" L("s.number") L("c.last_name") L("c.first_name")
	    L("c.student_id") L("o.name") L("t.name") L("s.starts_at"),
	    "(?3 = 0 OR s.org_id = ?3) AND (?4 = 0 OR s.status_id = ?4)", 8, {
		{ { "number" }, 1, 0, 0 },
		{ { "starts_at", "number" }, 7, 1, 0 } } },
	[LISTS_JOBS] = { "jobs", "j",
	    "j.id, j.id, j.kind, j.state, j.done, j.total, j.attempts,"
	    " j.title, j.last_error", "",
	    "0" L("j.id") L("j.kind") L("j.state") L("j.title")
	    L("j.last_error"), NULL, 9, {
		{ { NULL }, 1, 0, 1 } } },
	[LISTS_ORGS] = { "organizations", "o",
	    "o.id, o.name, o.code,"
	    " (SELECT count(*) FROM clients WHERE org_id = o.id),"
	    " (SELECT count(*) FROM sessions WHERE org_id = o.id)", "",
	    "0" L("o.name") L("o.code"), NULL, 5, {
		{ { "name" }, 1, 0, 0 } } },
	[LISTS_STATUSES] = { "statuses", "t",
	    "t.id, t.position, t.name, t.on_enter,"
	    " (SELECT count(*) FROM sessions WHERE status_id = t.id)", "",
	    "0" L("t.name") L("t.on_enter"), NULL, 5, {
		{ { "position" }, 1, 0, 0 } } },
	[LISTS_INVOICES] = { "invoices", "i",
	    "i.id, i.number, s.number, c.last_name || ', ' || c.first_name,"
	    " i.invoice_date, i.total_cents, i.paid_cents,"
	    " i.total_cents - i.paid_cents",
	    " LEFT JOIN clients c ON c.id = i.client_id"
	    " LEFT JOIN sessions s ON s.id = i.session_id",
	    "0" L("i.number") L("c.last_name") L("c.first_name")
	    L("s.number") L("i.invoice_date"), NULL, 8, {
		{ { "number" }, 1, 0, 0 },
		{ { "invoice_date", "number" }, 4, 1, 0 } } },
	[LISTS_PRICE_ITEMS] = { "price_list_items", "p",
	    "p.id, l.name, p.code, p.name, p.kind, p.price_cents,"
	    " CASE WHEN p.width_in IS NULL THEN NULL ELSE"
	    " printf('%g x %g in', p.width_in, p.height_in) END,"
	    " CASE WHEN p.sheet_width_in IS NULL THEN NULL ELSE"
	    " printf('%g x %g in', p.sheet_width_in, p.sheet_height_in) END,"
	    " p.dpi, coalesce(p.contains, g.scope)",
	    " LEFT JOIN price_lists l ON l.id = p.price_list_id"
	    " LEFT JOIN delivery_grants g ON g.id = p.grant_id",
	    "0" L("p.code") L("p.name") L("p.kind") L("l.name"), NULL, 10, {
		{ { "code", "price_list_id" }, 2, 0, 0 } } },
	[LISTS_PRODUCTION] = { "production_orders", "p",
	    "p.id, p.id, p.state, i.number,"
	    " (SELECT count(*) FROM production_items WHERE order_id = p.id),"
	    " p.created_at, p.rendered_at",
	    " LEFT JOIN invoices i ON i.id = p.invoice_id",
	    "0" L("p.state") L("i.number"), NULL, 7, {
		{ { NULL }, 1, 0, 1 } } },
};

enum { BLOCK_ALL, BLOCK_NULLS, BLOCK_VALUES };
enum { MODE_PLAIN, MODE_WHERE, MODE_TEXT };

#define VARIANT(desc, block, anchored, mode) \
	((((desc) * 3 + (block)) * 2 + (anchored)) * 3 + (mode))

struct lists_scan {
	enum lists_kind	 kind;
	int		 sort, desc, mode;
	int		 block, anchored, done;
	char		*pat;
	long long	 org_id, status_id;
	sqlite3_value	*key[LISTS_MAXKEYS + 1];	/* the keys, the id */
};

/* Built on first use, kept for the life of the program. */
static char	*lists_scan_sqls[LISTS_NKINDS][LISTS_MAXSORTS][LISTS_NVARIANTS];
static char	*lists_rows_sqls[LISTS_NKINDS];

static int
lists_nkeys(const struct lists_order *o)
{
	int n = 0;

	while (n < LISTS_MAXKEYS && o->keys[n] != NULL)
		n++;
	return n;
}

int
lists_ncols(enum lists_kind k)
{
	return lists_defs[k].ncols;
}

int
lists_nsorts(enum lists_kind k)
{
	int n = 0;

	while (n < LISTS_MAXSORTS && lists_defs[k].orders[n].col > 0)
		n++;
	return n;
}

int
lists_sort_col(enum lists_kind k, int sort)
{
	if (sort < 0 || sort >= lists_nsorts(k))
		sort = 0;
	return lists_defs[k].orders[sort].col;
}

long long
lists_count(struct store *st, enum lists_kind k)
{
	static char *sql[LISTS_NKINDS];
	sqlite3_stmt *s;
	long long n = -1;

	if (sql[k] == NULL)
		sql[k] = xasprintf("SELECT count(*) FROM %s",
		    lists_defs[k].table);
	s = store_stmt(st, sql[k]);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}

/*
 * "SELECT id, <keys> FROM <table> WHERE <after the anchor> ORDER BY
 * <keys>, id LIMIT ?1", joined to the filter's tables unless plain.
 * Columns: id, keys, whether the row passes.
 */
static char *
lists_build(const struct lists_def *d, const struct lists_order *o,
    int desc, int block, int anchored, int mode)
{
	struct strbuf sb = STRBUF_INIT;
	const char *dir = desc ? " DESC" : "", *word = " WHERE ";
	int nk = lists_nkeys(o), i, from;

	if (mode != MODE_PLAIN)
		strbuf_addf(&sb, "SELECT x.id");
	else
		strbuf_addf(&sb, "SELECT id");
	for (i = 0; i < nk; i++) {
		if (mode != MODE_PLAIN)
			strbuf_addf(&sb, ", x.k%d", i);
		else
			strbuf_addf(&sb, ", %s", o->keys[i]);
	}
	if (mode == MODE_PLAIN)
		strbuf_addf(&sb, ", 1");
	else if (mode == MODE_WHERE)
		strbuf_addf(&sb, ", (%s) FROM (SELECT id", d->where);
	else
		strbuf_addf(&sb, ", (%s)%s%s%s FROM (SELECT id", d->text,
		    d->where != NULL ? " AND (" : "",
		    d->where != NULL ? d->where : "",
		    d->where != NULL ? ")" : "");
	if (mode != MODE_PLAIN)
		for (i = 0; i < nk; i++)
			strbuf_addf(&sb, ", %s AS k%d", o->keys[i], i);
	strbuf_addf(&sb, " FROM %s", d->table);
	if (block != BLOCK_ALL) {
		strbuf_addf(&sb, " WHERE %s IS %s", o->keys[0],
		    block == BLOCK_NULLS ? "NULL" : "NOT NULL");
		word = " AND ";
	}
	if (anchored) {
		from = block == BLOCK_NULLS ? 1 : 0;
		strbuf_addf(&sb, "%s(", word);
		for (i = from; i < nk; i++)
			strbuf_addf(&sb, "%s, ", o->keys[i]);
		strbuf_addf(&sb, "id) %s (", desc ? "<" : ">");
		for (i = from; i < nk; i++)
			strbuf_addf(&sb, "?%d, ", 5 + i);
		strbuf_addf(&sb, "?%d)", 5 + nk);
	}
	strbuf_addf(&sb, " ORDER BY ");
	for (i = 0; i < nk; i++)
		strbuf_addf(&sb, "%s%s, ", o->keys[i], dir);
	strbuf_addf(&sb, "id%s LIMIT ?1", dir);
	if (mode != MODE_PLAIN)
		strbuf_addf(&sb, ") x CROSS JOIN %s %s ON %s.id = x.id%s",
		    d->table, d->alias, d->alias, d->joins);
	return strbuf_take(&sb);
}

const char *
lists_scan_sql(enum lists_kind k, int sort, int v)
{
	const struct lists_def *d = &lists_defs[k];
	const struct lists_order *o = &d->orders[sort];
	int mode = v % 3, anchored = v / 3 % 2, block = v / 6 % 3;
	int desc = v / 18;

	if (sort < 0 || sort >= lists_nsorts(k) || v < 0 ||
	    v >= LISTS_NVARIANTS)
		return NULL;
	if ((block == BLOCK_ALL) == (o->nullable != 0))
		return NULL;
	if (mode == MODE_WHERE && d->where == NULL)
		return NULL;
	if (lists_scan_sqls[k][sort][v] == NULL)
		lists_scan_sqls[k][sort][v] = lists_build(d, o, desc, block,
		    anchored, mode);
	return lists_scan_sqls[k][sort][v];
}

/* '%text%' with LIKE's own wildcards escaped (caller frees). */
static char *
lists_pattern(const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addc(&sb, '%');
	for (; *text != '\0'; text++) {
		if (*text == '%' || *text == '_' || *text == '\\')
			strbuf_addc(&sb, '\\');
		strbuf_addc(&sb, *text);
	}
	strbuf_addc(&sb, '%');
	return strbuf_take(&sb);
}

struct lists_scan *
lists_scan_new(enum lists_kind k, const struct lists_filter *f)
{
	struct lists_scan *sc = xcalloc(1, sizeof *sc);
	const struct lists_order *o;

	sc->kind = k;
	if (f != NULL) {
		if (f->sort > 0 && f->sort < lists_nsorts(k))
			sc->sort = f->sort;
		if (f->text != NULL && *f->text != '\0')
			sc->pat = lists_pattern(f->text);
		if (lists_defs[k].where != NULL) {
			sc->org_id = f->org_id;
			sc->status_id = f->status_id;
		}
	}
	o = &lists_defs[k].orders[sc->sort];
	sc->desc = o->desc ^ (f != NULL && f->reverse);
	if (sc->pat != NULL)
		sc->mode = MODE_TEXT;
	else if (sc->org_id != 0 || sc->status_id != 0)
		sc->mode = MODE_WHERE;
	else
		sc->mode = MODE_PLAIN;
	/* SQLite sorts NULL first: ascending starts with the NULL block. */
	if (!o->nullable)
		sc->block = BLOCK_ALL;
	else
		sc->block = sc->desc ? BLOCK_VALUES : BLOCK_NULLS;
	return sc;
}

static void
lists_scan_drop_keys(struct lists_scan *sc)
{
	int i;

	for (i = 0; i <= LISTS_MAXKEYS; i++) {
		sqlite3_value_free(sc->key[i]);
		sc->key[i] = NULL;
	}
}

void
lists_scan_free(struct lists_scan *sc)
{
	if (sc == NULL)
		return;
	lists_scan_drop_keys(sc);
	free(sc->pat);
	free(sc);
}

int
lists_scan_done(const struct lists_scan *sc)
{
	return sc->done;
}

/* The end of a block: on to the next one, or done. */
static void
lists_scan_next_block(struct lists_scan *sc)
{
	sc->anchored = 0;
	lists_scan_drop_keys(sc);
	if (sc->block == BLOCK_ALL ||
	    sc->block == (sc->desc ? BLOCK_NULLS : BLOCK_VALUES))
		sc->done = 1;
	else
		sc->block = sc->desc ? BLOCK_NULLS : BLOCK_VALUES;
}

long long
lists_scan(struct store *st, struct lists_scan *sc, long long n,
    lists_id_fn fn, void *arg)
{
	const struct lists_order *o = &lists_defs[sc->kind].orders[sc->sort];
	int nk = lists_nkeys(o), i, rc;
	long long got = 0, want, r;
	sqlite3_stmt *s;

	while (got < n && !sc->done) {
		want = n - got;
		s = store_stmt(st, lists_scan_sql(sc->kind, sc->sort,
		    VARIANT(sc->desc, sc->block, sc->anchored, sc->mode)));
		sqlite3_bind_int64(s, 1, want);
		if (sc->pat != NULL)
			sqlite3_bind_text(s, 2, sc->pat, -1, SQLITE_STATIC);
		/* (Parameters a variant lacks fail to bind, harmlessly.) */
		if (sc->mode != MODE_PLAIN) {
			sqlite3_bind_int64(s, 3, sc->org_id);
			sqlite3_bind_int64(s, 4, sc->status_id);
		}
		if (sc->anchored)
			for (i = sc->block == BLOCK_NULLS ? 1 : 0; i <= nk; i++)
				sqlite3_bind_value(s, 5 + i, sc->key[i]);
		r = 0;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (sqlite3_column_int(s, nk + 1) && fn != NULL)
				fn(sqlite3_column_int64(s, 0), arg);
			if (++r < want)
				continue;
			/* The last row asked for: the next chunk's anchor. */
			lists_scan_drop_keys(sc);
			for (i = 0; i < nk; i++)
				sc->key[i] = sqlite3_value_dup(
				    sqlite3_column_value(s, 1 + i));
			sc->key[nk] = sqlite3_value_dup(
			    sqlite3_column_value(s, 0));
		}
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		if (rc != SQLITE_DONE) {
			sc->done = 1;
			return -1;
		}
		got += r;
		if (r < want)
			lists_scan_next_block(sc);
		else
			sc->anchored = 1;
	}
	return got;
}

long long
lists_rows(struct store *st, enum lists_kind k, const long long *ids,
    long long n, lists_row_fn fn, void *arg)
{
	const struct lists_def *d = &lists_defs[k];
	const char *cols[16];
	sqlite3_stmt *s;
	long long i, got = 0;
	int j, rc, stop = 0;

	if (lists_rows_sqls[k] == NULL)
		lists_rows_sqls[k] = xasprintf("SELECT %s FROM %s %s%s"
		    " WHERE %s.id = ?1", d->cols, d->table, d->alias, d->joins,
		    d->alias);
	s = store_stmt(st, lists_rows_sqls[k]);
	for (i = 0; i < n && !stop; i++) {
		sqlite3_bind_int64(s, 1, ids[i]);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			for (j = 0; j < d->ncols; j++)
				cols[j] = (const char *)sqlite3_column_text(s,
				    j);
			got++;
			stop = fn(ids[i], cols, arg) != 0;
		} else if (rc != SQLITE_DONE) {
			sqlite3_reset(s);
			return -1;
		}
		sqlite3_reset(s);
	}
	return got;
}

struct lists_ids {
	long long	*v;
	long long	 n;
};

static void
lists_ids_add(long long id, void *arg)
{
	struct lists_ids *li = arg;

	if ((li->n & (li->n - 1)) == 0)		/* 0, 1, 2, 4, ... */
		li->v = xreallocarray(li->v, li->n ? li->n * 2 : 1,
		    sizeof *li->v);
	li->v[li->n++] = id;
}

long long
lists_range(struct store *st, enum lists_kind k, const struct lists_filter *f,
    long long off, long long n, long long skip, long long limit,
    lists_row_fn fn, void *arg)
{
	struct lists_scan *sc = lists_scan_new(k, f);
	struct lists_ids li = { NULL, 0 };
	long long got = 0;

	if ((off > 0 && lists_scan(st, sc, off, NULL, NULL) < 0) ||
	    (n > 0 && lists_scan(st, sc, n, lists_ids_add, &li) < 0))
		got = -1;
	else if (limit == 0)
		got = li.n;
	else if (skip < li.n)
		got = lists_rows(st, k, li.v + skip, limit < 0 ||
		    limit > li.n - skip ? li.n - skip : limit, fn, arg);
	lists_scan_free(sc);
	free(li.v);
	return got;
}

static const char *const lists_detail_sql[LISTS_NKINDS] = {
	[LISTS_CLIENTS] = "SELECT c.first_name, c.last_name, c.student_id,"
	    " coalesce(c.role, 'student') AS role, c.title AS title,"
	    " o.name AS organization, c.grade, c.teacher, c.homeroom,"
	    " (SELECT group_concat(number, ' ') FROM sessions"
	    "  WHERE client_id = c.id) AS sessions,"
	    " c.email, c.phone, c.guardian, c.priority AS priority"
	    " FROM clients c LEFT JOIN organizations o ON o.id = c.org_id"
	    " WHERE c.id = ?1",
	[LISTS_SESSIONS] = "SELECT s.number,"
	    " trim(c.first_name || ' ' || c.last_name) || coalesce(' ('"
	    "  || coalesce(c.title, c.role) || ')', '') AS client,"
	    " c.student_id, o.name AS organization, y.name AS type,"
	    " s.starts_at AS time, t.name AS status"
	    " FROM sessions s LEFT JOIN clients c ON c.id = s.client_id"
	    " LEFT JOIN organizations o ON o.id = s.org_id"
	    " LEFT JOIN session_types y ON y.id = s.type_id"
	    " LEFT JOIN statuses t ON t.id = s.status_id WHERE s.id = ?1",
	[LISTS_JOBS] = "SELECT kind, title, state,"
	    " done || ' / ' || total AS progress,"
	    " (SELECT printf('%.1f of %.1f MB, %.1f MB/s%s%s',"
	    "   u.bytes_done / 1e6, max(u.bytes_total, u.bytes_done) / 1e6,"
	    "   u.bytes_done / 1e6 / max(u.updated - u.started, 0.001),"
	    "   CASE WHEN j2.state = 'running' AND u.bytes_done > 0"
	    "    AND u.bytes_total > u.bytes_done THEN printf(', ETA %d:%02d',"
	    "    CAST((u.bytes_total - u.bytes_done) * (u.updated - u.started)"
	    "    / u.bytes_done AS INTEGER) / 60,"
	    "    CAST((u.bytes_total - u.bytes_done) * (u.updated - u.started)"
	    "    / u.bytes_done AS INTEGER) % 60) ELSE '' END,"
	    "   CASE WHEN u.problem IS NOT NULL AND j2.state = 'running'"
	    "    THEN '; retrying: ' || u.problem ELSE '' END)"
	    "  FROM upload_runs u JOIN jobs j2 ON j2.id = u.job_id"
	    "  WHERE u.job_id = jobs.id) AS transfer,"
	    " (SELECT u.sessions FROM upload_runs u WHERE u.job_id = jobs.id)"
	    " AS sessions,"
	    " attempts, last_error FROM jobs WHERE id = ?1",
	[LISTS_ORGS] = "SELECT name, code, created_at FROM organizations"
	    " WHERE id = ?1",
	[LISTS_STATUSES] = "SELECT name, position, on_enter FROM statuses"
	    " WHERE id = ?1",
	[LISTS_INVOICES] = "SELECT i.number, s.number AS session,"
	    " trim(c.first_name || ' ' || c.last_name) || coalesce(' ('"
	    "  || coalesce(c.title, c.role) || ')', '') AS client,"
	    " i.invoice_date AS date,"
	    " (SELECT count(*) FROM invoice_lines l WHERE l.invoice_id = i.id)"
	    " AS lines, i.source FROM invoices i"
	    " LEFT JOIN clients c ON c.id = i.client_id"
	    " LEFT JOIN sessions s ON s.id = i.session_id WHERE i.id = ?1",
	[LISTS_PRICE_ITEMS] = "SELECT p.contains, g.scope AS grant,"
	    " g.long_side,"
	    " (SELECT count(*) FROM invoice_lines x WHERE x.item_id = p.id)"
	    " AS sold FROM price_list_items p"
	    " LEFT JOIN price_lists l ON l.id = p.price_list_id"
	    " LEFT JOIN delivery_grants g ON g.id = p.grant_id WHERE p.id = ?1",
	[LISTS_PRODUCTION] = "SELECT p.state, i.number AS invoice,"
	    " p.created_at, p.rendered_at, p.render_dir AS folder"
	    " FROM production_orders p"
	    " LEFT JOIN invoices i ON i.id = p.invoice_id WHERE p.id = ?1",
};

int
lists_detail(struct store *st, enum lists_kind k, long long id,
    lists_detail_fn fn, void *arg)
{
	sqlite3_stmt *s = store_stmt(st, lists_detail_sql[k]);
	int i, n = 0, rc;

	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		n = sqlite3_column_count(s);
		for (i = 0; i < n; i++)
			fn(sqlite3_column_name(s, i),
			    (const char *)sqlite3_column_text(s, i), arg);
	} else if (rc != SQLITE_DONE)
		n = -1;
	sqlite3_reset(s);
	return n;
}

long long
lists_jobs_active(struct store *st, int max, lists_job_fn fn, void *arg)
{
	sqlite3_stmt *s;
	long long n = -1;

	s = store_stmt(st, "SELECT count(*) FROM jobs"
	    " WHERE state IN ('queued', 'running')");
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (n <= 0 || max <= 0)
		return n;
	s = store_stmt(st, "SELECT id, kind, state, title, done, total"
	    " FROM jobs WHERE state IN ('queued', 'running')"
	    " ORDER BY state = 'running' DESC, id LIMIT ?1");
	sqlite3_bind_int(s, 1, max);
	while (sqlite3_step(s) == SQLITE_ROW)
		fn(sqlite3_column_int64(s, 0),
		    (const char *)sqlite3_column_text(s, 1),
		    (const char *)sqlite3_column_text(s, 2),
		    (const char *)sqlite3_column_text(s, 3),
		    sqlite3_column_int64(s, 4), sqlite3_column_int64(s, 5),
		    arg);
	sqlite3_reset(s);
	return n;
}

long long
lists_jobs_running(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM jobs"
	    " WHERE state = 'running'");
	long long n = -1;

	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}
