/*
 * tui/tui: what the pieces of the terminal interface share (tui.c).  The
 * main loop (tui/loop.c) is above it; tui.c knows none of its users.
 *
 * Threads: everything in src/tui/ runs on the UI thread, the only thread
 * that calls ncurses.  Workers reach it by writing a byte to the wake-up
 * pipe that the main loop polls beside the keyboard and the SIGWINCH pipe.
 *
 * The screen: row 0 the hub tabs, then the current hub (its list and its
 * detail pane), then the status line (tags, filter, running jobs with
 * progress bars) and the message line.  Modal layers (dialogs, forms,
 * wizards) push on a stack above the hub and run in the same loop: the
 * top layer gets every key and is drawn last.
 *
 * Redraw: pieces mark what changed with tui_dirty(); the loop repaints
 * only that and calls doupdate() once per iteration.
 *
 * Keys: one X-macro table (tui/keys.h) maps keys to actions per scope and
 * feeds the help screen.  A key goes to the focused pane (the list), then
 * the hub, then the global table; each answers TUI_NOT_MINE to pass it on.
 */
#ifndef PICDAY_TUI_TUI_H
#define PICDAY_TUI_TUI_H

#include <curses.h>

#include "tui/keys.h"

struct store;
struct list;

#define TUI_HANDLED	1
#define TUI_NOT_MINE	0

/* Colours by semantic role; with NO_COLOR, reverse/bold/underline. */
enum tui_role {
	ROLE_NORMAL,
	ROLE_TAB,
	ROLE_TAB_ACTIVE,
	ROLE_HEADER,
	ROLE_CURSOR,
	ROLE_TAGGED,
	ROLE_TAGGED_CURSOR,
	ROLE_LABEL,
	ROLE_STATUS,
	ROLE_PROGRESS,
	ROLE_ERROR,
	ROLE_DIM,
	ROLE_FRAME,
	ROLE_FIELD,
	ROLE_FIELD_FOCUS,
	ROLE_NROLES
};
attr_t		 tui_attr(enum tui_role);

/* What to repaint at the next loop iteration. */
#define TUI_DIRTY_TABS		0x1
#define TUI_DIRTY_HUB		0x2
#define TUI_DIRTY_STATUS	0x4
#define TUI_DIRTY_LAYERS	0x8
#define TUI_DIRTY_ALL		0xff
void		 tui_dirty(int what);
/* Wakes the UI loop from any thread (workers, scans, Group Capture): it
 * redraws the status line and the hub, and reloads the hub once a job has
 * finished.  Never calls ncurses itself. */
void		 tui_wake(void);
/* Bumped whenever the whole screen is repainted: a widget that repaints
 * only what moved must repaint everything when this changed. */
unsigned	 tui_generation(void);

/* A hub: one tab (tui/hub-*.c).  The hub owns its list and state. */
struct hub {
	const char	*name;		/* tab title, translated at draw time */
	enum tui_scope	 scope;		/* its rows in the key table */
	const char	*help;		/* one line for the help screen */
	void		(*init)(struct hub *);	/* once, after the store opens */
	void		(*free)(struct hub *);
	/* Draws into the area [y, y + h) x [0, w) of stdscr. */
	void		(*draw)(struct hub *, int y, int h, int w);
	/* A key the focused pane passed on; act is the key's action in
	 * this hub's scope (ACT_NONE if none).  TUI_HANDLED or
	 * TUI_NOT_MINE. */
	int		(*key)(struct hub *, int key, enum tui_action act);
	/* The data may have changed (a job moved, a write was made). */
	void		(*reload)(struct hub *);
	/* The list the status line reports on, or NULL. */
	struct list	*(*list)(struct hub *);
	void		*data;
};

/* A modal layer (dialog.c, form.c, steps.c). */
struct tui_layer {
	void		(*draw)(struct tui_layer *);
	/* Every key while on top; returns TUI_HANDLED (a layer may pop
	 * itself inside). */
	int		(*key)(struct tui_layer *, int key);
	void		(*free)(struct tui_layer *);
	struct tui_layer *below;
};
void		 tui_push(struct tui_layer *);
/* Pops and frees the top layer. */
void		 tui_pop(void);
int		 tui_has_layers(void);

/* The studio connection of the UI thread. */
struct store	*tui_store(void);
/* A one-line message on the message line (until the next key). */
void		 tui_message(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
void		 tui_error(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* Every hub reloads (after a write). */
void		 tui_reload_all(void);
/* Asks to leave the main loop. */
void		 tui_quit(void);

/* Drawing helpers: text cropped/padded to w columns at (y, x). */
void		 tui_put(int y, int x, int w, enum tui_role, const char *s);
void		 tui_fill(int y, int x, int w, enum tui_role);
/* A framed box with a title; returns nothing, draws on stdscr. */
void		 tui_box(int y, int x, int h, int w, const char *title);
/* A progress bar [#####.....] of w columns. */
void		 tui_bar(int y, int x, int w, long long done, long long total);

/* Trace (PICDAY_TUI_TRACE): monotonic microseconds. */
long long	 tui_usec(void);

/* ---- for the main loop (tui/loop.c) only ---- */
/* Set before the hubs start, cleared after they stop. */
void		 tui_set_store(struct store *);
/* The write end of the loop's wake-up pipe, or -1. */
void		 tui_set_wake_fd(int);
/* What tui_reload_all() runs: the loop reloads the hubs it has shown. */
void		 tui_set_reload(void (*)(void));
/* Colour pairs by role, after initscr(); off with NO_COLOR. */
void		 tui_colours_start(void);
/* What tui_dirty() asked for since tui_dirty_clear(). */
int		 tui_dirty_what(void);
void		 tui_dirty_clear(void);
/* A whole repaint: tui_generation() moves on. */
void		 tui_generation_next(void);
/* tui_quit() was called. */
int		 tui_quitting(void);
/* The top modal layer, or NULL (its below links go down the stack). */
struct tui_layer *tui_top(void);
/* The message of the message line, or NULL; *error for tui_error(). */
const char	*tui_message_text(int *error);
/* Clears the message line (a key was pressed). */
void		 tui_message_clear(void);

#endif
