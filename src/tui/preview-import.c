/*
 * tui/preview-import: step 3 of the Bulk Image Import wizard — the sorted
 * card as rows (a heading per session, marker code, unknown code, the
 * unassigned, the "unreadable code?" (held after a frame that looked like
 * a QR but did not decode) and the unreadable, each followed by its
 * frames), the runs
 * that look wrong flagged, and the operator's fixes (core/importfix):
 *
 *   m or a   move the tagged frames, else this frame, else (on a
 *            heading) all its frames, to a session by number
 *   c        make a session for the unknown code under the cursor: a new
 *            client in an organization, or an existing client by student ID
 *   Space    tag a frame;  Enter twice: queue the import;  Esc: cancel
 *
 * See import.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/importfix.h"
#include "core/imgscan.h"
#include "jobs/job.h"
#include "store/client.h"
#include "store/db.h"
#include "store/lists.h"
#include "store/workflow.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/import.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define NOFRAME	SIZE_MAX

enum pv_group { G_SESSION, G_MARKER, G_UNKNOWN, G_UNASSIGNED, G_UNREADABLE,
	G_SUSPECT };

struct pv_row {
	enum pv_group	 group;
	char		*code;		/* the list's code, or NULL */
	size_t		 frame;		/* NOFRAME: a heading */
	char		*text;
	enum tui_role	 role;
};

struct import_preview {
	struct imgscan		 sc;
	struct imgsort_result	 r;
	char			*dir;
	const char		*mode;
	int			 advance;
	char			**flag;		/* per frame, or NULL */
	char			*tagged;	/* per frame */
	size_t			 ntagged;
	struct pv_row		*rows;
	size_t			 nrows, cur, top;
	int			 confirm;	/* Enter once: asks again */
	char			*code;		/* of the create form */
};

int
import_validate_session(const char *v, void *arg, char **cause)
{
	struct wf_session ws;

	if (store_wf_session_by_number(tui_store(), strtoll(v, NULL, 10),
	    &ws) == 1) {
		store_wf_session_clear(&ws);
		return 0;
	}
	*cause = xasprintf(_("no session %s"), v);
	return -1;
}

/* ---- rows ---- */

static void
pv_rows_free(struct import_preview *pv)
{
	size_t i;

	for (i = 0; i < pv->nrows; i++) {
		free(pv->rows[i].code);
		free(pv->rows[i].text);
	}
	free(pv->rows);
	pv->rows = NULL;
	pv->nrows = 0;
}

static void
pv_add(struct import_preview *pv, enum pv_group g, const char *code,
    size_t frame, enum tui_role role, char *text)
{
	struct pv_row *row;

	pv->rows = xreallocarray(pv->rows, pv->nrows + 1, sizeof *pv->rows);
	row = &pv->rows[pv->nrows++];
	row->group = g;
	row->code = code != NULL ? xstrdup(code) : NULL;
	row->frame = frame;
	row->role = role;
	row->text = text;
}

static void
pv_add_frames(struct import_preview *pv, enum pv_group g, const char *code,
    const size_t *v, size_t n)
{
	const struct imgscan_frame *f;
	char when[20];
	size_t i;

	for (i = 0; i < n; i++) {
		f = &pv->sc.f[v[i]];
		snprintf(when, sizeof when, "%.19s", f->captured_at);
		if (strlen(when) > 10)
			when[10] = ' ';
		pv_add(pv, g, code, v[i], pv->flag[v[i]] != NULL ? ROLE_ERROR :
		    ROLE_NORMAL, xasprintf("    %s  %s%s%s", f->rel,
		    when, g == G_UNREADABLE && f->why != NULL ?
		    "  " : pv->flag[v[i]] != NULL ? "  ! " : "",
		    g == G_UNREADABLE && f->why != NULL ? f->why :
		    pv->flag[v[i]] != NULL ? pv->flag[v[i]] : ""));
	}
}

static void
pv_rebuild(struct import_preview *pv)
{
	const struct imgsort_result *r = &pv->r;
	struct wf_session ws;
	size_t i;

	pv_rows_free(pv);
	for (i = 0; i < r->nsessions; i++) {
		const struct imgsort_list *l = &r->sessions[i];
		int found = store_wf_session_by_number(tui_store(),
		    strtoll(l->code, NULL, 10), &ws);

		/* L10N: preview heading: number, client, frames */
		pv_add(pv, G_SESSION, l->code, NOFRAME, ROLE_HEADER,
		    xasprintf(_("Session %s  %s  %zu frames"), l->code,
		    found == 1 ? ws.name : "", l->n));
		if (found == 1)
			store_wf_session_clear(&ws);
		pv_add_frames(pv, G_SESSION, l->code, l->frames, l->n);
	}
	for (i = 0; i < r->nmarkers; i++) {
		const struct imgsort_list *l = &r->markers[i];

		pv_add(pv, G_MARKER, l->code, NOFRAME, ROLE_LABEL,
		    xasprintf(_("QR marker %s  %zu frames (kept, flagged as "
		    "markers)"), l->code, l->n));
		pv_add_frames(pv, G_MARKER, l->code, l->frames, l->n);
	}
	for (i = 0; i < r->nunknown; i++) {
		const struct imgsort_list *l = &r->unknown[i];

		pv_add(pv, G_UNKNOWN, l->code, NOFRAME, ROLE_ERROR,
		    xasprintf(_("Unknown code %s  %zu frames — c makes it a "
		    "session, m moves them"), l->code, l->n));
		pv_add_frames(pv, G_UNKNOWN, l->code, l->frames, l->n);
	}
	if (r->nunassigned > 0) {
		pv_add(pv, G_UNASSIGNED, NULL, NOFRAME, ROLE_ERROR,
		    xasprintf(_("Unassigned  %zu frames — m assigns them to a "
		    "session"), r->nunassigned));
		pv_add_frames(pv, G_UNASSIGNED, NULL, r->unassigned,
		    r->nunassigned);
	}
	if (r->nsuspect > 0) {
		pv_add(pv, G_SUSPECT, NULL, NOFRAME, ROLE_ERROR,
		    xasprintf(_("Unreadable code?  %zu frames — a frame looked "
		    "like a QR code but did not decode; m assigns them"),
		    r->nsuspect));
		pv_add_frames(pv, G_SUSPECT, NULL, r->suspect, r->nsuspect);
	}
	if (r->nunreadable > 0) {
		pv_add(pv, G_UNREADABLE, NULL, NOFRAME, ROLE_ERROR,
		    xasprintf(_("Unreadable  %zu frames (not imported)"),
		    r->nunreadable));
		pv_add_frames(pv, G_UNREADABLE, NULL, r->unreadable,
		    r->nunreadable);
	}
	if (pv->cur >= pv->nrows)
		pv->cur = pv->nrows > 0 ? pv->nrows - 1 : 0;
	tui_dirty(TUI_DIRTY_ALL);
}

struct import_preview *
import_preview_new(struct imgscan *sc, const char *dir, const char *mode,
    int advance)
{
	struct import_preview *pv = xcalloc(1, sizeof *pv);
	size_t i;

	pv->sc = *sc;
	memset(sc, 0, sizeof *sc);
	pv->dir = xstrdup(dir);
	pv->mode = mode;
	pv->advance = advance;
	imgscan_sort(&pv->sc, tui_store(), &pv->r);
	pv->flag = xcalloc(pv->sc.n + 1, sizeof *pv->flag);
	pv->tagged = xcalloc(pv->sc.n + 1, 1);
	for (i = 0; i < pv->r.nflags; i++)
		if (pv->flag[pv->r.flags[i].frame] == NULL)
			pv->flag[pv->r.flags[i].frame] = imgsort_flag_text(
			    &pv->r.flags[i], pv->sc.sf);
	pv_rebuild(pv);
	return pv;
}

void
import_preview_free(struct import_preview *pv)
{
	size_t i;

	if (pv == NULL)
		return;
	pv_rows_free(pv);
	for (i = 0; i < pv->sc.n; i++)
		free(pv->flag[i]);
	free(pv->flag);
	free(pv->tagged);
	free(pv->code);
	imgsort_result_free(&pv->r);
	imgscan_free(&pv->sc);
	free(pv->dir);
	free(pv);
}

/* ---- drawing ---- */

static size_t
pv_importing(struct import_preview *pv, size_t *nsessions)
{
	size_t i, n = 0;

	for (i = 0; i < pv->r.nsessions; i++)
		n += pv->r.sessions[i].n;
	*nsessions = pv->r.nsessions;
	return n;
}

void
import_preview_draw(struct import_preview *pv, int y, int x, int h, int w)
{
	int rows = h - 3, i;
	size_t ns, nf = pv_importing(pv, &ns), k;
	char *t;

	if (rows < 1)
		return;
	/* L10N: preview summary line */
	t = xasprintf(_("%zu frames into %zu sessions; left out: %zu "
	    "unassigned, %zu unknown codes, %zu unreadable code?, %zu "
	    "unreadable; %zu flags"), nf, ns, pv->r.nunassigned,
	    pv->r.nunknown, pv->r.nsuspect, pv->r.nunreadable, pv->r.nflags);
	tui_put(y, x, w, ROLE_NORMAL, t);
	free(t);
	if (pv->cur < pv->top)
		pv->top = pv->cur;
	if (pv->cur >= pv->top + rows)
		pv->top = pv->cur - rows + 1;
	for (i = 0; i < rows; i++) {
		const struct pv_row *row;
		enum tui_role role;
		char mark[4];

		k = pv->top + i;
		tui_fill(y + 1 + i, x, w, ROLE_NORMAL);
		if (k >= pv->nrows)
			continue;
		row = &pv->rows[k];
		role = k == pv->cur ? ROLE_CURSOR : row->role;
		if (row->frame != NOFRAME && pv->tagged[row->frame])
			role = k == pv->cur ? ROLE_TAGGED_CURSOR : ROLE_TAGGED;
		snprintf(mark, sizeof mark, "%s", row->frame != NOFRAME &&
		    pv->tagged[row->frame] ? "*" : " ");
		tui_fill(y + 1 + i, x, w, role);
		tui_put(y + 1 + i, x, 1, role, mark);
		tui_put(y + 1 + i, x + 1, w - 1, role, row->text);
	}
	if (pv->nrows == 0)
		tui_put(y + 2, x, w, ROLE_DIM, _("No frames on this "
		    "card."));
	tui_put(y + h - 2, x, w, pv->confirm ? ROLE_ERROR : ROLE_DIM,
	    pv->confirm ? _("Enter again queues the import; any other key "
	    "goes back.") : _("m/a move to a session  c make a session for "
	    "the code  Space tag"));
	tui_put(y + h - 1, x, w, ROLE_DIM, _("Enter import (asks "
	    "first)  Esc cancel: nothing is written"));
	curs_set(0);
}

/* ---- fixes ---- */

/* The frames m acts on: the tagged, else the row's frame, else the
 * frames of the row's heading.  Caller frees; *n may be 0. */
static size_t *
pv_targets(struct import_preview *pv, size_t *n)
{
	const struct pv_row *row;
	size_t *v = xcalloc(pv->sc.n + 1, sizeof *v), i;

	*n = 0;
	if (pv->ntagged > 0) {
		for (i = 0; i < pv->sc.n; i++)
			if (pv->tagged[i])
				v[(*n)++] = i;
		return v;
	}
	if (pv->cur >= pv->nrows)
		return v;
	row = &pv->rows[pv->cur];
	if (row->frame != NOFRAME) {
		v[(*n)++] = row->frame;
		return v;
	}
	for (i = pv->cur + 1; i < pv->nrows && pv->rows[i].frame != NOFRAME;
	    i++)
		v[(*n)++] = pv->rows[i].frame;
	return v;
}

static const struct form_field pv_move_fields[] = {
	{ N_("Session number"), FORM_INT, 1, 10, import_validate_session },
};

static int
pv_move_submit(struct form_page *p, void *arg, char **cause)
{
	struct import_preview *pv = arg;
	char code[24];
	size_t *v, n, i, moved = 0;

	snprintf(code, sizeof code, "%lld", strtoll(form_value(p, 0), NULL,
	    10));
	v = pv_targets(pv, &n);
	for (i = 0; i < n; i++)
		if (importfix_move(&pv->r, pv->sc.sf, v[i], code) == 0)
			moved++;
	free(v);
	memset(pv->tagged, 0, pv->sc.n + 1);
	pv->ntagged = 0;
	pv_rebuild(pv);
	/* L10N: frames moved in the import preview */
	tui_message(_("%zu frames now go to session %s."), moved, code);
	return 0;
}

static void
pv_move(struct import_preview *pv)
{
	size_t n, *v = pv_targets(pv, &n);

	free(v);
	if (n == 0) {
		tui_message("%s", _("No frame here to move."));
		return;
	}
	form_open(_("Move frames to session"), form_page_new(pv_move_fields,
	    1, pv), pv_move_submit, pv);
}

enum { CF_ORG, CF_LAST, CF_FIRST, CF_STUDENT_ID };
static const struct form_field pv_create_fields[] = {
	{ N_("Organization"), FORM_CHOICE, 0, 0, NULL },
	{ N_("Last name (new client)"), FORM_TEXT, 0, 0, NULL },
	{ N_("First name"), FORM_TEXT, 0, 0, NULL },
	{ N_("or existing client's student ID"), FORM_TEXT, 0, 0, NULL },
};

static int
pv_create_submit(struct form_page *p, void *arg, char **cause)
{
	struct import_preview *pv = arg;
	struct client c;
	long long org = form_choice_id(p, CF_ORG), client = 0, number;
	const char *sid = form_value(p, CF_STUDENT_ID);
	size_t moved;
	int found;

	memset(&c, 0, sizeof c);
	if (*sid != '\0') {
		found = store_client_find(tui_store(), org, sid, &c);
		client = c.id;
		client_clear(&c);
		if (found != 1) {
			*cause = xasprintf(_("no client with student ID %s in "
			    "that organization"), sid);
			return -1;
		}
	} else if (*form_value(p, CF_LAST) == '\0') {
		*cause = xstrdup(_("Give a last name, or an existing "
		    "client's student ID."));
		return -1;
	}
	if (store_wf_session_new(tui_store(), strtoll(pv->code, NULL, 10),
	    client, org, form_value(p, CF_FIRST), form_value(p, CF_LAST),
	    &number, cause) != 0)
		return -1;
	moved = importfix_adopt(&pv->r, pv->sc.sf, pv->code);
	pv_rebuild(pv);
	tui_reload_all();
	tui_message(_("Session %lld made; %zu frames go to it."), number,
	    moved);
	return 0;
}

static void
pv_create(struct import_preview *pv)
{
	const struct pv_row *row = pv->cur < pv->nrows ? &pv->rows[pv->cur] :
	    NULL;
	struct form_page *p;
	struct form_choice *orgs;
	const char *s;
	char *title;
	int n;

	if (row == NULL || row->group != G_UNKNOWN) {
		tui_message("%s", _("c works on an unknown code: move the "
		    "cursor there."));
		return;
	}
	for (s = row->code; *s >= '0' && *s <= '9'; s++)
		;
	if (*s != '\0' || *row->code == '\0' || strlen(row->code) > 15) {
		tui_error(_("code %s cannot be a session number"), row->code);
		return;
	}
	free(pv->code);
	pv->code = xstrdup(row->code);
	p = form_page_new(pv_create_fields, 4, pv);
	hub_choices(LISTS_ORGS, 1, _("(none)"), &orgs, &n);
	form_page_set_choices(p, CF_ORG, orgs, n);
	hub_choices_free(orgs, n);
	title = xasprintf(_("New session %s"), row->code);
	form_open(title, p, pv_create_submit, pv);
	free(title);
}

static int
pv_queue(struct import_preview *pv)
{
	struct import_item *items;
	char *payload, *title, *cause = NULL;
	size_t n;
	long long id;

	items = imgscan_items(&pv->sc, &pv->r, tui_store(), &n);
	if (n == 0) {
		free(items);
		tui_error("%s", _("Nothing to import: no frame belongs to a "
		    "session."));
		return -1;
	}
	payload = imgscan_payload(pv->dir, pv->mode, items, n, pv->advance);
	title = xasprintf(_("import %zu frames from %s"), n, pv->dir);
	id = jobs_queue(tui_store(), "import", title, payload, &cause);
	free(title);
	free(payload);
	free(items);
	if (id < 0) {
		tui_error("%s", cause);
		free(cause);
		return -1;
	}
	/* L10N: after the import wizard */
	tui_message(_("Import job #%lld queued: %zu frames."), id, n);
	tui_dirty(TUI_DIRTY_ALL);
	return 0;
}

int
import_preview_enter(struct import_preview *pv)
{
	tui_dirty(TUI_DIRTY_LAYERS);
	if (!pv->confirm) {
		pv->confirm = 1;
		return IMPORT_PREVIEW_STAY;
	}
	pv->confirm = 0;
	return pv_queue(pv) == 0 ? IMPORT_PREVIEW_DONE : IMPORT_PREVIEW_STAY;
}

int
import_preview_key(struct import_preview *pv, int key)
{
	const struct pv_row *row;
	int confirm = pv->confirm;

	pv->confirm = 0;
	tui_dirty(TUI_DIRTY_LAYERS);
	switch (key) {
	case TUI_ESC:
		return IMPORT_PREVIEW_CANCEL;
	case '\n': case '\r': case KEY_ENTER:
		if (!confirm) {
			pv->confirm = 1;
			break;
		}
		return pv_queue(pv) == 0 ? IMPORT_PREVIEW_DONE :
		    IMPORT_PREVIEW_STAY;
	case KEY_UP: case 'k':
		if (pv->cur > 0)
			pv->cur--;
		break;
	case KEY_DOWN: case 'j':
		if (pv->cur + 1 < pv->nrows)
			pv->cur++;
		break;
	case KEY_PPAGE:
		pv->cur = pv->cur > 10 ? pv->cur - 10 : 0;
		break;
	case KEY_NPAGE:
		pv->cur = pv->cur + 10 < pv->nrows ? pv->cur + 10 :
		    pv->nrows > 0 ? pv->nrows - 1 : 0;
		break;
	case KEY_HOME: case 'g':
		pv->cur = 0;
		break;
	case KEY_END: case 'G':
		pv->cur = pv->nrows > 0 ? pv->nrows - 1 : 0;
		break;
	case ' ':
		if (pv->cur >= pv->nrows)
			break;
		row = &pv->rows[pv->cur];
		if (row->frame != NOFRAME && row->group != G_UNREADABLE) {
			pv->tagged[row->frame] = !pv->tagged[row->frame];
			pv->ntagged += pv->tagged[row->frame] ? 1 : -1;
		}
		if (pv->cur + 1 < pv->nrows)
			pv->cur++;
		break;
	case 'm': case 'a':
		pv_move(pv);
		break;
	case 'c':
		pv_create(pv);
		break;
	default:
		break;
	}
	return IMPORT_PREVIEW_STAY;
}
