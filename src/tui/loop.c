/*
 * tui/loop: the terminal interface's main loop and screen frame (loop.h).
 *
 * Owns the ncurses session, the poll() loop over the keyboard, the SIGWINCH
 * self-pipe and the workers' wake-up pipe, the hub tabs, the status and
 * message lines, and key dispatch (the top layer, else the focused pane,
 * the hub, the global keys).  It is the top of tui/: it uses the hubs,
 * the list, the dialogs and the help screen, and they know only tui.h.
 */
#include "config.h"

#include <sys/ioctl.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobs/job.h"
#include "store/db.h"
#include "store/lists.h"
#include "tui/dialog.h"
#include "tui/help.h"
#include "tui/hub.h"
#include "tui/jobwatch.h"
#include "tui/list.h"
#include "tui/loop.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/report.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static struct hub *const tui_hubs[] = {
	&hub_clients, &hub_sessions, &hub_workflow, &hub_invoices,
	&hub_production, &hub_control, &hub_setup
};
#define NHUBS ((int)(sizeof tui_hubs / sizeof tui_hubs[0]))

static struct {
	int			 hub;
	int			 loaded[NHUBS];
	int			 winch_pipe[2];
	int			 wake_pipe[2];
	FILE			*trace;
	long long		 njobs;		/* queued + running, last seen */
} loop;

/* tui_reload_all(): every hub shown so far reloads. */
static void
tui_reload_hubs(void)
{
	int i;

	for (i = 0; i < NHUBS; i++)
		if (loop.loaded[i] && tui_hubs[i]->reload != NULL)
			tui_hubs[i]->reload(tui_hubs[i]);
}

/* ---- the frame: tabs, status line, message line ---- */

static void
tui_draw_tabs(void)
{
	int i, x = 0, w, total = 0, shortnames;
	char buf[64];

	for (i = 0; i < NHUBS; i++)
		total += utf8_width(_(tui_hubs[i]->name)) + 3;
	shortnames = total - 1 > COLS;
	tui_fill(0, 0, COLS, ROLE_TAB);
	for (i = 0; i < NHUBS; i++) {
		const char *name = _(tui_hubs[i]->name);

		if (shortnames && tui_hubs[i] == &hub_control)
			name = _("Control");
		snprintf(buf, sizeof buf, "%d %s", i + 1, name);
		w = utf8_width(buf);
		tui_put(0, x, w, i == loop.hub ? ROLE_TAB_ACTIVE : ROLE_TAB,
		    buf);
		x += w + 1;
	}
}

struct tui_jobs_line {
	struct strbuf	 sb;
	int		 x, y, room;
};

static void
tui_status_job(long long id, const char *kind, const char *state,
    const char *title, long long done, long long total, void *arg)
{
	struct tui_jobs_line *jl = arg;
	char buf[128];
	int w;

	snprintf(buf, sizeof buf, "#%lld %s ", id, kind);
	w = utf8_width(buf);
	if (jl->room < w + 22)
		return;
	tui_put(jl->y, jl->x, w, ROLE_STATUS, buf);
	jl->x += w;
	if (strcmp(state, "running") == 0) {
		tui_bar(jl->y, jl->x, 10, done, total);
		jl->x += 10;
		snprintf(buf, sizeof buf, " %lld/%lld ", done, total);
	} else
		snprintf(buf, sizeof buf, "%s ", _("queued"));
	w = utf8_width(buf);
	tui_put(jl->y, jl->x, w, ROLE_STATUS, buf);
	jl->x += w;
	jl->room = COLS - jl->x;
}

static void
tui_draw_status(void)
{
	struct hub *h = tui_hubs[loop.hub];
	struct list *l = h->list != NULL ? h->list(h) : NULL;
	struct tui_jobs_line jl;
	struct strbuf sb = STRBUF_INIT;
	const char *msg;
	long long n;
	int exact, y = LINES - 2, left, msg_error;

	tui_fill(y, 0, COLS, ROLE_STATUS);
	strbuf_addf(&sb, " %s", _(h->name));
	if (l != NULL) {
		n = list_total(l, &exact);
		strbuf_addf(&sb, ": %lld%s %s", n, exact ? "" : "+",
		    n == 1 ? _("row") : _("rows"));
		if (list_ntagged(l) > 0)
			strbuf_addf(&sb, ", %lld %s", list_ntagged(l),
			    _("tagged"));
		if (*list_filter_text(l) != '\0')
			strbuf_addf(&sb, ", /%s", list_filter_text(l));
	}
	left = utf8_width(strbuf_str(&sb)) + 2;
	tui_put(y, 0, COLS, ROLE_STATUS, strbuf_str(&sb));
	strbuf_free(&sb);

	/* Jobs on the right half: running with progress bars, then queued. */
	memset(&jl, 0, sizeof jl);
	jl.y = y;
	jl.x = left > COLS / 2 ? left : COLS / 2;
	jl.room = COLS - jl.x;
	loop.njobs = lists_jobs_active(tui_store(), 3, tui_status_job, &jl);

	/* The message line: a message, the filter prompt, or key hints. */
	tui_fill(LINES - 1, 0, COLS, ROLE_NORMAL);
	if (l != NULL && list_editing(l)) {
		char *p = xasprintf("%s /%s_", _("Filter:"),
		    list_filter_text(l));

		tui_put(LINES - 1, 0, COLS, ROLE_NORMAL, p);
		free(p);
	} else if ((msg = tui_message_text(&msg_error)) != NULL)
		tui_put(LINES - 1, 0, COLS, msg_error ? ROLE_ERROR :
		    ROLE_NORMAL, msg);
	else
		tui_put(LINES - 1, 0, COLS, ROLE_DIM, _("?:help  Tab:hub  "
		    "/:filter  Space:tag  S-↓:range  a:all  q:quit"));
}

static void
tui_draw(void)
{
	struct tui_layer *stack[16];
	struct tui_layer *l;
	int n = 0, dirty = tui_dirty_what();

	if (dirty == 0)
		return;
	if (LINES < 24 || COLS < 80) {
		erase();
		tui_put(0, 0, COLS, ROLE_ERROR, _("picday needs a terminal "
		    "of at least 80x24"));
		tui_dirty_clear();
		return;
	}
	if ((dirty & TUI_DIRTY_ALL) == TUI_DIRTY_ALL) {
		erase();
		tui_generation_next();
	}
	if (dirty & TUI_DIRTY_TABS)
		tui_draw_tabs();
	if (dirty & TUI_DIRTY_HUB)
		tui_hubs[loop.hub]->draw(tui_hubs[loop.hub], 1, LINES - 3, COLS);
	if (dirty & TUI_DIRTY_STATUS)
		tui_draw_status();
	/* Layers bottom-up, all of them whenever anything below changed. */
	for (l = tui_top(); l != NULL && n < 16; l = l->below)
		stack[n++] = l;
	while (n-- > 0)
		stack[n]->draw(stack[n]);
	tui_dirty_clear();
}

static void
tui_update(void)
{
	tui_draw();
	if (tui_top() == NULL)
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- keys ---- */

static void
tui_show_hub(int i)
{
	struct hub *h;

	if (i < 0)
		i = NHUBS - 1;
	if (i >= NHUBS)
		i = 0;
	loop.hub = i;
	h = tui_hubs[i];
	if (!loop.loaded[i]) {
		loop.loaded[i] = 1;
		if (h->reload != NULL)
			h->reload(h);
	}
	erase();
	tui_dirty(TUI_DIRTY_ALL);
}

static void
tui_quit_confirmed(void *arg)
{
	tui_quit();
}

static int
tui_count_running(void)
{
	return lists_jobs_running(tui_store()) > 0;
}

static void
tui_global_key(int key)
{
	enum tui_action act = keys_action(key, SCOPE_GLOBAL);

	switch (act) {
	case ACT_QUIT:
		if (tui_count_running())
			dialog_confirm(_("Quit picday?"), _("A job is running. "
			    "It stops now and resumes the next time picday "
			    "or `picday worker` runs."), tui_quit_confirmed,
			    NULL);
		else
			tui_quit();
		break;
	case ACT_HELP:
		help_open(tui_hubs[loop.hub]);
		break;
	case ACT_NEXT_HUB:
		tui_show_hub(loop.hub + 1);
		break;
	case ACT_PREV_HUB:
		tui_show_hub(loop.hub - 1);
		break;
	case ACT_HUB_1: case ACT_HUB_2: case ACT_HUB_3: case ACT_HUB_4:
	case ACT_HUB_5: case ACT_HUB_6: case ACT_HUB_7:
		tui_show_hub(act - ACT_HUB_1);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		tui_dirty(TUI_DIRTY_ALL);
		break;
	default:
		break;
	}
}

static void
tui_key(int key)
{
	struct hub *h = tui_hubs[loop.hub];
	struct tui_layer *top;
	struct list *l;

	tui_message_clear();
	if (key == KEY_RESIZE)
		return;
	if ((top = tui_top()) != NULL) {
		top->key(top, key);
		return;
	}
	l = h->list != NULL ? h->list(h) : NULL;
	if (l != NULL && list_key(l, key) == TUI_HANDLED)
		return;
	if (h->key != NULL && h->key(h, key, keys_action(key, h->scope)) ==
	    TUI_HANDLED)
		return;
	tui_global_key(key);
}

/* ---- signals and pipes ---- */

static void
tui_sigwinch(int sig)
{
	int saved = errno;

	(void)sig;
	if (write(loop.winch_pipe[1], "w", 1) < 0) {
		/* Full pipe: a resize is pending already. */
	}
	errno = saved;
}

static void
tui_drain(int fd)
{
	char buf[64];

	while (read(fd, buf, sizeof buf) > 0)
		;
}

static void
tui_resize(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	erase();
	clearok(curscr, TRUE);
	tui_dirty(TUI_DIRTY_ALL);
}

static void
tui_make_pipe(int p[2])
{
	if (pipe(p) != 0)
		fatal("pipe: %s", strerror(errno));
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	fcntl(p[1], F_SETFL, O_NONBLOCK);
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
}

/* Shift+arrows as xterm and tmux send them, for terminal descriptions
 * (screen, older xterm) that do not list them. */
static void
tui_define_keys(void)
{
	static const struct {
		const char	*seq;
		int		 key;
	} seqs[] = {
		{ "\033[1;2A", KEY_SR }, { "\033[1;2B", KEY_SF },
		{ "\033[a", KEY_SR }, { "\033[b", KEY_SF },
		{ "\033[Z", KEY_BTAB },
	};
	size_t i;

	for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
		if (key_defined(seqs[i].seq) == 0)
			define_key(seqs[i].seq, seqs[i].key);
}

static void
tui_fatal_hook(void)
{
	endwin();
}

/* Something changed in the jobs table: the Control Center and the status
 * line follow. */
static void
tui_jobs_moved(void)
{
	static long long last_active = -1;
	struct hub *h = tui_hubs[loop.hub];
	long long active;
	int i;

	for (i = 0; i < NHUBS; i++)
		if (tui_hubs[i] == &hub_control && loop.loaded[i])
			hub_control.reload(&hub_control);
	/* A job finished: what the current hub shows may have changed (the
	 * frames an import brought, the statuses it advanced). */
	active = lists_jobs_active(tui_store(), 0, NULL, NULL);
	tui_job_watch_poll();
	if (active < last_active && h != &hub_control && h->reload != NULL)
		h->reload(h);
	last_active = active;
	tui_dirty(TUI_DIRTY_STATUS | TUI_DIRTY_HUB);
}

static void
tui_trace(const char *what, long long usec)
{
	if (loop.trace != NULL) {
		fprintf(loop.trace, "%s %lld\n", what, usec);
		fflush(loop.trace);
	}
}

static int
tui_read_key(int *key)
{
	wint_t wc;
	int r = get_wch(&wc);

	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES)
		*key = (int)wc;
	else
		*key = TUI_KEY_FROM_CHAR(wc);
	return 1;
}

static void
tui_loop(long long start, const char *studio_dir, struct worker_pool **pool)
{
	struct pollfd pfd[3];
	struct hub *h;
	struct list *l;
	long long t0, last_jobs = -1;
	int key, idle = 1, n, first = 1;	/* idle: look for background work */

	while (!tui_quitting()) {
		if (tui_dirty_what() != 0 || first) {
			tui_update();
			if (first) {
				tui_trace("first-screen", tui_usec() - start);
				first = 0;
				/* The workers (threads, connections) after
				 * the first screen: on two busy cores they
				 * held it back by milliseconds.  Workers
				 * block every signal themselves
				 * (jobs/worker). */
				*pool = worker_pool_start(studio_dir, 0,
				    loop.wake_pipe[1], 0);
				/* The shop's orders flow in here too
				 * (invoices.url, invoices.every). */
				worker_pool_poll_shop(*pool);
			}
		}
		pfd[0].fd = STDIN_FILENO;
		pfd[1].fd = loop.winch_pipe[0];
		pfd[2].fd = loop.wake_pipe[0];
		pfd[0].events = pfd[1].events = pfd[2].events = POLLIN;
		n = poll(pfd, 3, idle ? 0 : 2000);
		if (n < 0 && errno != EINTR)
			fatal("poll: %s", strerror(errno));
		if (n <= 0) {
			h = tui_hubs[loop.hub];
			l = h->list != NULL ? h->list(h) : NULL;
			t0 = tui_usec();
			idle = l != NULL && list_idle(l);
			if (idle || tui_dirty_what() != 0)
				tui_trace("idle", tui_usec() - t0);
			if (n == 0 && !idle) {
				/* Another process may run jobs: look now
				 * and then. */
				long long nj = lists_jobs_active(tui_store(), 0,
				    NULL, NULL);

				if (nj > 0 || nj != last_jobs)
					tui_jobs_moved();
				last_jobs = nj;
			}
			continue;
		}
		if (pfd[1].revents & POLLIN) {
			tui_drain(loop.winch_pipe[0]);
			tui_resize();
		}
		if (pfd[2].revents & POLLIN) {
			tui_drain(loop.wake_pipe[0]);
			tui_jobs_moved();
		}
		if (pfd[0].revents & (POLLIN | POLLHUP)) {
			if (pfd[0].revents & POLLHUP && !(pfd[0].revents &
			    POLLIN))
				break;
			while (!tui_quitting() && tui_read_key(&key)) {
				t0 = tui_usec();
				tui_key(key);
				tui_update();
				tui_trace("key", tui_usec() - t0);
			}
		}
		h = tui_hubs[loop.hub];
		l = h->list != NULL ? h->list(h) : NULL;
		idle = l != NULL && list_idle(l);
	}
}

int
tui_main(const char *studio_dir)
{
	struct store *st;
	struct sigaction sa;
	struct worker_pool *pool = NULL;
	const char *tr = getenv("PICDAY_TUI_TRACE");
	long long start = tui_usec();
	int i;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		report_error("%s", _("the terminal interface needs a terminal; "
		    "see picday --help for the commands"));
		return PICDAY_EXIT_USAGE;
	}
	if ((st = store_open_report(studio_dir)) == NULL)
		return PICDAY_EXIT_FAILED;
	tui_set_store(st);
	tui_set_reload(tui_reload_hubs);
	if (tr != NULL && *tr != '\0')
		loop.trace = fopen(tr, "a");
	tui_make_pipe(loop.winch_pipe);
	tui_make_pipe(loop.wake_pipe);
	tui_set_wake_fd(loop.wake_pipe[1]);

	fatal_set_hook(tui_fatal_hook);
	set_escdelay(25);
	if (initscr() == NULL)
		fatal("%s", _("cannot start the terminal interface"));
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	tui_colours_start();
	tui_define_keys();

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_sigwinch;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGWINCH, &sa, NULL);

	for (i = 0; i < NHUBS; i++)
		if (tui_hubs[i]->init != NULL)
			tui_hubs[i]->init(tui_hubs[i]);
	tui_show_hub(0);
	tui_loop(start, studio_dir, &pool);

	while (tui_has_layers())
		tui_pop();
	endwin();
	if (pool != NULL)
		worker_pool_stop(pool);
	for (i = 0; i < NHUBS; i++)
		if (tui_hubs[i]->free != NULL)
			tui_hubs[i]->free(tui_hubs[i]);
	tui_message_clear();
	if (loop.trace != NULL)
		fclose(loop.trace);
	close(loop.winch_pipe[0]);
	close(loop.winch_pipe[1]);
	close(loop.wake_pipe[0]);
	close(loop.wake_pipe[1]);
	tui_set_wake_fd(-1);
	tui_set_reload(NULL);
	tui_set_store(NULL);
	store_close(st);
	fatal_set_hook(NULL);
	return PICDAY_EXIT_OK;
}
