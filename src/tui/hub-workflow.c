/*
 * tui/hub-workflow: the Workflow hub (issue 4, item 8) — every session by
 * number on the left (filter with /), the chosen session's frames on the
 * right with the ✓ mark and a picture of the current frame
 * (view-frames.c).  Enter goes to the frames and back; s or * flips ✓;
 * C flags a frame as a composite, + and - put it into or take it out of
 * an image group (asking its name); i opens the Bulk Image Import wizard,
 * m imports a folder into the chosen session, c starts Group Capture.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/image.h"
#include "store/lists.h"
#include "store/workflow.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/invoices.h"
#include "tui/workflow.h"
#include "util/xalloc.h"

static const struct list_column wf_cols[] = {
	{ N_("Number"), 1, 6, 0, 1 },
	{ N_("Last name"), 2, 10, 2, 0 },
	{ N_("First name"), 3, 8, 1, 0 },
};

struct workflow {
	struct list	*sessions;
	struct frames	*frames;
	int		 in_frames;	/* the frame pane has the keys */
};

static void
workflow_init(struct hub *h)
{
	struct workflow *wf = xcalloc(1, sizeof *wf);

	wf->sessions = list_new(LISTS_SESSIONS, wf_cols,
	    sizeof wf_cols / sizeof wf_cols[0]);
	wf->frames = frames_new();
	h->data = wf;
}

static void
workflow_free(struct hub *h)
{
	struct workflow *wf = h->data;

	if (wf == NULL)
		return;
	list_free(wf->sessions);
	frames_free(wf->frames);
	free(wf);
	h->data = NULL;
}

/* The pane follows the session under the cursor, and the frames that an
 * import or Group Capture added since. */
static void
workflow_follow(struct workflow *wf)
{
	long long sid = list_current(wf->sessions);

	frames_set_session(wf->frames, sid, sid != 0 &&
	    store_image_count(tui_store(), sid) != frames_count(wf->frames));
	if (frames_count(wf->frames) == 0)
		wf->in_frames = 0;
}

static void
workflow_draw(struct hub *h, int y, int hgt, int w)
{
	struct workflow *wf = h->data;
	int lw = w * 2 / 5, i;

	workflow_follow(wf);
	tui_fill(y, 0, w, ROLE_NORMAL);
	tui_put(y, 0, w, ROLE_DIM, wf->in_frames ?
	    _("Frames: ↑↓ move  s ✓  C composite  +/- group  Esc back") :
	    _("Enter frames  i import card  m import into session  "
	    "c Group Capture"));
	list_draw(wf->sessions, y + 1, hgt - 1, lw);
	attrset(tui_attr(ROLE_FRAME));
	for (i = 1; i < hgt; i++)
		mvaddch(y + i, lw, ACS_VLINE);
	attrset(A_NORMAL);
	frames_draw(wf->frames, y + 1, lw + 1, hgt - 1, w - lw - 1,
	    wf->in_frames);
}

static void
workflow_reload(struct hub *h)
{
	struct workflow *wf = h->data;

	list_reload(wf->sessions);
	frames_set_session(wf->frames, list_current(wf->sessions), 1);
}

static struct list *
workflow_list(struct hub *h)
{
	struct workflow *wf = h->data;

	return wf == NULL || wf->in_frames ? NULL : wf->sessions;
}

static long long
workflow_number(struct workflow *wf)
{
	struct wf_session ws;
	long long sid = list_current(wf->sessions), n = 0;

	if (sid != 0 && store_wf_session(tui_store(), sid, &ws) == 1) {
		n = ws.number;
		store_wf_session_clear(&ws);
	}
	return n;
}

static const struct form_field group_fields[] = {
	{ N_("Group"), FORM_TEXT, 1, 60, NULL },
};

struct group_ask {
	struct frames	*frames;
	int		 remove;
};

static int
group_submit(struct form_page *p, void *arg, char **cause)
{
	struct group_ask *ga = arg;

	(void)cause;
	frames_group(ga->frames, form_value(p, 0), ga->remove);
	return 0;
}

static void
group_ask(struct workflow *wf, int remove)
{
	/* One form at a time (the UI thread's), and Esc frees nothing. */
	static struct group_ask ask;
	struct group_ask *ga = &ask;

	ga->frames = wf->frames;
	ga->remove = remove;
	form_open(remove ? _("Take the frame out of the group") :
	    _("Put the frame into the group"),
	    form_page_new(group_fields, 1, ga), group_submit, ga);
}

static int
workflow_key(struct hub *h, int key, enum tui_action act)
{
	struct workflow *wf = h->data;
	long long number;

	if (wf->in_frames && frames_key(wf->frames, key) == TUI_HANDLED)
		return TUI_HANDLED;
	switch (act) {
	case ACT_WF_FRAMES:
		workflow_follow(wf);
		if (!wf->in_frames && frames_count(wf->frames) == 0) {
			tui_message("%s", _("This session has no frames yet."));
			return TUI_HANDLED;
		}
		wf->in_frames = !wf->in_frames;
		break;
	case ACT_WF_BACK:
		if (!wf->in_frames)
			return TUI_NOT_MINE;
		wf->in_frames = 0;
		break;
	case ACT_WF_SELECT:
		if (!wf->in_frames) {
			tui_message("%s", _("Enter goes to the frames first."));
			return TUI_HANDLED;
		}
		frames_toggle(wf->frames);
		break;
	case ACT_WF_COMPOSITE:
	case ACT_WF_GROUP_ADD:
	case ACT_WF_GROUP_REMOVE:
		if (!wf->in_frames) {
			tui_message("%s", _("Enter goes to the frames first."));
			return TUI_HANDLED;
		}
		if (act == ACT_WF_COMPOSITE)
			frames_toggle_composite(wf->frames);
		else
			group_ask(wf, act == ACT_WF_GROUP_REMOVE);
		return TUI_HANDLED;
	case ACT_WF_IMPORT:
		wizard_import_open(0);
		return TUI_HANDLED;
	case ACT_WF_MANUAL:
		if ((number = workflow_number(wf)) == 0) {
			tui_message("%s", _("Pick a session first."));
			return TUI_HANDLED;
		}
		wizard_import_open(number);
		return TUI_HANDLED;
	case ACT_WF_ORDER:
		sales_open(workflow_number(wf));
		return TUI_HANDLED;
	case ACT_WF_CAPTURE:
		capture_open(workflow_number(wf));
		return TUI_HANDLED;
	default:
		return TUI_NOT_MINE;
	}
	tui_dirty(TUI_DIRTY_HUB | TUI_DIRTY_STATUS);
	return TUI_HANDLED;
}

struct hub hub_workflow = {
	N_("Workflow"), SCOPE_WORKFLOW,
	N_("sessions and their frames: the ✓ mark, image import, Group "
	    "Capture"),
	workflow_init, workflow_free, workflow_draw, workflow_key,
	workflow_reload, workflow_list, NULL
};
