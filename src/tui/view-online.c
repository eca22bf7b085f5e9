/*
 * tui/view-online: a session's Online view (o in the Sessions hub, or the
 * Online button of the session form) — the grants that apply to it (its
 * own, its type's, its invoiced items'), how many images they give, and
 * its delivery: built (STUDIO/deliveries/NUMBER/manifest.json) and
 * published (the URL kept on the session).  Keys: a sets the session's own
 * grant (a form: style, group, long side, watermark, release), d removes
 * it (asks first); t and T the same for the grant of its session type
 * (which every session of that type shares); b queues the delivery build and p the publishing (the
 * "delivery" job, jobs/delivery.h; the message line says when it ends),
 * Esc closes.  The view reads the studio again at every repaint, so a job
 * that ends shows at once.  UI thread only.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/autogroup.h"
#include "core/uploadcfg.h"
#include "jobs/delivery.h"
#include "jobs/job.h"
#include "store/db.h"
#include "store/grant.h"
#include "store/job.h"
#include "store/session.h"
#include "tui/dialog.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/jobwatch.h"
#include "tui/sessions-act.h"
#include "util/xalloc.h"

#define OV_ROWS		14

struct online {
	struct tui_layer	 layer;
	long long		 number;
	char			*title;
	long long		 own_grant;	/* the session's own, or 0 */
	long long		 type_grant;	/* its type's, or 0 */
	char			*type;		/* its session type, or NULL */
	enum grant_source	 editing;	/* what the grant form sets */
	long long		 job;		/* the last job queued here */
	struct textpane		 tp;
};

static const char *const source_names[] = {
	/* L10N: where a grant comes from (Online view) */
	N_("session"), N_("type"), N_("item")
};

static int
ov_grant_row(const struct grant_row *g, void *arg)
{
	struct online *ov = arg;
	char size[32];

	if (g->source == GRANT_SESSION)
		ov->own_grant = g->id;
	else if (g->source == GRANT_TYPE)
		ov->type_grant = g->id;
	if (g->long_side > 0)
		snprintf(size, sizeof size, _("%d px"), g->long_side);
	else
		snprintf(size, sizeof size, "%s", _("full size"));
	textpane_add(&ov->tp, "  #%-4lld %-8s %-14.14s %-16.16s %-9s %s%s%s",
	    g->id, _(source_names[g->source]), g->target, g->style, size,
	    g->watermark ? _("watermark") : _("no watermark"),
	    g->release ? ", " : "", g->release ? _("release") : "");
	return 0;
}

static void
ov_note(const char *msg, void *arg)
{
	struct online *ov = arg;

	textpane_add(&ov->tp, "  %s", msg);
}

/* Reads the studio again into the text pane. */
static void
ov_load(struct online *ov)
{
	struct store *st = tui_store();
	struct store_job job;
	struct stat sb;
	char *cause = NULL, *url, *rel, *path, when[32];
	int top = ov->tp.top;
	long long id;
	long n;

	textpane_clear(&ov->tp);
	ov->own_grant = ov->type_grant = 0;
	textpane_add(&ov->tp, "%s", _("Grants that apply:"));
	if (store_grant_of_session(st, ov->number, ov_grant_row, ov) != 0)
		textpane_add(&ov->tp, "  %s", store_errmsg(st));
	else if (ov->tp.n == 1)
		textpane_add(&ov->tp, "  %s", _("none: nothing to download"));
	n = delivery_count(st, ov->number, ov_note, ov, &cause);
	if (n < 0) {
		textpane_add(&ov->tp, "  %s", cause);
		free(cause);
	} else
		textpane_add(&ov->tp, ngettext("%ld image granted",
		    "%ld images granted", n), n);
	textpane_add(&ov->tp, "%s", "");
	rel = xasprintf("deliveries/%lld/manifest.json", ov->number);
	path = store_path(st, rel);
	if (stat(path, &sb) == 0) {
		struct tm tm;

		localtime_r(&sb.st_mtime, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		/* L10N: "Built: 2026-12-02 07:40, deliveries/1001/" */
		textpane_add(&ov->tp, _("Built: %s, deliveries/%lld/"), when,
		    ov->number);
	} else
		textpane_add(&ov->tp, "%s", _("Built: not yet"));
	free(path);
	free(rel);
	url = store_delivery_url(st, ov->number);
	textpane_add(&ov->tp, _("Published: %s"), url != NULL ? url :
	    _("not yet"));
	free(url);
	/* The latest delivery job: queued here, or by an invoice. */
	if ((id = store_delivery_job(st, ov->number)) > 0 &&
	    store_job_get(st, id, &job) == 1) {
		/* L10N: "Job #12: running" */
		textpane_add(&ov->tp, _("Job #%lld: %s"), job.id,
		    jobs_state_shown(&job));
		store_job_clear(&job);
	}
	ov->tp.top = top;
}

static void
ov_draw(struct tui_layer *tl)
{
	struct online *ov = (struct online *)tl;
	int w = COLS - 4 < 78 ? COLS - 4 : 78;
	int h = OV_ROWS + 4, y, x;

	if (h > LINES - 2)
		h = LINES - 2;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	ov_load(ov);
	tui_box(y, x, h, w, ov->title);
	textpane_draw(&ov->tp, y + 1, x + 2, h - 3, w - 4);
	tui_put(y + h - 2, x + 2, w - 4, ROLE_DIM,
	    _("a/d session's grant  t/T type's  b build  p publish  Esc"));
}

static void
ov_free(struct tui_layer *tl)
{
	struct online *ov = (struct online *)tl;

	textpane_clear(&ov->tp);
	free(ov->type);
	free(ov->title);
	free(ov);
}

/* ---- the session's own grant ---- */

enum { G_STYLE, G_GROUP, G_LONG, G_WATERMARK, G_RELEASE };

static const struct form_field grant_fields[] = {
	{ N_("Style"), FORM_CHOICE, 1, 0, NULL },
	/* L10N: the image group of a group grant */
	{ N_("Group"), FORM_TEXT, 0, 60, NULL },
	/* L10N: empty: full size */
	{ N_("Long side px"), FORM_INT, 0, 6, NULL },
	{ N_("Watermark"), FORM_CHOICE, 1, 0, NULL },
	/* L10N: the copyright release goes along */
	{ N_("Release"), FORM_CHOICE, 1, 0, NULL },
};

static const char *const grant_styles[] = {
	"all", "ordered", "selected", "non-composite", "group", "single"
};

static int
grant_submit(struct form_page *p, void *arg, char **cause)
{
	struct online *ov = arg;
	long long style = form_choice_id(p, G_STYLE), id;
	const char *group = form_value(p, G_GROUP);
	char *st_text, num[32];
	const char *target = num;
	long ls = strtol(form_value(p, G_LONG), NULL, 10);
	int rc;

	if (style < 1 || style > 6)
		return -1;
	if (ls < 0 || ls > 100000) {
		*cause = xstrdup(_("the long side is a number of pixels"));
		return -1;
	}
	if (style == 5 && *group == '\0') {
		*cause = xstrdup(_("name the image group"));
		return -1;
	}
	st_text = style == 5 ? xasprintf("group:%s", group) :
	    xstrdup(grant_styles[style - 1]);
	snprintf(num, sizeof num, "%lld", ov->number);
	if (ov->editing == GRANT_TYPE)
		target = ov->type;
	rc = store_grant_add(tui_store(), ov->editing, target, st_text,
	    (int)ls, form_choice_id(p, G_WATERMARK) == 2,
	    form_choice_id(p, G_RELEASE) == 2, &id);
	free(st_text);
	if (rc != 1) {
		*cause = xstrdup(rc == 0 ? _("no such session or type") :
		    store_errmsg(tui_store()));
		return -1;
	}
	if (ov->editing == GRANT_TYPE)
		/* L10N: "grant #4 set on session type Picture Day" */
		tui_message(_("grant #%lld set on session type %s"), id,
		    ov->type);
	else
		tui_message(_("grant #%lld set on session %lld"), id,
		    ov->number);
	tui_dirty(TUI_DIRTY_LAYERS);
	return 0;
}

static void
grant_open(struct online *ov, enum grant_source source)
{
	struct form_choice styles[6], yn[2];
	struct form_page *p = form_page_new(grant_fields, 5, ov);
	size_t i;

	for (i = 0; i < 6; i++) {
		styles[i].label = grant_styles[i];
		styles[i].id = (long long)i + 1;
	}
	yn[0].label = _("no");
	yn[0].id = 1;
	yn[1].label = _("yes");
	yn[1].id = 2;
	form_page_set_choices(p, G_STYLE, styles, 6);
	form_page_set_choices(p, G_WATERMARK, yn, 2);
	form_page_set_choices(p, G_RELEASE, yn, 2);
	ov->editing = source;
	form_open(source == GRANT_TYPE ? _("The grant of the session type") :
	    _("The session's grant"), p, grant_submit, ov);
}

static void
grant_remove(void *arg)
{
	struct online *ov = arg;
	long long id = ov->editing == GRANT_TYPE ? ov->type_grant :
	    ov->own_grant;

	if (store_grant_remove(tui_store(), id) != 1)
		tui_error("%s", store_errmsg(tui_store()));
	else
		tui_message(_("grant #%lld removed"), id);
	tui_dirty(TUI_DIRTY_LAYERS);
}

/* ---- build and publish: jobs ---- */

static void
ov_queue(struct online *ov, int publish)
{
	struct store *st = tui_store();
	struct uploadcfg cfg;
	char *cause = NULL, *payload, *title;
	long n;

	if (autogroup_fill(st, ov->number, &cause) != 0)
		n = -1;
	else
		n = delivery_count(st, ov->number, NULL, NULL, &cause);
	if (n <= 0) {
		if (n < 0) {
			tui_error("%s", cause);
			free(cause);
		} else
			tui_error(_("session %lld: no grant"), ov->number);
		return;
	}
	if (publish) {
		if (uploadcfg_load(st, &cfg, &cause) != 0) {
			tui_error("%s", cause);
			free(cause);
			return;
		}
		uploadcfg_free(&cfg);
	}
	/* No folder: the studio's deliveries/; publish: the session's own
	 * token, made on first use (jobs/delivery.h). */
	payload = xasprintf("{\"session\":%lld,\"zip\":1%s}", ov->number,
	    publish ? ",\"publish\":1" : "");
	title = publish ? xasprintf(_("publish the delivery of session %lld"),
	    ov->number) : xasprintf(_("delivery of session %lld"),
	    ov->number);
	ov->job = jobs_queue(st, "delivery", title, payload, &cause);
	free(payload);
	free(title);
	if (ov->job < 0) {
		tui_error("%s", cause);
		free(cause);
		ov->job = 0;
		return;
	}
	tui_job_watch(ov->job);
	tui_wake();
	tui_message(_("job #%lld queued"), ov->job);
	tui_dirty(TUI_DIRTY_LAYERS);
}

static int
ov_key(struct tui_layer *tl, int key)
{
	struct online *ov = (struct online *)tl;
	char *text;

	if (textpane_key(&ov->tp, key, OV_ROWS - 1)) {
		tui_dirty(TUI_DIRTY_LAYERS);
		return TUI_HANDLED;
	}
	switch (key) {
	case 'a':
		grant_open(ov, GRANT_SESSION);
		break;
	case 't':
		if (ov->type == NULL) {
			tui_message("%s", _("The session has no type."));
			break;
		}
		grant_open(ov, GRANT_TYPE);
		break;
	case 'd':
		if (ov->own_grant == 0) {
			tui_message("%s", _("The session has no grant of its "
			    "own (T removes its type's; an item's is "
			    "removed in Setup)."));
			break;
		}
		ov->editing = GRANT_SESSION;
		text = xasprintf(_("Remove grant #%lld of session %lld?"),
		    ov->own_grant, ov->number);
		dialog_confirm(_("Remove the grant"), text, grant_remove, ov);
		free(text);
		break;
	case 'T':
		if (ov->type_grant == 0) {
			tui_message("%s", _("The session's type has no "
			    "grant."));
			break;
		}
		ov->editing = GRANT_TYPE;
		/* L10N: "Remove grant #3 of session type Picture Day (every
		 * session of that type)?" */
		text = xasprintf(_("Remove grant #%lld of session type %s "
		    "(every session of that type)?"), ov->type_grant,
		    ov->type);
		dialog_confirm(_("Remove the grant"), text, grant_remove, ov);
		free(text);
		break;
	case 'b':
		ov_queue(ov, 0);
		break;
	case 'p':
		ov_queue(ov, 1);
		break;
	case TUI_ESC:
	case 'q':
		tui_pop();
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

static int
ov_type_row(const struct session_row *r, void *arg)
{
	struct online *ov = arg;

	if (r->type != NULL && *r->type != '\0')
		ov->type = xstrdup(r->type);
	return 0;
}

void
sessions_online_open(long long number)
{
	struct session_filter f;
	struct online *ov;

	if (number == 0) {
		tui_error("%s", _("no session here"));
		return;
	}
	ov = xcalloc(1, sizeof *ov);
	ov->layer.draw = ov_draw;
	ov->layer.key = ov_key;
	ov->layer.free = ov_free;
	ov->number = number;
	memset(&f, 0, sizeof f);
	f.numbers = &number;
	f.nnumbers = 1;
	(void)store_session_each(tui_store(), &f, ov_type_row, ov);
	/* L10N: title of the Online view */
	ov->title = xasprintf(_("Session %lld: Online"), number);
	tui_push(&ov->layer);
}
