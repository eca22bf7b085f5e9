/*
 * tui/list: the generic list widget (list.h).
 *
 * Positions: the unfiltered order has nall rows.  Without a filter the
 * window at position p is the range [p, p + h) of the order.  With one,
 * the order is cut into chunks of LIST_CHUNK rows and cum[k] is the number
 * of matches before chunk k; chunks are counted in slices (list_idle), and
 * the window at filtered position p reads only the chunks that hold it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/list.h"
#include "tui/tui.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define LIST_CHUNK	2048
#define LIST_SLICE_USEC	6000	/* counting per idle slice / keystroke */

struct list_row {
	long long	 id;
	char		**cell;		/* lists_ncols() strings or NULL */
};

/* A set of row ids: open addressing, linear probing, 0 is empty. */
struct tagset {
	long long	*v;
	size_t		 cap, n;
};

struct list {
	enum lists_kind		 kind;
	const struct list_column *cols;
	int			 ncolumns, ncells;

	struct lists_filter	 f;
	struct strbuf		 text;
	int			 editing;

	long long		 nall;
	long long		*cum;		/* nchunks + 1 */
	long long		 nchunks, ncounted;

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

struct list_fetch {
	struct list	*l;
	int		 want;
};

static int
list_fetch_row(long long id, const char *const *cols, void *arg)
{
	struct list_fetch *lf = arg;
	struct list *l = lf->l;
	struct list_row *r;
	int j;

	l->rows = xreallocarray(l->rows, l->nrows + 1, sizeof *l->rows);
	r = &l->rows[l->nrows++];
	r->id = id;
	r->cell = xcalloc(l->ncells, sizeof *r->cell);
	for (j = 0; j < l->ncells; j++)
		r->cell[j] = cols[j] != NULL ? xstrdup(cols[j]) : NULL;
	return l->nrows >= lf->want;
}

static int
list_filtered(const struct list *l)
{
	return l->f.text != NULL || l->f.org_id != 0 || l->f.status_id != 0;
}

/* Reads the rows at positions [top, top + page). */
static void
list_fetch(struct list *l)
{
	struct store *st = tui_store();
	struct list_fetch lf = { l, l->page > 0 ? l->page : 1 };
	long long k, skip;

	list_drop_rows(l);
	l->win_top = l->top;
	l->win_stale = 0;
	l->full = 1;
	if (!list_filtered(l)) {
		lists_range(st, l->kind, NULL, l->top, lf.want, 0, lf.want,
		    list_fetch_row, &lf);
		return;
	}
	for (k = 0; k < l->ncounted && l->nrows < lf.want; k++) {
		if (l->cum[k + 1] <= l->top || l->cum[k + 1] == l->cum[k])
			continue;
		skip = l->top > l->cum[k] ? l->top - l->cum[k] : 0;
		lists_range(st, l->kind, &l->f, k * LIST_CHUNK, LIST_CHUNK,
		    skip, lf.want - l->nrows, list_fetch_row, &lf);
	}
	/* Rows may still sit in chunks not counted yet. */
	if (l->nrows < lf.want && l->ncounted < l->nchunks)
		l->win_stale = 1;
}

/* Counts chunks until done or `usec` have passed (0: no limit). */
static int
list_count_some(struct list *l, long long usec)
{
	long long start = tui_usec(), n, before = l->ncounted;

	while (l->ncounted < l->nchunks) {
		n = lists_range(tui_store(), l->kind, &l->f,
		    l->ncounted * LIST_CHUNK, LIST_CHUNK, 0, 0, NULL, NULL);
		if (n < 0)
			n = 0;
		l->cum[l->ncounted + 1] = l->cum[l->ncounted] + n;
		l->ncounted++;
		if (usec > 0 && tui_usec() - start >= usec)
			break;
		/* While a key waits, a full first page is enough. */
		if (usec > 0 && l->cum[l->ncounted] >= l->top + l->page &&
		    l->win_stale)
			break;
	}
	if (l->ncounted != before) {
		tui_dirty(TUI_DIRTY_STATUS);
		if (l->win_stale || l->nrows < l->page) {
			list_fetch(l);
			tui_dirty(TUI_DIRTY_HUB);
		}
	}
	return l->ncounted < l->nchunks;
}

/* Starts counting from scratch (the filter or the data changed). */
static void
list_recount(struct list *l, long long usec, int table_changed)
{
	if (table_changed || l->nall == 0) {
		l->nall = lists_count(tui_store(), l->kind);
		if (l->nall < 0)
			l->nall = 0;
	}
	free(l->cum);
	l->cum = NULL;
	l->nchunks = l->ncounted = 0;
	if (list_filtered(l)) {
		l->nchunks = (l->nall + LIST_CHUNK - 1) / LIST_CHUNK;
		l->cum = xcalloc(l->nchunks + 1, sizeof *l->cum);
		l->win_stale = 1;
		list_count_some(l, usec);
	}
}

long long
list_total(struct list *l, int *exact)
{
	if (exact != NULL)
		*exact = !list_filtered(l) || l->ncounted == l->nchunks;
	return list_filtered(l) ? l->cum[l->ncounted] : l->nall;
}

/* Keeps the cursor inside the list and on screen; refetches if needed. */
static void
list_settle(struct list *l)
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
	if (l->top != l->win_top || l->win_stale)
		list_fetch(l);
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
	free(l->cum);
	free(l);
}

void
list_set_where(struct list *l, long long org_id, long long status_id)
{
	l->f.org_id = org_id;
	l->f.status_id = status_id;
	l->cursor = l->top = 0;
	list_recount(l, LIST_SLICE_USEC, 0);
	list_fetch(l);
	list_settle(l);
}

const struct lists_filter *
list_filter(struct list *l)
{
	return &l->f;
}

void
list_reload(struct list *l)
{
	list_recount(l, 0, 1);
	list_fetch(l);
	list_settle(l);
}

static void
list_apply_text(struct list *l)
{
	l->f.text = l->text.len > 0 ? strbuf_str(&l->text) : NULL;
	l->cursor = l->top = 0;
	list_recount(l, LIST_SLICE_USEC, 0);
	list_fetch(l);
	list_settle(l);
}

int
list_idle(struct list *l)
{
	if (!list_filtered(l) || l->ncounted >= l->nchunks)
		return 0;
	return list_count_some(l, LIST_SLICE_USEC);
}

long long
list_current(struct list *l)
{
	long long i = l->cursor - l->win_top;

	if (i < 0 || i >= l->nrows)
		return 0;
	return l->rows[i].id;
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

static int
list_tag_row(long long id, const char *const *cols, void *arg)
{
	tag_add(arg, id);
	return 0;
}

/* `a`: tags every row that passes the filter, or untags all when that is
 * what is tagged already. */
static void
list_tag_all(struct list *l)
{
	long long k, total;

	if (list_filtered(l))
		list_count_some(l, 0);
	total = list_total(l, NULL);
	if (total > 0 && (long long)l->tags.n >= total) {
		list_untag_all(l);
		return;
	}
	if (!list_filtered(l))
		lists_range(tui_store(), l->kind, NULL, 0, l->nall, 0, -1,
		    list_tag_row, &l->tags);
	else
		for (k = 0; k < l->nchunks; k++)
			if (l->cum[k + 1] != l->cum[k])
				lists_range(tui_store(), l->kind, &l->f,
				    k * LIST_CHUNK, LIST_CHUNK, 0, -1,
				    list_tag_row, &l->tags);
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
		if (l->cols[c].right) {
			pad = cw[c] - utf8_width(v);
			if (pad > 0) {
				tui_put(y, x + pad, cw[c] - pad, role, v);
			} else
				tui_put(y, x, cw[c], role, v);
		} else
			tui_put(y, x, cw[c], role, v);
		(void)buf;
		x += cw[c] + 1;
	}
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
		if (cw[c] > 0)
			tui_put(y, x, cw[c], ROLE_HEADER, _(l->cols[c].title));
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
