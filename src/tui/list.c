/*
 * tui/list: the generic list widget (list.h).
 *
 * Positions: the list is the ids of its rows in order, read by a scan of
 * the store (store/lists.h) a chunk at a time: as far as the screen needs
 * at once, the rest between keystrokes (list_idle).  Without a filter
 * the scan reads an index alone and the total is known once it ends (a
 * few idle slices for 100,000 rows: a COUNT(*) before the first screen
 * cost more than the screen); with one, the total grows while the scan
 * runs.  The rows on screen are
 * read by id.  The ids take 4 bytes each (8 once one needs it): 400 kB
 * for 100,000 rows.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/list.h"
#include "tui/money.h"
#include "tui/tui.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define LIST_CHUNK_PLAIN	8192	/* rows per scan step: index only */
#define LIST_CHUNK_FILTER	512	/* rows per scan step: joined */
#define LIST_SLICE_USEC		4000	/* scanning per idle slice / key */

struct list_row {
	long long	 id;
	char		**cell;		/* lists_ncols() strings or NULL */
};

/* A set of row ids: open addressing, linear probing, 0 is empty. */
struct tagset {
	long long	*v;
	size_t		 cap, n;
};

/* The ids in order: 32 bits each until one does not fit. */
struct idvec {
	uint32_t	*v32;
	long long	*v64;
	long long	 n, cap;
};

struct list {
	enum lists_kind		 kind;
	const struct list_column *cols;
	int			 ncolumns, ncells;

	struct lists_filter	 f;
	struct strbuf		 text;
	int			 editing;
	int			 sortable;	/* a hub sorts it: arrow */

	long long		 nall;		/* rows in the table, -1: the
						 * scan will tell */
	struct lists_scan	*scan;		/* NULL once read */
	struct idvec		 ids;
	long long		 chunk_usec;	/* the last chunk took */
	long long		 follow;	/* cursor goes to it */
	long long		 follow_row;	/* on this screen row */

	long long		 cursor, top;
	int			 page;		/* rows drawn last time */

	struct list_row		*rows;
	int			 nrows;
	long long		 win_top;	/* position of rows[0] */
	int			 win_stale;

	struct tagset		 tags;

	/* Last drawing, for the two-line repaint of a cursor move. */
	int			 drawn_y, drawn_h, drawn_w;
	long long		 drawn_top, drawn_cursor;
	unsigned		 drawn_gen;
	int			 full;
};

/* ---- tags ---- */

static size_t
tag_slot(const struct tagset *t, long long id)
{
	unsigned long long h = (unsigned long long)id * 0x9e3779b97f4a7c15ULL;

	return (size_t)(h >> 20) & (t->cap - 1);
}

static int
tag_has(const struct tagset *t, long long id)
{
	size_t i;

	if (t->n == 0)
		return 0;
	for (i = tag_slot(t, id); t->v[i] != 0; i = (i + 1) & (t->cap - 1))
		if (t->v[i] == id)
			return 1;
	return 0;
}

static void tag_add(struct tagset *, long long);

static void
tag_grow(struct tagset *t)
{
	long long *old = t->v;
	size_t i, oldcap = t->cap;

	t->cap = t->cap ? t->cap * 2 : 64;
	t->v = xcalloc(t->cap, sizeof *t->v);
	t->n = 0;
	for (i = 0; i < oldcap; i++)
		if (old[i] != 0)
			tag_add(t, old[i]);
	free(old);
}

static void
tag_add(struct tagset *t, long long id)
{
	size_t i;

	if ((t->n + 1) * 2 > t->cap)
		tag_grow(t);
	for (i = tag_slot(t, id); t->v[i] != 0; i = (i + 1) & (t->cap - 1))
		if (t->v[i] == id)
			return;
	t->v[i] = id;
	t->n++;
}

static void
tag_del(struct tagset *t, long long id)
{
	size_t i, j, k;

	if (t->n == 0)
		return;
	for (i = tag_slot(t, id); t->v[i] != id; i = (i + 1) & (t->cap - 1))
		if (t->v[i] == 0)
			return;
	/* Backward-shift deletion keeps every probe chain unbroken. */
	t->v[i] = 0;
	t->n--;
	for (j = (i + 1) & (t->cap - 1); t->v[j] != 0;
	    j = (j + 1) & (t->cap - 1)) {
		k = tag_slot(t, t->v[j]);
		if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
			t->v[i] = t->v[j];
			t->v[j] = 0;
			i = j;
		}
	}
}

static void
tag_clear(struct tagset *t)
{
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* ---- ids ---- */

static long long
idv_get(const struct idvec *iv, long long i)
{
	return iv->v64 != NULL ? iv->v64[i] : (long long)iv->v32[i];
}

static void
idv_add(struct idvec *iv, long long id)
{
	long long i;

	if (iv->v64 == NULL && (id < 0 || id > (long long)UINT32_MAX)) {
		iv->v64 = xreallocarray(NULL, iv->cap > 0 ? iv->cap : 1,
		    sizeof *iv->v64);
		for (i = 0; i < iv->n; i++)
			iv->v64[i] = iv->v32[i];
		free(iv->v32);
		iv->v32 = NULL;
	}
	if (iv->n == iv->cap) {
		iv->cap = iv->cap ? iv->cap * 2 : 1024;
		if (iv->v64 != NULL)
			iv->v64 = xreallocarray(iv->v64, iv->cap,
			    sizeof *iv->v64);
		else
			iv->v32 = xreallocarray(iv->v32, iv->cap,
			    sizeof *iv->v32);
	}
	if (iv->v64 != NULL)
		iv->v64[iv->n++] = id;
	else
		iv->v32[iv->n++] = (uint32_t)id;
}

static void
idv_clear(struct idvec *iv)
{
	free(iv->v32);
	free(iv->v64);
	memset(iv, 0, sizeof *iv);
}

/* ---- window ---- */

static void
list_drop_rows(struct list *l)
{
	int i, j;

	for (i = 0; i < l->nrows; i++) {
		for (j = 0; j < l->ncells; j++)
			free(l->rows[i].cell[j]);
		free(l->rows[i].cell);
	}
	free(l->rows);
	l->rows = NULL;
	l->nrows = 0;
}

static int
list_filtered(const struct list *l)
{
	return l->f.text != NULL || l->f.org_id != 0 || l->f.status_id != 0;
}

/* Row i of the window is ids[win_top + i]; a row deleted since the scan
 * stays blank. */
static int
list_fetch_row(long long id, const char *const *cols, void *arg)
{
	struct list *l = arg;
	struct list_row *r;
	int i, j;

	for (i = 0; i < l->nrows; i++) {
		r = &l->rows[i];
		if (r->id != id || r->cell[0] != NULL)
			continue;
		for (j = 0; j < l->ncells; j++)
			r->cell[j] = cols[j] != NULL ? xstrdup(cols[j]) : NULL;
		break;
	}
	return 0;
}

/* Reads the rows at positions [top, top + page) that the scan has
 * reached. */
static void
list_window(struct list *l)
{
	long long ids[256], end;
	int i, page = l->page > 0 ? l->page : 1;

	if (page > 256)
		page = 256;
	list_drop_rows(l);
	l->win_top = l->top;
	l->full = 1;
	end = l->top + page < l->ids.n ? l->top + page : l->ids.n;
	l->nrows = end > l->top ? (int)(end - l->top) : 0;
	l->rows = xcalloc(l->nrows > 0 ? l->nrows : 1, sizeof *l->rows);
	for (i = 0; i < l->nrows; i++) {
		ids[i] = idv_get(&l->ids, l->top + i);
		l->rows[i].id = ids[i];
		l->rows[i].cell = xcalloc(l->ncells, sizeof *l->rows[i].cell);
	}
	if (l->nrows > 0)
		lists_rows(tui_store(), l->kind, ids, l->nrows,
		    list_fetch_row, l);
	/* Rows may still come from the scan. */
	l->win_stale = l->nrows < page && l->scan != NULL;
}

static void
list_add_id(long long id, void *arg)
{
	struct list *l = arg;

	if (id == l->follow) {
		/* The row the cursor was on, at its new place. */
		l->cursor = l->ids.n;
		l->top = l->cursor - l->follow_row;
		if (l->top < 0)
			l->top = 0;
		l->follow = 0;
		l->win_stale = 1;
	}
	idv_add(&l->ids, id);
}

long long
list_total(struct list *l, int *exact)
{
	if (exact != NULL)
		*exact = l->scan == NULL || (!list_filtered(l) &&
		    l->nall >= 0);
	if (l->scan == NULL || list_filtered(l))
		return l->ids.n;
	return l->nall > l->ids.n ? l->nall : l->ids.n;
}

/* Keeps the cursor inside the list and on screen. */
static void
list_clamp(struct list *l)
{
	long long total = list_total(l, NULL);
	int page = l->page > 0 ? l->page : 1;

	if (l->cursor >= total)
		l->cursor = total - 1;
	if (l->cursor < 0)
		l->cursor = 0;
	if (l->cursor < l->top)
		l->top = l->cursor;
	if (l->cursor >= l->top + page)
		l->top = l->cursor - page + 1;
	if (l->top > 0 && l->top + page > total)
		l->top = total > page ? total - page : 0;
}

/*
 * Scans on until the order is read, or `usec` have passed (0: no limit),
 * or the list holds `need` rows (0: no such goal) and, if time is
 * limited, the row the cursor follows has come.  A chunk is not begun
 * when the last one says it would overrun the time.  Nonzero while work
 * is left.
 */
static int
list_scan_some(struct list *l, long long usec, long long need)
{
	long long start = tui_usec(), t, before = l->ids.n, got, chunks = 0;
	long long chunk = list_filtered(l) ? LIST_CHUNK_FILTER :
	    LIST_CHUNK_PLAIN;

	/* The screen waits for no more rows than it shows (and a few):
	 * the rest of the index comes in the background. */
	if (!list_filtered(l) && usec == 0 && need > 0 &&
	    need - l->ids.n + 64 < chunk)
		chunk = need - l->ids.n + 64;
	int following = l->follow != 0;

	while (l->scan != NULL) {
		if (need > 0 && l->ids.n >= need &&
		    (l->follow == 0 || usec == 0))
			break;
		/* The followed row has come: show it first. */
		if (following && l->follow == 0 &&
		    l->ids.n >= l->top + (l->page > 0 ? l->page : 1))
			break;
		/* One chunk per slice at least: a chunk slower than the
		 * slice (a loaded machine) would otherwise stop the scan for
		 * good, the total never known. */
		t = tui_usec();
		if (usec > 0 && chunks > 0 && t - start + l->chunk_usec > usec)
			break;
		chunks++;
		got = lists_scan(tui_store(), l->scan, chunk, list_add_id, l);
		l->chunk_usec = tui_usec() - t;
		if (got < chunk) {
			/* Read to the end (or an error: what we have). */
			lists_scan_free(l->scan);
			l->scan = NULL;
			l->follow = 0;
			if (!list_filtered(l))
				l->nall = l->ids.n;
		}
	}
	if (following && l->follow == 0)
		list_clamp(l);		/* the cursor has found its row */
	if (l->ids.n != before || l->scan == NULL) {
		tui_dirty(TUI_DIRTY_STATUS);
		if (l->follow == 0 && (l->win_stale || l->nrows < l->page ||
		    l->top != l->win_top)) {
			list_window(l);
			tui_dirty(TUI_DIRTY_HUB);
		}
	}
	return l->scan != NULL;
}

/* Starts reading the order again (the filter, the sort or the data
 * changed). */
static void
list_rescan(struct list *l, int table_changed)
{
	if (table_changed || l->nall <= 0)
		l->nall = -1;		/* until the scan ends */
	lists_scan_free(l->scan);
	idv_clear(&l->ids);
	l->scan = lists_scan_new(l->kind, &l->f);
	l->chunk_usec = 0;
	l->win_stale = 1;
}


/* Keeps the cursor inside the list and on screen; reads what the screen
 * needs (all of it without a filter: an index scan; with one, as much as
 * a keystroke may take, the rest in the background).  A row the cursor
 * follows is looked for as long as a keystroke may take, then in the
 * background: the cursor moves to it when it comes. */
static void
list_settle(struct list *l)
{
	int page = l->page > 0 ? l->page : 1;

	if (l->scan != NULL && (l->ids.n < l->top + page || l->follow))
		list_scan_some(l, list_filtered(l) || l->follow ?
		    LIST_SLICE_USEC : 0, l->top + page);
	if (l->follow != 0) {
		/* The rows on screen stay until the followed one comes. */
		tui_dirty(TUI_DIRTY_HUB | TUI_DIRTY_STATUS);
		return;
	}
	list_clamp(l);
	if (l->scan != NULL && l->ids.n < l->top + page &&
	    !list_filtered(l))
		list_scan_some(l, 0, l->top + page);
	if (l->top != l->win_top || l->win_stale)
		list_window(l);
	tui_dirty(TUI_DIRTY_HUB | TUI_DIRTY_STATUS);
}

/* ---- public ---- */

struct list *
list_new(enum lists_kind kind, const struct list_column *cols, int ncolumns)
{
	struct list *l = xcalloc(1, sizeof *l);

	l->kind = kind;
	l->cols = cols;
	l->ncolumns = ncolumns;
	l->ncells = lists_ncols(kind);
	l->win_top = -1;
	l->full = 1;
	return l;
}

void
list_free(struct list *l)
{
	if (l == NULL)
		return;
	list_drop_rows(l);
	tag_clear(&l->tags);
	strbuf_free(&l->text);
	lists_scan_free(l->scan);
	idv_clear(&l->ids);
	free(l);
}

void
list_set_where(struct list *l, long long org_id, long long status_id)
{
	l->f.org_id = org_id;
	l->f.status_id = status_id;
	l->cursor = l->top = 0;
	l->follow = 0;
	list_rescan(l, 0);
	list_settle(l);
}

const struct lists_filter *
list_filter(struct list *l)
{
	return &l->f;
}

/* The cursor follows its row through a re-sort: it moves when the scan
 * meets the row. */
static void
list_follow_current(struct list *l)
{
	l->follow = list_current(l);
	l->follow_row = l->cursor - l->top;
}

void
list_reload(struct list *l)
{
	l->follow = 0;
	list_rescan(l, 1);
	list_settle(l);
}

void
list_set_sort(struct list *l, int sort, int reverse)
{
	l->sortable = 1;
	if (sort < 0 || sort >= lists_nsorts(l->kind))
		sort = 0;
	if (sort == l->f.sort && (reverse != 0) == (l->f.reverse != 0) &&
	    l->scan == NULL && l->ids.n > 0)
		return;
	l->f.sort = sort;
	l->f.reverse = reverse != 0;
	if (l->nall == 0 && l->ids.n == 0 && l->scan == NULL)
		return;		/* not read yet: the first reload will */
	list_follow_current(l);
	list_rescan(l, 0);
	list_settle(l);
}

int
list_sort(struct list *l, int *reverse)
{
	if (reverse != NULL)
		*reverse = l->f.reverse;
	return l->f.sort;
}

/* The title of the column a sort is on. */
static const char *
list_sort_title(struct list *l, int sort)
{
	int c, col = lists_sort_col(l->kind, sort);

	for (c = 0; c < l->ncolumns; c++)
		if (l->cols[c].col == col)
			return _(l->cols[c].title);
	return "?";
}

void
list_sort_cycle(struct list *l, int reverse)
{
	if (reverse)
		list_set_sort(l, l->f.sort, !l->f.reverse);
	else
		list_set_sort(l, (l->f.sort + 1) % lists_nsorts(l->kind), 0);
	tui_message(_("Sorted by %s, %s"), list_sort_title(l, l->f.sort),
	    l->f.reverse ? _("descending") : _("ascending"));
}

static void
list_apply_text(struct list *l)
{
	l->f.text = l->text.len > 0 ? strbuf_str(&l->text) : NULL;
	l->cursor = l->top = 0;
	l->follow = 0;
	list_rescan(l, 0);
	list_settle(l);
}

int
list_idle(struct list *l)
{
	if (l->scan == NULL)
		return 0;
	return list_scan_some(l, LIST_SLICE_USEC, 0);
}

long long
list_current(struct list *l)
{
	if (l->follow != 0)
		return l->follow;	/* on its way to its new place */
	if (l->cursor < 0 || l->cursor >= l->ids.n)
		return 0;
	return idv_get(&l->ids, l->cursor);
}

long long
list_ntagged(struct list *l)
{
	return (long long)l->tags.n;
}

int
list_is_tagged(struct list *l, long long id)
{
	return tag_has(&l->tags, id);
}

void
list_untag_all(struct list *l)
{
	tag_clear(&l->tags);
	l->full = 1;
	tui_dirty(TUI_DIRTY_HUB | TUI_DIRTY_STATUS);
}

int
list_editing(struct list *l)
{
	return l->editing;
}

const char *
list_filter_text(struct list *l)
{
	return strbuf_str(&l->text);
}

long long
list_foreach_target(struct list *l, int (*fn)(long long, void *), void *arg)
{
	long long n = 0, cur;
	size_t i;

	if (l->tags.n == 0) {
		if ((cur = list_current(l)) == 0)
			return 0;
		fn(cur, arg);
		return 1;
	}
	for (i = 0; i < l->tags.cap; i++) {
		if (l->tags.v[i] == 0)
			continue;
		n++;
		if (fn(l->tags.v[i], arg) != 0)
			break;
	}
	return n;
}

/* `a`: tags every row that passes the filter, or untags all when that is
 * what is tagged already. */
static void
list_tag_all(struct list *l)
{
	long long i, total;

	while (l->scan != NULL)
		list_scan_some(l, 0, 0);
	total = list_total(l, NULL);
	if (total > 0 && (long long)l->tags.n >= total) {
		list_untag_all(l);
		return;
	}
	for (i = 0; i < l->ids.n; i++)
		tag_add(&l->tags, idv_get(&l->ids, i));
	l->full = 1;
	tui_dirty(TUI_DIRTY_HUB | TUI_DIRTY_STATUS);
}

static void
list_toggle(struct list *l, long long id, int on)
{
	if (id == 0)
		return;
	if (on)
		tag_add(&l->tags, id);
	else
		tag_del(&l->tags, id);
	l->full = 1;
}

static int
list_edit_key(struct list *l, int key)
{
	int c = tui_key_char(key);
	size_t n;

	if (key == TUI_ESC) {
		l->editing = 0;
		strbuf_reset(&l->text);
		list_apply_text(l);
	} else if (key == '\n' || key == '\r' || key == KEY_ENTER) {
		l->editing = 0;
	} else if (key == KEY_BACKSPACE || key == 127 || key == '\b') {
		n = utf8_last_len(strbuf_str(&l->text), l->text.len);
		if (n > 0) {
			l->text.len -= n;
			l->text.s[l->text.len] = '\0';
			list_apply_text(l);
		}
	} else if (c >= 0) {
		char mb[8];
		mbstate_t ps;
		size_t r;

		memset(&ps, 0, sizeof ps);
		r = wcrtomb(mb, (wchar_t)c, &ps);
		if (r != (size_t)-1) {
			strbuf_add(&l->text, mb, r);
			list_apply_text(l);
		}
	} else
		return TUI_NOT_MINE;
	tui_dirty(TUI_DIRTY_STATUS | TUI_DIRTY_HUB);
	return TUI_HANDLED;
}

int
list_key(struct list *l, int key)
{
	int page = l->page > 0 ? l->page : 1;

	if (l->editing)
		return list_edit_key(l, key);
	/* A key for the list while the cursor is on its way to its row
	 * after a re-sort: the row first. */
	if (l->follow != 0 && keys_action(key, SCOPE_LIST) != ACT_NONE) {
		while (l->follow != 0 && l->scan != NULL)
			list_scan_some(l, 0, 0);
		list_settle(l);
	}
	switch (keys_action(key, SCOPE_LIST)) {
	case ACT_UP:
		l->cursor--;
		break;
	case ACT_DOWN:
		l->cursor++;
		break;
	case ACT_PAGE_UP:
		l->cursor -= page;
		l->top -= page;
		if (l->top < 0)
			l->top = 0;
		break;
	case ACT_PAGE_DOWN:
		l->cursor += page;
		if (l->cursor < list_total(l, NULL))
			l->top += page;
		break;
	case ACT_FIRST:
		l->cursor = 0;
		break;
	case ACT_LAST:
		if (!list_filtered(l))		/* the end is the total */
			while (l->scan != NULL)
				list_scan_some(l, 0, 0);
		l->cursor = list_total(l, NULL) - 1;
		break;
	case ACT_TAG:
		list_toggle(l, list_current(l), !tag_has(&l->tags,
		    list_current(l)));
		l->cursor++;
		break;
	case ACT_TAG_UP:
	case ACT_TAG_DOWN:
		list_toggle(l, list_current(l), 1);
		l->cursor += keys_action(key, SCOPE_LIST) == ACT_TAG_UP ?
		    -1 : 1;
		list_settle(l);
		list_toggle(l, list_current(l), 1);
		break;
	case ACT_TAG_ALL:
		list_tag_all(l);
		break;
	case ACT_FILTER:
		l->editing = 1;
		tui_dirty(TUI_DIRTY_STATUS);
		return TUI_HANDLED;
	case ACT_CLEAR_FILTER:
		if (l->text.len == 0)
			return TUI_NOT_MINE;
		strbuf_reset(&l->text);
		list_apply_text(l);
		return TUI_HANDLED;
	default:
		return TUI_NOT_MINE;
	}
	list_settle(l);
	return TUI_HANDLED;
}

/* ---- drawing ---- */

/* Column widths for w columns: minimums, then the spare to the growers. */
static void
list_widths(struct list *l, int w, int *cw)
{
	int i, used = 2, grow = 0, spare;

	for (i = 0; i < l->ncolumns; i++) {
		cw[i] = l->cols[i].width;
		used += cw[i] + (i > 0);
		grow += l->cols[i].grow;
	}
	spare = w - used;
	for (i = 0; i < l->ncolumns && spare > 0 && grow > 0; i++)
		cw[i] += spare * l->cols[i].grow / grow;
	/* Too narrow: crop from the last column. */
	for (i = l->ncolumns - 1; i >= 0 && used > w; i--) {
		int cut = used - w < cw[i] ? used - w : cw[i];

		cw[i] -= cut;
		used -= cut;
	}
}

static void
list_draw_line(struct list *l, int y, int w, const int *cw, long long pos)
{
	long long i = pos - l->win_top;
	struct list_row *r;
	enum tui_role role;
	int tagged, x, c, pad;
	char buf[512];

	if (i < 0 || i >= l->nrows) {
		tui_fill(y, 0, w, ROLE_NORMAL);
		return;
	}
	r = &l->rows[i];
	tagged = tag_has(&l->tags, r->id);
	if (pos == l->cursor)
		role = tagged ? ROLE_TAGGED_CURSOR : ROLE_CURSOR;
	else
		role = tagged ? ROLE_TAGGED : ROLE_NORMAL;
	tui_fill(y, 0, w, role);
	tui_put(y, 0, 2, role, tagged ? "* " : "  ");
	x = 2;
	for (c = 0; c < l->ncolumns; c++) {
		const char *v = r->cell[l->cols[c].col];

		if (cw[c] <= 0)
			continue;
		if (v == NULL)
			v = "";
		else if (l->cols[c].right == LIST_MONEY) {
			tui_money(strtoll(v, NULL, 10), buf, sizeof buf);
			v = buf;
		}
		if (l->cols[c].right) {
			pad = cw[c] - utf8_width(v);
			if (pad > 0) {
				tui_put(y, x + pad, cw[c] - pad, role, v);
			} else
				tui_put(y, x, cw[c], role, v);
		} else
			tui_put(y, x, cw[c], role, v);
		x += cw[c] + 1;
	}
}

/* A column title; the sorted column gets an arrow that always shows. */
static void
list_draw_title(struct list *l, int y, int x, int w, int c)
{
	const char *title = _(l->cols[c].title);
	int tw;

	if (w <= 0)
		return;
	if (!l->sortable ||
	    l->cols[c].col != lists_sort_col(l->kind, l->f.sort)) {
		tui_put(y, x, w, ROLE_HEADER, title);
		return;
	}
	tw = utf8_width(title);
	if (tw > w - 1)
		tw = w - 1;
	tui_put(y, x, tw, ROLE_HEADER, title);
	tui_put(y, x + tw, 1, ROLE_HEADER, l->f.reverse ? "↓" : "↑");
}

void
list_draw(struct list *l, int y, int h, int w)
{
	int cw[32], i, x, c, exact;
	char buf[128];

	list_widths(l, w, cw);
	if (h - 1 != l->page) {
		l->page = h - 1 > 0 ? h - 1 : 1;
		l->win_stale = 1;
		list_settle(l);
		l->full = 1;
	}
	if (!l->full && l->drawn_gen == tui_generation() && y == l->drawn_y && h == l->drawn_h &&
	    w == l->drawn_w && l->top == l->drawn_top) {
		/* A cursor move: repaint the two lines. */
		if (l->drawn_cursor != l->cursor)
			list_draw_line(l, y + 1 + (int)(l->drawn_cursor -
			    l->top), w, cw, l->drawn_cursor);
		list_draw_line(l, y + 1 + (int)(l->cursor - l->top), w, cw,
		    l->cursor);
		l->drawn_cursor = l->cursor;
		return;
	}
	tui_fill(y, 0, w, ROLE_HEADER);
	x = 2;
	for (c = 0; c < l->ncolumns; c++) {
		list_draw_title(l, y, x, cw[c], c);
		x += cw[c] + 1;
	}
	for (i = 0; i < h - 1; i++)
		list_draw_line(l, y + 1 + i, w, cw, l->top + i);
	if (list_total(l, &exact) == 0 && exact) {
		if (l->f.text != NULL)
			snprintf(buf, sizeof buf, _("(nothing matches \"%s\")"),
			    l->f.text);
		else if (list_filtered(l))
			snprintf(buf, sizeof buf, "%s",
			    _("(nothing matches the filter)"));
		else
			snprintf(buf, sizeof buf, "%s", _("(no rows yet)"));
		tui_put(y + 1, 2, w - 2, ROLE_DIM, buf);
	}
	l->drawn_y = y;
	l->drawn_h = h;
	l->drawn_w = w;
	l->drawn_top = l->top;
	l->drawn_cursor = l->cursor;
	l->drawn_gen = tui_generation();
	l->full = 0;
}
