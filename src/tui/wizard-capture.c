/*
 * tui/wizard-capture: Group Capture (issue 4, item 7), two steps on the
 * wizard engine (tui/steps.h): the hot folder, then watching it.
 * The operator names a hot folder (where the tethering program writes)
 * and the current student; core/groupcap watches the folder and, on its
 * thread, queues an "import" job for each frame that arrives, into the
 * current session; the worker pool imports it.  Switching student is one
 * key: n the next session in schedule order, s (or /) a session by number,
 * N a new student (client + session made on the spot).  Esc or Stop stops;
 * Back stops watching and goes back to the folder.
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
#include "tui/steps.h"
#include "tui/tui.h"
#include "tui/workflow.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum { CF_DIR, CF_SESSION, CF_ORG, CF_NFIELDS };
enum { CS_SETUP, CS_RUN, CS_NSTEPS };

struct capture {
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
capture_free(void *arg)
{
	struct capture *cap = arg;
	size_t i;

	if (cap->gc != NULL)
		tui_message("%s", _("Group Capture stopped."));
	/* After the join the watcher's store is ours to close. */
	groupcap_stop(cap->gc);
	if (cap->st != NULL)
		store_close(cap->st);
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
capture_draw_run(struct steps *st, int y, int x, int h, int w, void *arg)
{
	struct capture *cap = arg;
	struct wf_session ws;
	long long number, arrived, queued;
	size_t waiting;
	char *t, *last, *error;

	pthread_mutex_lock(&cap->lock);
	number = cap->number;
	arrived = cap->arrived;
	queued = cap->queued;
	waiting = cap->nwaiting;
	last = cap->last != NULL ? xstrdup(cap->last) : NULL;
	error = cap->error != NULL ? xstrdup(cap->error) : NULL;
	pthread_mutex_unlock(&cap->lock);

	t = xasprintf(_("Watching %s"), cap->dir);
	tui_put(y, x, w, ROLE_NORMAL, t);
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
	tui_put(y + 2, x, w, ROLE_HEADER, t);
	free(t);
	t = xasprintf(_("Arrived %lld, queued for import %lld, waiting for a "
	    "student %zu"), arrived, queued, waiting);
	tui_put(y + 3, x, w, ROLE_NORMAL, t);
	free(t);
	if (last != NULL) {
		t = xasprintf(_("Last frame: %s"), last);
		tui_put(y + 4, x, w, ROLE_NORMAL, t);
		free(t);
	}
	if (error != NULL)
		tui_put(y + 5, x, w, ROLE_ERROR, error);
	tui_put(y + 7, x, w, ROLE_DIM, _("n next student (schedule "
	    "order)   s or / session by number"));
	tui_put(y + 8, x, w, ROLE_DIM, _("N new student (client and "
	    "session)   Esc stop watching"));
	free(last);
	free(error);
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

/* Step 1 -> 2: watch the folder. */
static int
capture_start(struct steps *st, int page, void *arg, char **cause)
{
	struct capture *cap = arg;
	struct form_page *p = steps_form(st, CS_SETUP);
	char real[PATH_MAX];
	const char *v = form_value(p, CF_DIR);

	free(cap->dir);
	cap->dir = xstrdup(realpath(v, real) != NULL ? real : v);
	cap->org_id = form_choice_id(p, CF_ORG);
	pthread_mutex_lock(&cap->lock);
	cap->number = strtoll(form_value(p, CF_SESSION), NULL, 10);
	pthread_mutex_unlock(&cap->lock);
	if ((cap->gc = groupcap_watch(cap->dir, capture_arrived, cap,
	    cause)) == NULL)
		return -1;
	return 0;
}

/* Back to step 1: stop watching (the frames queued stay queued). */
static int
capture_enter_setup(struct steps *st, int page, void *arg, char **cause)
{
	struct capture *cap = arg;

	groupcap_stop(cap->gc);
	cap->gc = NULL;
	return 0;
}

static int
capture_key(struct steps *st, int key, void *arg)
{
	struct capture *cap = arg;

	switch (key) {
	case 'n':
		capture_next(cap);
		return 1;
	case 's': case '/':
		form_open(_("Student by session number"),
		    form_page_new(capture_pick_fields, 1, cap),
		    capture_pick_submit, cap);
		return 1;
	case 'N':
		form_open(_("New student"), form_page_new(capture_new_fields,
		    2, cap), capture_new_submit, cap);
		return 1;
	default:
		return 0;
	}
}

/* Stop: the layer closes and capture_free() says so. */
static int
capture_finish(struct steps *st, void *arg, char **cause)
{
	return 0;
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

static const struct steps_page capture_pages[CS_NSTEPS] = {
	[CS_SETUP] = {
		.title = N_("The hot folder the tethering program writes to"),
		.intro = N_("Each new frame is imported into the current "
		    "student's session."),
		.fields = capture_fields, .nfields = CF_NFIELDS,
		.enter = capture_enter_setup,
	},
	[CS_RUN] = {
		.title = N_("Watching: each frame goes to the student"),
		.rows = 9, .draw = capture_draw_run, .key = capture_key,
		.enter = capture_start,
	},
};

void
capture_open(long long session)
{
	struct capture *cap = xcalloc(1, sizeof *cap);
	struct form_choice *orgs;
	struct steps *st;
	char num[24];
	int n;

	cap->studio = xstrdup(store_dir(tui_store()));
	pthread_mutex_init(&cap->lock, NULL);
	st = steps_open(_("Group Capture"), capture_pages, CS_NSTEPS,
	    N_("Stop"), capture_finish, capture_free, cap);
	if (st == NULL)
		return;
	hub_choices(LISTS_ORGS, 1, _("(none)"), &orgs, &n);
	form_page_set_choices(steps_form(st, CS_SETUP), CF_ORG, orgs, n);
	hub_choices_free(orgs, n);
	if (session != 0) {
		snprintf(num, sizeof num, "%lld", session);
		form_set_value(steps_form(st, CS_SETUP), CF_SESSION, num);
	}
}
