/*
 * tui/wizard-import: the Bulk Image Import wizard (issue 4, items 4 and
 * 6) as one modal layer of three steps:
 *
 *  1. the folder and how to sort it (QR code, metadata and its field, or
 *     every frame into one session — the manual import, `m` in the hub);
 *  2. the scan (core/imgscan), on a thread of its own so the screen stays
 *     alive: it never calls ncurses, it only wakes the loop (tui_wake) a
 *     few times a second; Esc leaves it to finish unseen;
 *  3. the preview the operator fixes (preview-import.c): sessions,
 *     markers, unknown codes, unassigned and unreadable frames; Enter
 *     queues the "import" job for the worker pool.
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

enum { WI_SETUP, WI_SCAN, WI_PREVIEW };
enum { WF_DIR, WF_BY, WF_FIELD, WF_SESSION, WF_ADVANCE, WF_NFIELDS };
enum { WB_SCAN, WB_CANCEL };
#define BY_QR		1
#define BY_METADATA	2
#define BY_SESSION	3

struct wi {
	struct tui_layer	 layer;
	long long		 session;	/* manual import into it */
	int			 step;
	struct form_page	*page;
	struct scan		*scan;
	struct import_preview	*preview;
	char			*dir;
	const char		*mode;
	int			 advance;
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
wi_free(struct tui_layer *tl)
{
	struct wi *wi = (struct wi *)tl;

	form_page_free(wi->page);
	if (wi->scan != NULL)
		scan_unref(wi->scan);
	import_preview_free(wi->preview);
	free(wi->dir);
	free(wi);
}

static void
wi_scan_start(struct wi *wi)
{
	struct form_page *p = wi->page;
	struct scan *s = xcalloc(1, sizeof *s);
	char real[PATH_MAX];
	long long by = form_choice_id(p, WF_BY), field;
	pthread_t t;

	if (by == BY_SESSION && *form_value(p, WF_SESSION) == '\0') {
		form_page_set_error(p, _("One session needs its number."));
		form_page_focus(p, WF_SESSION);
		free(s);
		return;
	}
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
		form_page_set_error(p, strerror(errno));
		s->refs = 1;
		scan_unref(s);
		return;
	}
	pthread_detach(t);
	wi->scan = s;
	wi->step = WI_SCAN;
	tui_dirty(TUI_DIRTY_ALL);
}

/* The scan is over: sort it and show the preview (UI thread). */
static void
wi_scan_check(struct wi *wi)
{
	struct scan *s = wi->scan;
	struct imgscan sc;
	char *cause = NULL;
	int finished, failed;

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
		wi->step = WI_SETUP;
		form_page_set_error(wi->page, cause != NULL ? cause :
		    _("the scan failed"));
		free(cause);
		tui_dirty(TUI_DIRTY_ALL);
		return;
	}
	wi->preview = import_preview_new(&sc, wi->dir, wi->mode, wi->advance);
	wi->step = WI_PREVIEW;
	tui_dirty(TUI_DIRTY_ALL);
}

static void
wi_draw_setup(struct wi *wi)
{
	static const char *buttons[2];
	int w = COLS - 8 < 72 ? COLS - 8 : 72;
	int h = form_page_rows(wi->page) + 6;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;

	buttons[WB_SCAN] = _("Scan >");
	buttons[WB_CANCEL] = _("Cancel");
	tui_box(y, x, h, w, wi->session != 0 ? _("Import into one session") :
	    _("Bulk Image Import"));
	tui_put(y + 1, x + 2, w - 4, ROLE_HEADER, _("Step 1 of 3: the card "
	    "and how to sort it"));
	tui_put(y + 2, x + 2, w - 4, ROLE_DIM, _("The card is only read. "
	    "Esc cancels; nothing is written before the last step."));
	form_page_draw(wi->page, y + 3, x + 2, w - 4);
	form_page_draw_buttons(wi->page, y + h - 2, x, w, buttons, 2);
	form_page_cursor(wi->page);
}

static void
wi_draw_scan(struct wi *wi)
{
	struct scan *s = wi->scan;
	size_t done, total;
	char *t;
	int w = COLS - 8 < 72 ? COLS - 8 : 72, h = 8;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;

	pthread_mutex_lock(&s->lock);
	done = s->done;
	total = s->total;
	pthread_mutex_unlock(&s->lock);
	tui_box(y, x, h, w, _("Bulk Image Import"));
	tui_put(y + 1, x + 2, w - 4, ROLE_HEADER, _("Step 2 of 3: "
	    "scanning"));
	tui_put(y + 2, x + 2, w - 4, ROLE_NORMAL, wi->dir);
	/* L10N: scan progress: frames read of frames found */
	t = xasprintf(_("Scanning… %zu of %zu frames"), done, total);
	tui_put(y + 3, x + 2, w - 4, ROLE_NORMAL, t);
	free(t);
	tui_bar(y + 4, x + 2, w - 4, (long long)done, (long long)total);
	tui_put(y + 6, x + 2, w - 4, ROLE_DIM, _("Esc cancels (nothing is "
	    "written)."));
	curs_set(0);
}

static void
wi_draw(struct tui_layer *tl)
{
	struct wi *wi = (struct wi *)tl;

	if (wi->step == WI_SCAN)
		wi_scan_check(wi);
	switch (wi->step) {
	case WI_SETUP:
		wi_draw_setup(wi);
		break;
	case WI_SCAN:
		wi_draw_scan(wi);
		break;
	default:
		import_preview_draw(wi->preview);
		break;
	}
}

static int
wi_key(struct tui_layer *tl, int key)
{
	struct wi *wi = (struct wi *)tl;
	char *cause = NULL;
	int button = 0;

	switch (wi->step) {
	case WI_SCAN:
		if (key == TUI_ESC) {
			tui_pop();
			tui_message("%s", _("Import cancelled: nothing was "
			    "written."));
		}
		return TUI_HANDLED;
	case WI_PREVIEW:
		switch (import_preview_key(wi->preview, key)) {
		case IMPORT_PREVIEW_CANCEL:
			tui_pop();
			tui_message("%s", _("Import cancelled: nothing was "
			    "written."));
			break;
		case IMPORT_PREVIEW_DONE:
			tui_pop();
			break;
		default:
			break;
		}
		return TUI_HANDLED;
	}
	switch (form_page_key(wi->page, key, 2, &button)) {
	case FORM_KEY_DEFAULT:
		button = WB_SCAN;
		/* FALLTHROUGH */
	case FORM_KEY_BUTTON:
		if (button == WB_CANCEL) {
			tui_pop();
			break;
		}
		if (form_page_check(wi->page, &cause) != 0) {
			form_page_set_error(wi->page, cause);
			free(cause);
			break;
		}
		form_page_set_error(wi->page, NULL);
		wi_scan_start(wi);
		break;
	case FORM_KEY_CANCEL:
		tui_pop();
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

static void
wi_choices(struct wi *wi)
{
	struct form_choice by[3], field[EXIFMETA_NFIELDS + 1], adv[2];
	int i, n = 0;

	if (wi->session != 0)
		by[n++] = (struct form_choice){ _("one session"), BY_SESSION };
	by[n++] = (struct form_choice){ _("QR code"), BY_QR };
	by[n++] = (struct form_choice){ _("metadata"), BY_METADATA };
	if (wi->session == 0)
		by[n++] = (struct form_choice){ _("one session"), BY_SESSION };
	form_page_set_choices(wi->page, WF_BY, by, n);
	field[0] = (struct form_choice){ _("the first that holds a number"),
	    0 };
	for (i = 0; i < EXIFMETA_NFIELDS; i++)
		field[i + 1] = (struct form_choice){ exifmeta_field_name(i),
		    i + 1 };
	form_page_set_choices(wi->page, WF_FIELD, field, EXIFMETA_NFIELDS + 1);
	adv[0] = (struct form_choice){ _("(stay)"), 1 };
	adv[1] = (struct form_choice){ _("Images Imported"), 2 };
	form_page_set_choices(wi->page, WF_ADVANCE, adv, 2);
}

void
wizard_import_open(long long session)
{
	struct wi *wi = xcalloc(1, sizeof *wi);
	char num[24];

	wi->layer.draw = wi_draw;
	wi->layer.key = wi_key;
	wi->layer.free = wi_free;
	wi->session = session;
	wi->page = form_page_new(wi_fields, WF_NFIELDS, wi);
	wi_choices(wi);
	if (session != 0) {
		snprintf(num, sizeof num, "%lld", session);
		form_set_value(wi->page, WF_SESSION, num);
	}
	tui_push(&wi->layer);
}
