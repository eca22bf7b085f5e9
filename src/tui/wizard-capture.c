/*
 * tui/wizard-capture: Group Capture (issue 4, item 7) as a modal layer.
 * The operator names a hot folder (where the tethering program writes)
 * and the current student; core/groupcap watches the folder and, on its
 * thread, queues an "import" job for each frame that arrives, into the
 * current session; the worker pool imports it.  Switching student is one
 * key: n the next session in schedule order, s (or /) a session by number,
 * N a new student (client + session made on the spot).  Esc stops.
 *
 * Threads: the watcher thread (capture_arrived) never calls ncurses: it
 * opens its own store, queues jobs and wakes the loop (tui_wake); what it
 * shares with the UI sits under cap->lock.  Frames that arrive before a
 * student is chosen wait, and go to the first one chosen.
 */
#include "config.h"

#include <sys/stat.h>

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/groupcap.h"
#include "core/imgscan.h"
#include "jobs/job.h"
#include "store/db.h"
#include "store/lists.h"
#include "store/workflow.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/import.h"
#include "tui/tui.h"
#include "tui/workflow.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum { CF_DIR, CF_SESSION, CF_ORG, CF_NFIELDS };
enum { CB_START, CB_CANCEL };

struct capture {
	struct tui_layer	 layer;
	struct form_page	*page;
	struct groupcap		*gc;
	char			*studio, *dir;
	long long		 org_id;	/* for new students */

	pthread_mutex_t		 lock;
	long long		 number;	/* current session, 0: none */
	struct store		*st;		/* the watcher thread's */
	long long		 arrived, queued;
	char			*last, *error;
	char			**waiting;	/* arrived with no session */
	size_t			 nwaiting;
};

/* Queues the import of one frame of the hot folder on store st. */
static int
capture_queue(struct store *st, const char *dir, const char *name,
    long long number, char **cause)
{
	struct import_item it;
	char *payload, *title;
	long long id;

	it.rel = name;
	it.number = number;
	it.marker = 0;
	payload = imgscan_payload(dir, "session", &it, 1, 0);
	/* L10N: job title of a frame from Group Capture */
	title = xasprintf(_("group capture %s into %lld"), name, number);
	id = jobs_queue(st, "import", title, payload, cause);
	free(title);
	free(payload);
	return id < 0 ? -1 : 0;
}

/* The watcher thread: a frame is in the folder. */
static void
capture_arrived(void *arg, const char *name)
{
	struct capture *cap = arg;
	char *cause = NULL;
	long long number;

	pthread_mutex_lock(&cap->lock);
	cap->arrived++;
	free(cap->last);
	cap->last = xstrdup(name);
	number = cap->number;
	if (number == 0) {
		cap->waiting = xreallocarray(cap->waiting, cap->nwaiting + 1,
		    sizeof *cap->waiting);
		cap->waiting[cap->nwaiting++] = xstrdup(name);
	}
	pthread_mutex_unlock(&cap->lock);
	if (number != 0) {
		if (cap->st == NULL && store_open(cap->studio, &cap->st,
		    &cause) != 0)
			cap->st = NULL;
		if (cap->st != NULL && capture_queue(cap->st, cap->dir, name,
		    number, &cause) == 0)
			cause = NULL;
		pthread_mutex_lock(&cap->lock);
		if (cause == NULL)
			cap->queued++;
		else {
			free(cap->error);
			cap->error = cause;
		}
		pthread_mutex_unlock(&cap->lock);
	}
	tui_wake();
}

/* A new current session (UI thread): the waiting frames go to it. */
static void
capture_set(struct capture *cap, long long number)
{
	char **waiting, *cause = NULL;
	size_t n, i, queued = 0;

	pthread_mutex_lock(&cap->lock);
	cap->number = number;
	waiting = cap->waiting;
	n = cap->nwaiting;
	cap->waiting = NULL;
	cap->nwaiting = 0;
	pthread_mutex_unlock(&cap->lock);
	for (i = 0; i < n; i++) {
		if (cause == NULL && capture_queue(tui_store(), cap->dir,
		    waiting[i], number, &cause) == 0)
			queued++;
		free(waiting[i]);
	}
	free(waiting);
	pthread_mutex_lock(&cap->lock);
	cap->queued += queued;
	if (cause != NULL) {
		free(cap->error);
		cap->error = cause;
	}
	pthread_mutex_unlock(&cap->lock);
	tui_dirty(TUI_DIRTY_ALL);
}

static void
capture_free(struct tui_layer *tl)
{
	struct capture *cap = (struct capture *)tl;
	size_t i;

	/* After the join the watcher's store is ours to close. */
	groupcap_stop(cap->gc);
	if (cap->st != NULL)
		store_close(cap->st);
	form_page_free(cap->page);
	for (i = 0; i < cap->nwaiting; i++)
		free(cap->waiting[i]);
	free(cap->waiting);
	free(cap->last);
	free(cap->error);
	free(cap->studio);
	free(cap->dir);
	pthread_mutex_destroy(&cap->lock);
	free(cap);
	tui_reload_all();
}

/* ---- drawing ---- */

static void
capture_draw_setup(struct capture *cap)
{
	static const char *buttons[2];
	int w = COLS - 8 < 72 ? COLS - 8 : 72;
	int h = form_page_rows(cap->page) + 6;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;

	buttons[CB_START] = _("Start");
	buttons[CB_CANCEL] = _("Cancel");
	tui_box(y, x, h, w, _("Group Capture"));
	tui_put(y + 1, x + 2, w - 4, ROLE_HEADER, _("The hot folder the "
	    "tethering program writes to"));
	tui_put(y + 2, x + 2, w - 4, ROLE_DIM, _("Each new frame is imported "
	    "into the current student's session."));
	form_page_draw(cap->page, y + 3, x + 2, w - 4);
	form_page_draw_buttons(cap->page, y + h - 2, x, w, buttons, 2);
	form_page_cursor(cap->page);
}

static void
capture_draw_run(struct capture *cap)
{
	struct wf_session ws;
	long long number, arrived, queued;
	size_t waiting;
	char *t, *last, *error;
	int w = COLS - 8 < 72 ? COLS - 8 : 72, h = 12;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;

	pthread_mutex_lock(&cap->lock);
	number = cap->number;
	arrived = cap->arrived;
	queued = cap->queued;
	waiting = cap->nwaiting;
	last = cap->last != NULL ? xstrdup(cap->last) : NULL;
	error = cap->error != NULL ? xstrdup(cap->error) : NULL;
	pthread_mutex_unlock(&cap->lock);

	tui_box(y, x, h, w, _("Group Capture"));
	t = xasprintf(_("Watching %s"), cap->dir);
	tui_put(y + 1, x + 2, w - 4, ROLE_NORMAL, t);
	free(t);
	if (number != 0 && store_wf_session_by_number(tui_store(), number,
	    &ws) == 1) {
		/* L10N: Group Capture: the current student */
		t = xasprintf(_("Student: session %lld  %s  %lld frames"),
		    number, ws.name, ws.frames);
		store_wf_session_clear(&ws);
	} else
		t = xstrdup(_("Student: none yet — s picks a session, N makes "
		    "a new student"));
	tui_put(y + 3, x + 2, w - 4, ROLE_HEADER, t);
	free(t);
	t = xasprintf(_("Arrived %lld, queued for import %lld, waiting for a "
	    "student %zu"), arrived, queued, waiting);
	tui_put(y + 4, x + 2, w - 4, ROLE_NORMAL, t);
	free(t);
	if (last != NULL) {
		t = xasprintf(_("Last frame: %s"), last);
		tui_put(y + 5, x + 2, w - 4, ROLE_NORMAL, t);
		free(t);
	}
	if (error != NULL)
		tui_put(y + 6, x + 2, w - 4, ROLE_ERROR, error);
	tui_put(y + 8, x + 2, w - 4, ROLE_DIM, _("n next student (schedule "
	    "order)   s or / session by number"));
	tui_put(y + 9, x + 2, w - 4, ROLE_DIM, _("N new student (client and "
	    "session)   Esc stop watching"));
	free(last);
	free(error);
	curs_set(0);
}

static void
capture_draw(struct tui_layer *tl)
{
	struct capture *cap = (struct capture *)tl;

	if (cap->gc == NULL)
		capture_draw_setup(cap);
	else
		capture_draw_run(cap);
}

/* ---- keys ---- */

static const struct form_field capture_pick_fields[] = {
	{ N_("Session number"), FORM_INT, 1, 10, import_validate_session },
};

static int
capture_pick_submit(struct form_page *p, void *arg, char **cause)
{
	capture_set(arg, strtoll(form_value(p, 0), NULL, 10));
	return 0;
}

enum { CN_LAST, CN_FIRST };
static const struct form_field capture_new_fields[] = {
	{ N_("Last name"), FORM_TEXT, 1, 0, NULL },
	{ N_("First name"), FORM_TEXT, 0, 0, NULL },
};

static int
capture_new_submit(struct form_page *p, void *arg, char **cause)
{
	struct capture *cap = arg;
	long long number;

	if (store_wf_session_new(tui_store(), 0, 0, cap->org_id,
	    form_value(p, CN_FIRST), form_value(p, CN_LAST), &number,
	    cause) != 0)
		return -1;
	capture_set(cap, number);
	tui_message(_("New session %lld for %s %s."), number,
	    form_value(p, CN_FIRST), form_value(p, CN_LAST));
	return 0;
}

static void
capture_next(struct capture *cap)
{
	long long number, next;
	int found;

	pthread_mutex_lock(&cap->lock);
	number = cap->number;
	pthread_mutex_unlock(&cap->lock);
	found = store_wf_session_next(tui_store(), number, &next);
	if (number == 0 || found != 1) {
		tui_message("%s", number == 0 ? _("Pick a session first: s.") :
		    _("That was the last session of the schedule."));
		return;
	}
	capture_set(cap, next);
}

static void
capture_start(struct capture *cap)
{
	struct form_page *p = cap->page;
	char real[PATH_MAX], *cause = NULL;
	const char *v = form_value(p, CF_DIR);

	if (form_page_check(p, &cause) != 0) {
		form_page_set_error(p, cause);
		free(cause);
		return;
	}
	free(cap->dir);
	cap->dir = xstrdup(realpath(v, real) != NULL ? real : v);
	cap->org_id = form_choice_id(p, CF_ORG);
	cap->number = strtoll(form_value(p, CF_SESSION), NULL, 10);
	if ((cap->gc = groupcap_watch(cap->dir, capture_arrived, cap,
	    &cause)) == NULL) {
		form_page_set_error(p, cause);
		free(cause);
		return;
	}
	tui_dirty(TUI_DIRTY_ALL);
}

static int
capture_key(struct tui_layer *tl, int key)
{
	struct capture *cap = (struct capture *)tl;
	int button = 0;

	if (cap->gc != NULL) {
		switch (key) {
		case TUI_ESC:
			tui_pop();
			tui_message("%s", _("Group Capture stopped."));
			break;
		case 'n':
			capture_next(cap);
			break;
		case 's': case '/':
			form_open(_("Student by session number"),
			    form_page_new(capture_pick_fields, 1, cap),
			    capture_pick_submit, cap);
			break;
		case 'N':
			form_open(_("New student"), form_page_new(
			    capture_new_fields, 2, cap), capture_new_submit,
			    cap);
			break;
		default:
			break;
		}
		return TUI_HANDLED;
	}
	switch (form_page_key(cap->page, key, 2, &button)) {
	case FORM_KEY_DEFAULT:
		button = CB_START;
		/* FALLTHROUGH */
	case FORM_KEY_BUTTON:
		if (button == CB_CANCEL)
			tui_pop();
		else
			capture_start(cap);
		break;
	case FORM_KEY_CANCEL:
		tui_pop();
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

static int
capture_validate_dir(const char *v, void *arg, char **cause)
{
	struct stat sb;

	if (stat(v, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		*cause = xasprintf(_("%s: not a folder"), v);
		return -1;
	}
	return 0;
}

static const struct form_field capture_fields[CF_NFIELDS] = {
	{ N_("Hot folder"), FORM_TEXT, 1, 400, capture_validate_dir },
	{ N_("Session number (empty: later)"), FORM_INT, 0, 10,
	  import_validate_session },
	{ N_("Organization of new students"), FORM_CHOICE, 0, 0, NULL },
};

void
capture_open(long long session)
{
	struct capture *cap = xcalloc(1, sizeof *cap);
	struct form_choice *orgs;
	char num[24];
	int n;

	cap->layer.draw = capture_draw;
	cap->layer.key = capture_key;
	cap->layer.free = capture_free;
	cap->studio = xstrdup(store_dir(tui_store()));
	pthread_mutex_init(&cap->lock, NULL);
	cap->page = form_page_new(capture_fields, CF_NFIELDS, cap);
	hub_choices(LISTS_ORGS, 1, _("(none)"), &orgs, &n);
	form_page_set_choices(cap->page, CF_ORG, orgs, n);
	hub_choices_free(orgs, n);
	if (session != 0) {
		snprintf(num, sizeof num, "%lld", session);
		form_set_value(cap->page, CF_SESSION, num);
	}
	tui_push(&cap->layer);
}
