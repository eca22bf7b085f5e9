/*
 * tui/sessions-act: targets of the Sessions hub's actions as session
 * numbers, default output paths, and the scrollable text pane
 * (sessions-act.h).
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/db.h"
#include "store/lists.h"
#include "tui/list.h"
#include "tui/sessions-act.h"
#include "tui/tui.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct numbers {
	long long	*v;
	size_t		 n;
};

static void
numbers_add(struct numbers *nb, long long x)
{
	if ((nb->n & (nb->n - 1)) == 0)
		nb->v = xreallocarray(nb->v, nb->n == 0 ? 1 : nb->n * 2,
		    sizeof *nb->v);
	nb->v[nb->n++] = x;
}

static void
number_detail(const char *label, const char *value, void *arg)
{
	long long *number = arg;

	if (strcmp(label, "number") == 0 && value != NULL)
		*number = strtoll(value, NULL, 10);
}

long long
sess_number(long long id)
{
	long long number = 0;

	if (id > 0)
		lists_detail(tui_store(), LISTS_SESSIONS, id, number_detail,
		    &number);
	return number;
}

static int
target_id(long long id, void *arg)
{
	long long number = sess_number(id);

	if (number > 0)
		numbers_add(arg, number);
	return 0;
}

static int
number_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

long long *
sess_targets(struct list *l, size_t *n)
{
	struct numbers nb = { NULL, 0 };

	list_foreach_target(l, target_id, &nb);
	/* Tags are a set: give them in the list's order, by number. */
	if (nb.n > 1)
		qsort(nb.v, nb.n, sizeof *nb.v, number_cmp);
	*n = nb.n;
	return nb.v;
}

static int
set_row(long long id, const char *const *cols, void *arg)
{
	(void)id;
	if (cols[1] != NULL)
		numbers_add(arg, strtoll(cols[1], NULL, 10));
	return 0;
}

long long *
sess_set(struct list *l, size_t *n, int *all)
{
	const struct lists_filter *f = list_filter(l);
	struct numbers nb = { NULL, 0 };
	long long total;

	*all = 0;
	if (list_ntagged(l) > 0)
		return sess_targets(l, n);
	if ((f->text == NULL || *f->text == '\0') && f->org_id == 0 &&
	    f->status_id == 0) {
		*all = 1;
		*n = 0;
		return NULL;
	}
	total = lists_count(tui_store(), LISTS_SESSIONS);
	if (total > 0)
		lists_range(tui_store(), LISTS_SESSIONS, f, 0, total, 0, -1,
		    set_row, &nb);
	*n = nb.n;
	return nb.v;
}

char *
sess_numbers_text(const long long *v, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_addf(&sb, i > 0 ? ",%lld" : "%lld", v[i]);
	return strbuf_take(&sb);
}

char *
sess_export_path(const char *prefix, const char *ext)
{
	char day[16], *dir, *name, *path;
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	dir = path_join(store_dir(tui_store()), "exports");
	name = xasprintf("%s-%s.%s", prefix, day, ext);
	path = path_join(dir, name);
	free(dir);
	free(name);
	return path;
}

const char *
sess_at(const char *at, char *buf, size_t len)
{
	if (at == NULL)
		at = "";
	if (strlen(at) >= 16 && at[10] == 'T')
		snprintf(buf, len, "%.10s %.5s", at, at + 11);
	else
		snprintf(buf, len, "%s", at);
	return buf;
}

int
sess_mkdir_for(const char *path, char **cause)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash != NULL && slash != dir) {
		*slash = '\0';
		if (path_mkdirs(dir) != 0) {
			*cause = xasprintf(_("cannot make the folder %s: %s"),
			    dir, strerror(errno));
			free(dir);
			return -1;
		}
	}
	free(dir);
	return 0;
}

/* ---- textpane ---- */

void
textpane_add(struct textpane *tp, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		fatal("out of memory");
	va_end(ap);
	tp->lines = xreallocarray(tp->lines, tp->n + 1, sizeof *tp->lines);
	tp->lines[tp->n++] = s;
}

void
textpane_add_text(struct textpane *tp, const char *text)
{
	const char *p = text, *e;
	size_t len;

	while (*p != '\0') {
		e = strchr(p, '\n');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		textpane_add(tp, "%.*s", (int)len, p);
		if (e == NULL)
			break;
		p = e + 1;
	}
}

void
textpane_clear(struct textpane *tp)
{
	int i;

	for (i = 0; i < tp->n; i++)
		free(tp->lines[i]);
	free(tp->lines);
	tp->lines = NULL;
	tp->n = tp->top = 0;
}

void
textpane_draw(struct textpane *tp, int y, int x, int h, int w)
{
	int i;

	if (tp->top > tp->n - h)
		tp->top = tp->n - h > 0 ? tp->n - h : 0;
	for (i = 0; i < h; i++) {
		tui_fill(y + i, x, w, ROLE_NORMAL);
		if (tp->top + i < tp->n)
			tui_put(y + i, x, w - 1, ROLE_NORMAL,
			    tp->lines[tp->top + i]);
	}
	/* A mark at the right edge says more is above or below. */
	if (tp->top > 0)
		tui_put(y, x + w - 1, 1, ROLE_DIM, "↑");
	if (tp->top + h < tp->n)
		tui_put(y + h - 1, x + w - 1, 1, ROLE_DIM, "↓");
}

int
textpane_key(struct textpane *tp, int key, int h)
{
	int max = tp->n - h > 0 ? tp->n - h : 0;

	switch (key) {
	case KEY_UP:
		tp->top--;
		break;
	case KEY_DOWN:
		tp->top++;
		break;
	case KEY_PPAGE:
		tp->top -= h > 1 ? h - 1 : 1;
		break;
	case KEY_NPAGE:
		tp->top += h > 1 ? h - 1 : 1;
		break;
	case KEY_HOME:
		tp->top = 0;
		break;
	case KEY_END:
		tp->top = max;
		break;
	default:
		return 0;
	}
	if (tp->top > max)
		tp->top = max;
	if (tp->top < 0)
		tp->top = 0;
	return 1;
}
