/*
 * tui/wizard-import: the Bulk Image Import wizard (issue 4, items 4 and
 * 6), three steps on the wizard engine (tui/steps.h):
 *
 *  1. the folder and how to sort it (QR code, metadata and its field, or
 *     every frame into one session — the manual import, `m` in the hub);
 *  2. the scan (core/imgscan), on a thread of its own so the screen stays
 *     alive: it never calls ncurses, it only wakes the loop (tui_wake) a
 *     few times a second, and the wizard's poll moves on when it is
 *     done; Esc leaves it to finish unseen;
 *  3. the preview the operator fixes (preview-import.c): sessions,
 *     markers, unknown codes, unassigned and unreadable frames; Enter
 *     (asking first) queues the "import" job for the worker pool.  Back
 *     goes to step 1.
 *
 * Nothing is written before the job is queued; Esc at any step writes
 * nothing.  UI thread, except the scan thread (scan_main).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "core/imgscan.h"
#include "media/exif.h"
#include "store/workflow.h"
#include "tui/form.h"
#include "tui/import.h"
#include "tui/steps.h"
#include "tui/tui.h"
#include "tui/workflow.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* ---- the scan thread ---- */

/* Shared by the wizard and its scan thread; the last one to let go frees
 * it.  Everything below lock is guarded by it. */
struct scan {
	pthread_mutex_t	 lock;
	int		 refs;
	char		*dir;
	char		 session[24];
	struct imgscan_opts o;
	long long	 woken;		/* tui_usec() of the last wake-up */
	size_t		 done, total;
	int		 finished, failed;
	char		*cause;
	struct imgscan	 sc;
};

static void
scan_unref(struct scan *s)
{
	int last;

	pthread_mutex_lock(&s->lock);
	last = --s->refs == 0;
	pthread_mutex_unlock(&s->lock);
	if (!last)
		return;
	if (s->finished && !s->failed)
		imgscan_free(&s->sc);
	free(s->cause);
	free(s->dir);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

static void
scan_progress(void *arg, size_t done, size_t total)
{
	struct scan *s = arg;
	long long now = tui_usec();
	int wake = 0;

	pthread_mutex_lock(&s->lock);
	s->done = done;
	s->total = total;
	if (now - s->woken > 250000) {
		s->woken = now;
		wake = 1;
	}
	pthread_mutex_unlock(&s->lock);
	if (wake)
		tui_wake();
}

static void *
scan_main(void *arg)
{
	struct scan *s = arg;
	struct imgscan sc;
	char *cause = NULL;
	sigset_t all;
	int rc;

	/* SIGWINCH must reach the UI thread, not this one or its pool. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	rc = imgscan_card(s->dir, &s->o, &sc, &cause);
	pthread_mutex_lock(&s->lock);
	s->finished = 1;
	s->failed = rc != 0;
	s->cause = cause;
	if (rc == 0)
		s->sc = sc;
	pthread_mutex_unlock(&s->lock);
	tui_wake();
	scan_unref(s);
	return NULL;
}

/* ---- the wizard ---- */

enum { WI_SETUP, WI_SCAN, WI_PREVIEW, WI_NSTEPS };
enum { WF_DIR, WF_BY, WF_FIELD, WF_SESSION, WF_ADVANCE, WF_NFIELDS };
#define BY_QR		1
#define BY_METADATA	2
#define BY_SESSION	3

struct wi {
	long long		 session;	/* manual import into it */
	struct scan		*scan;
	struct import_preview	*preview;
	char			*dir;
	const char		*mode;
	int			 advance;
	int			 scanned;	/* a scan was started */
	int			 queued;	/* the job is queued */
};

static int
wi_validate_dir(const char *v, void *arg, char **cause)
{
	struct stat sb;

	if (stat(v, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		*cause = xasprintf(_("%s: not a folder"), v);
		return -1;
	}
	return 0;
}

static int
wi_validate_session(const char *v, void *arg, char **cause)
{
	struct wf_session ws;
	int found = store_wf_session_by_number(tui_store(),
	    strtoll(v, NULL, 10), &ws);

	if (found == 1) {
		store_wf_session_clear(&ws);
		return 0;
	}
	*cause = xasprintf(_("no session %s"), v);
	return -1;
}

static const struct form_field wi_fields[WF_NFIELDS] = {
	{ N_("Folder or card"), FORM_TEXT, 1, 400, wi_validate_dir },
	{ N_("Sort by"), FORM_CHOICE, 1, 0, NULL },
	{ N_("Metadata field"), FORM_CHOICE, 0, 0, NULL },
	{ N_("Session number"), FORM_INT, 0, 10, wi_validate_session },
	{ N_("Then advance to"), FORM_CHOICE, 0, 0, NULL },
};

static void
wi_free(void *arg)
{
	struct wi *wi = arg;

	if (wi->scanned && !wi->queued)
		tui_message("%s", _("Import cancelled: nothing was written."));
	if (wi->scan != NULL)
		scan_unref(wi->scan);
	import_preview_free(wi->preview);
	free(wi->dir);
	free(wi);
}

/* Step 1 -> 2: the scan starts on its thread. */
static int
wi_scan_start(struct steps *st, int page, void *arg, char **cause)
{
	struct wi *wi = arg;
	struct form_page *p = steps_form(st, WI_SETUP);
	struct scan *s;
	char real[PATH_MAX];
	long long by = form_choice_id(p, WF_BY), field;
	pthread_t t;

	if (by == BY_SESSION && *form_value(p, WF_SESSION) == '\0') {
		form_page_focus(p, WF_SESSION);
		*cause = xstrdup(_("One session needs its number."));
		return -1;
	}
	if (wi->scan != NULL) {
		/* Back during a scan: that one finishes unseen. */
		scan_unref(wi->scan);
		wi->scan = NULL;
	}
	import_preview_free(wi->preview);
	wi->preview = NULL;
	s = xcalloc(1, sizeof *s);
	free(wi->dir);
	wi->dir = xstrdup(realpath(form_value(p, WF_DIR), real) != NULL ?
	    real : form_value(p, WF_DIR));
	wi->advance = form_choice_id(p, WF_ADVANCE) == 2;
	pthread_mutex_init(&s->lock, NULL);
	s->refs = 2;
	s->dir = xstrdup(wi->dir);
	s->o.progress = scan_progress;
	s->o.arg = s;
	s->o.field = -1;
	switch (by) {
	case BY_METADATA:
		s->o.by = IMGSCAN_METADATA;
		field = form_choice_id(p, WF_FIELD);
		s->o.field = field > 0 ? (int)field - 1 : -1;
		wi->mode = "metadata";
		break;
	case BY_SESSION:
		s->o.by = IMGSCAN_SESSION;
		snprintf(s->session, sizeof s->session, "%lld",
		    strtoll(form_value(p, WF_SESSION), NULL, 10));
		s->o.session = s->session;
		wi->mode = "session";
		break;
	default:
		s->o.by = IMGSCAN_QR;
		wi->mode = "qr";
		break;
	}
	if (pthread_create(&t, NULL, scan_main, s) != 0) {
		*cause = xstrdup(strerror(errno));
		s->refs = 1;
		scan_unref(s);
		return -1;
	}
	pthread_detach(t);
	wi->scan = s;
	wi->scanned = 1;
	return 0;
}

/* Before each repaint: once the scan is over, sort it and show the
 * preview, or step 1 with the reason (UI thread). */
static void
wi_poll(struct steps *st, void *arg)
{
	struct wi *wi = arg;
	struct scan *s = wi->scan;
	struct imgscan sc;
	char *cause = NULL;
	int finished, failed;

	if (s == NULL || steps_current(st) != WI_SCAN)
		return;
	pthread_mutex_lock(&s->lock);
	finished = s->finished;
	failed = s->failed;
	if (finished && !failed) {
		sc = s->sc;
		memset(&s->sc, 0, sizeof s->sc);
		s->failed = 1;		/* nothing left for scan_unref */
	} else if (finished && s->cause != NULL)
		cause = xstrdup(s->cause);
	pthread_mutex_unlock(&s->lock);
	if (!finished)
		return;
	scan_unref(s);
	wi->scan = NULL;
	if (failed) {
		steps_go(st, WI_SETUP);
		steps_set_error(st, cause != NULL ? cause :
		    _("the scan failed"));
		free(cause);
		return;
	}
	wi->preview = import_preview_new(&sc, wi->dir, wi->mode, wi->advance);
	steps_go(st, WI_PREVIEW);
}

static void
wi_draw_scan(struct steps *st, int y, int x, int h, int w, void *arg)
{
	struct wi *wi = arg;
	struct scan *s = wi->scan;
	size_t done = 0, total = 0;
	char *t;

	if (s != NULL) {
		pthread_mutex_lock(&s->lock);
		done = s->done;
		total = s->total;
		pthread_mutex_unlock(&s->lock);
	}
	tui_put(y, x, w, ROLE_NORMAL, wi->dir);
	/* L10N: scan progress: frames read of frames found */
	t = xasprintf(_("Scanning… %zu of %zu frames"), done, total);
	tui_put(y + 1, x, w, ROLE_NORMAL, t);
	free(t);
	tui_bar(y + 2, x, w, (long long)done, (long long)total);
	tui_put(y + 4, x, w, ROLE_DIM, _("Esc cancels (nothing is "
	    "written)."));
}

/* The scan step takes no keys but Esc and Back. */
static int
wi_key_scan(struct steps *st, int key, void *arg)
{
	return 0;
}

static int
wi_enter_preview(struct steps *st, int page, void *arg, char **cause)
{
	struct wi *wi = arg;

	if (wi->preview == NULL) {
		*cause = xstrdup(_("The scan is not done yet."));
		return -1;
	}
	return 0;
}

static void
wi_draw_preview(struct steps *st, int y, int x, int h, int w, void *arg)
{
	struct wi *wi = arg;

	import_preview_draw(wi->preview, y, x, h, w);
}

/* The preview's own keys; Enter, Tab and Esc are the wizard's (Enter on
 * Import asks, then queues: wi_finish). */
static int
wi_key_preview(struct steps *st, int key, void *arg)
{
	struct wi *wi = arg;

	if (key == '\n' || key == '\r' || key == KEY_ENTER || key == '\t' ||
	    key == KEY_BTAB || key == TUI_ESC)
		return 0;
	import_preview_key(wi->preview, key);
	return 1;
}

static int
wi_finish(struct steps *st, void *arg, char **cause)
{
	struct wi *wi = arg;

	if (import_preview_enter(wi->preview) != IMPORT_PREVIEW_DONE) {
		/* Asked first (the preview's confirm line), or could not
		 * queue (said on the message line). */
		*cause = xstrdup("");
		return -1;
	}
	wi->queued = 1;
	return 0;
}

static void
wi_choices(struct wi *wi, struct form_page *p)
{
	struct form_choice by[3], field[EXIFMETA_NFIELDS + 1], adv[2];
	int i, n = 0;

	if (wi->session != 0)
		by[n++] = (struct form_choice){ _("one session"), BY_SESSION };
	by[n++] = (struct form_choice){ _("QR code"), BY_QR };
	by[n++] = (struct form_choice){ _("metadata"), BY_METADATA };
	if (wi->session == 0)
		by[n++] = (struct form_choice){ _("one session"), BY_SESSION };
	form_page_set_choices(p, WF_BY, by, n);
	field[0] = (struct form_choice){ _("the first that holds a number"),
	    0 };
	for (i = 0; i < EXIFMETA_NFIELDS; i++)
		field[i + 1] = (struct form_choice){ exifmeta_field_name(i),
		    i + 1 };
	form_page_set_choices(p, WF_FIELD, field, EXIFMETA_NFIELDS + 1);
	adv[0] = (struct form_choice){ _("(stay)"), 1 };
	adv[1] = (struct form_choice){ _("Images Imported"), 2 };
	form_page_set_choices(p, WF_ADVANCE, adv, 2);
}

static const struct steps_page wi_pages[WI_NSTEPS] = {
	[WI_SETUP] = {
		.title = N_("The card and how to sort it"),
		.intro = N_("The card is only read. Esc cancels; nothing is "
		    "written before the last step."),
		.fields = wi_fields, .nfields = WF_NFIELDS,
	},
	[WI_SCAN] = {
		.title = N_("Scanning"),
		.rows = 5, .draw = wi_draw_scan, .key = wi_key_scan,
		.enter = wi_scan_start,
	},
	[WI_PREVIEW] = {
		.title = N_("The frames as they will be imported"),
		.draw = wi_draw_preview, .key = wi_key_preview,
		.enter = wi_enter_preview,
	},
};

static const char *const wi_names[WI_NSTEPS] = {
	N_("the card"), N_("scanning"), N_("preview"),
};

void
wizard_import_open(long long session)
{
	struct wi *wi = xcalloc(1, sizeof *wi);
	struct steps *st;
	char num[24];

	wi->session = session;
	st = steps_open(session != 0 ? _("Import into one session") :
	    _("Bulk Image Import"), wi_pages, WI_NSTEPS, N_("Import"),
	    wi_finish, wi_free, wi);
	if (st == NULL)
		return;
	steps_set_box(st, 1000, 1);
	steps_set_names(st, wi_names);
	steps_set_poll(st, wi_poll);
	steps_no_back(st, WI_SCAN);
	wi_choices(wi, steps_form(st, WI_SETUP));
	if (session != 0) {
		snprintf(num, sizeof num, "%lld", session);
		form_set_value(steps_form(st, WI_SETUP), WF_SESSION, num);
	}
}
