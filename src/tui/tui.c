/*
 * tui/tui: what every piece of the terminal interface shares (tui.h):
 * colours and drawing helpers, the stack of modal layers, what to repaint,
 * the message line, the studio connection and the wake-up of the loop.
 *
 * It knows none of the pieces that use it: the main loop (tui/loop.c)
 * owns the hubs and the ncurses session and sets what this file needs
 * (the store, the wake-up pipe, how to reload the hubs) before it runs.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "tui/tui.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static struct {
	struct store		*st;
	int			 dirty;
	int			 quit;
	int			 colour;
	struct tui_layer	*layers;
	char			*msg;
	int			 msg_error;
	void			(*reload)(void);
	unsigned		 gen;
} tui;

/* Read by any thread (tui_wake()), set by the loop. */
static atomic_int	tui_wake_fd = -1;

/* ---- small helpers ---- */

long long
tui_usec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

struct store *
tui_store(void)
{
	return tui.st;
}

void
tui_dirty(int what)
{
	tui.dirty |= what;
}

unsigned
tui_generation(void)
{
	return tui.gen;
}

void
tui_quit(void)
{
	tui.quit = 1;
}

static void
tui_vmessage(int error, const char *fmt, va_list ap)
{
	free(tui.msg);
	tui.msg = xvasprintf(fmt, ap);
	tui.msg_error = error;
	tui_dirty(TUI_DIRTY_STATUS);
}

void
tui_message(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tui_vmessage(0, fmt, ap);
	va_end(ap);
}

void
tui_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tui_vmessage(1, fmt, ap);
	va_end(ap);
}

void
tui_reload_all(void)
{
	if (tui.reload != NULL)
		tui.reload();
	tui_dirty(TUI_DIRTY_ALL);
}

void
tui_push(struct tui_layer *l)
{
	l->below = tui.layers;
	tui.layers = l;
	tui_dirty(TUI_DIRTY_ALL);
}

void
tui_pop(void)
{
	struct tui_layer *l = tui.layers;

	if (l == NULL)
		return;
	tui.layers = l->below;
	l->free(l);
	tui_dirty(TUI_DIRTY_ALL);
}

int
tui_has_layers(void)
{
	return tui.layers != NULL;
}

/* ---- colours ---- */

static const struct {
	short	fg, bg;
	attr_t	colour_attr;
	attr_t	mono;
} tui_roles[ROLE_NROLES] = {
	[ROLE_NORMAL] = { -1, -1, 0, 0 },
	[ROLE_TAB] = { -1, -1, 0, 0 },
	[ROLE_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_HEADER] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_CURSOR] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_TAGGED] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_TAGGED_CURSOR] = { COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_LABEL] = { COLOR_CYAN, -1, 0, A_BOLD },
	[ROLE_STATUS] = { COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE },
	[ROLE_PROGRESS] = { COLOR_GREEN, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_DIM] = { -1, -1, A_DIM, A_DIM },
	[ROLE_FRAME] = { COLOR_CYAN, -1, 0, 0 },
	[ROLE_FIELD] = { COLOR_WHITE, COLOR_BLACK, A_UNDERLINE, A_UNDERLINE },
	[ROLE_FIELD_FOCUS] = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
};

void
tui_colours_start(void)
{
	const char *nc = getenv("NO_COLOR");
	int i;

	/* https://no-color.org: any non-empty value turns colour off. */
	tui.colour = has_colors() && (nc == NULL || *nc == '\0');
	if (!tui.colour)
		return;
	start_color();
	use_default_colors();
	for (i = 1; i < ROLE_NROLES; i++)
		init_pair(i, tui_roles[i].fg, tui_roles[i].bg);
}

attr_t
tui_attr(enum tui_role r)
{
	if (!tui.colour)
		return tui_roles[r].mono;
	if (r == ROLE_NORMAL || (tui_roles[r].fg == -1 && tui_roles[r].bg == -1))
		return tui_roles[r].colour_attr;
	return COLOR_PAIR(r) | tui_roles[r].colour_attr;
}

/* ---- drawing helpers ---- */

void
tui_put(int y, int x, int w, enum tui_role r, const char *s)
{
	char buf[1024];

	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	utf8_fit(buf, sizeof buf, s, w, 0);
	attrset(tui_attr(r));
	mvaddstr(y, x, buf);
	attrset(A_NORMAL);
}

void
tui_fill(int y, int x, int w, enum tui_role r)
{
	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	attrset(tui_attr(r));
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

void
tui_box(int y, int x, int h, int w, const char *title)
{
	int i;

	for (i = 0; i < h; i++)
		tui_fill(y + i, x, w, ROLE_NORMAL);
	attrset(tui_attr(ROLE_FRAME));
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title != NULL) {
		char *t = xasprintf(" %s ", title);

		tui_put(y, x + 2, w - 4, ROLE_HEADER, t);
		free(t);
	}
}

void
tui_bar(int y, int x, int w, long long done, long long total)
{
	char buf[256];
	int i, fill, inner = w - 2;

	if (inner <= 0 || inner >= (int)sizeof buf - 3)
		return;
	fill = total > 0 ? (int)(done * inner / total) : 0;
	if (fill > inner)
		fill = inner;
	buf[0] = '[';
	for (i = 0; i < inner; i++)
		buf[1 + i] = i < fill ? '#' : '.';
	buf[1 + inner] = ']';
	buf[2 + inner] = '\0';
	tui_put(y, x, w, ROLE_PROGRESS, buf);
}

void
tui_wake(void)
{
	int fd = atomic_load(&tui_wake_fd);
	ssize_t n;

	/* Any thread; the pipe's write end is non-blocking, and a full pipe
	 * already holds a wake-up. */
	if (fd < 0)
		return;
	do
		n = write(fd, "w", 1);
	while (n < 0 && errno == EINTR);
}

/* ---- for the main loop (tui/loop.c) ---- */

void
tui_set_store(struct store *st)
{
	tui.st = st;
}

void
tui_set_wake_fd(int fd)
{
	atomic_store(&tui_wake_fd, fd);
}

void
tui_set_reload(void (*reload)(void))
{
	tui.reload = reload;
}

int
tui_dirty_what(void)
{
	return tui.dirty;
}

void
tui_dirty_clear(void)
{
	tui.dirty = 0;
}

void
tui_generation_next(void)
{
	tui.gen++;
}

int
tui_quitting(void)
{
	return tui.quit;
}

struct tui_layer *
tui_top(void)
{
	return tui.layers;
}

const char *
tui_message_text(int *error)
{
	*error = tui.msg_error;
	return tui.msg;
}

void
tui_message_clear(void)
{
	if (tui.msg == NULL)
		return;
	free(tui.msg);
	tui.msg = NULL;
	tui_dirty(TUI_DIRTY_STATUS);
}
