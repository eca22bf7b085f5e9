/*
 * tui/view-frames: the Workflow hub's frame pane — the chosen session's
 * frames (name, capture time, size, marker flag, the ✓ mark, C for a
 * composite) and a
 * picture of the current frame drawn with chafa symbols (tui/picture), or
 * monochrome under NO_COLOR.
 *
 * A session's frames are read whole (a session holds tens, at most a few
 * hundred); the picture is decoded once per frame and size and kept, from
 * the frame's preview (images.preview_path) or else the library file,
 * shrunk on load.  UI thread only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/grant.h"
#include "store/workflow.h"
#include "tui/picture.h"
#include "tui/tui.h"
#include "tui/workflow.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"


struct frame_item {
	long long	 id;
	char		*path, *preview, *name;
	char		 when[20];	/* "YYYY-MM-DD HH:MM:SS" */
	long long	 bytes;
	int		 marker, selected, composite;
};

struct frames {
	long long		 session_id;
	struct wf_session	 ws;
	struct frame_item	*v;
	size_t			 n, cur, top;
	struct tui_picture	*pic;		/* the current frame's */
};

struct frames *
frames_new(void)
{
	struct frames *fr = xcalloc(1, sizeof(struct frames));

	fr->pic = tui_picture_new();
	return fr;
}

static void
frames_clear(struct frames *fr)
{
	size_t i;

	for (i = 0; i < fr->n; i++) {
		free(fr->v[i].path);
		free(fr->v[i].preview);
	}
	free(fr->v);
	fr->v = NULL;
	fr->n = 0;
	store_wf_session_clear(&fr->ws);
}

void
frames_free(struct frames *fr)
{
	if (fr == NULL)
		return;
	frames_clear(fr);
	tui_picture_free(fr->pic);
	free(fr);
}

static int
frames_add(const struct wf_frame *f, void *arg)
{
	struct frames *fr = arg;
	struct frame_item *it;
	const char *slash;

	fr->v = xreallocarray(fr->v, fr->n + 1, sizeof *fr->v);
	it = &fr->v[fr->n++];
	memset(it, 0, sizeof *it);
	it->id = f->id;
	it->path = xstrdup(f->path);
	it->preview = f->preview_path != NULL ? xstrdup(f->preview_path) :
	    NULL;
	slash = strrchr(it->path, '/');
	it->name = slash != NULL ? (char *)slash + 1 : it->path;
	if (f->captured_at != NULL) {
		snprintf(it->when, sizeof it->when, "%.19s", f->captured_at);
		if (strlen(it->when) > 10)
			it->when[10] = ' ';
	}
	it->bytes = f->bytes;
	it->marker = f->is_marker;
	it->selected = f->selected;
	it->composite = f->composite;
	return 0;
}

void
frames_set_session(struct frames *fr, long long session_id, int force)
{
	long long keep = fr->cur < fr->n ? fr->v[fr->cur].id : 0;
	size_t i;

	if (session_id == fr->session_id && !force)
		return;
	if (session_id != fr->session_id) {
		keep = 0;
		fr->cur = fr->top = 0;
	}
	frames_clear(fr);
	fr->session_id = session_id;
	if (session_id == 0)
		return;
	if (store_wf_session(tui_store(), session_id, &fr->ws) != 1 ||
	    store_wf_frames(tui_store(), session_id, frames_add, fr) != 0)
		tui_error("%s", store_errmsg(tui_store()));
	for (i = 0; i < fr->n && keep != 0; i++)
		if (fr->v[i].id == keep)
			fr->cur = i;
	if (fr->cur >= fr->n)
		fr->cur = fr->n > 0 ? fr->n - 1 : 0;
}

long long
frames_count(struct frames *fr)
{
	return (long long)fr->n;
}

int
frames_toggle(struct frames *fr)
{
	struct frame_item *it;
	int now;

	if (fr->n == 0)
		return -1;
	it = &fr->v[fr->cur];
	if (store_wf_toggle_selected(tui_store(), it->id, &now) != 0) {
		tui_error("%s", store_errmsg(tui_store()));
		return -1;
	}
	it->selected = now;
	fr->ws.selected += now ? 1 : -1;
	tui_dirty(TUI_DIRTY_HUB);
	return 0;
}

int
frames_toggle_composite(struct frames *fr)
{
	struct frame_item *it;

	if (fr->n == 0)
		return -1;
	it = &fr->v[fr->cur];
	if (store_image_composite(tui_store(), it->id, !it->composite) != 1) {
		tui_error("%s", store_errmsg(tui_store()));
		return -1;
	}
	it->composite = !it->composite;
	tui_message(it->composite ? _("%s is a composite") :
	    _("%s is not a composite"), it->name);
	tui_dirty(TUI_DIRTY_HUB);
	return 0;
}

int
frames_group(struct frames *fr, const char *name, int remove)
{
	struct frame_item *it;

	if (fr->n == 0)
		return -1;
	it = &fr->v[fr->cur];
	if (store_image_group(tui_store(), it->id, name, remove) != 1) {
		tui_error("%s", store_errmsg(tui_store()));
		return -1;
	}
	/* L10N: "IMG_0003.JPG put into group Best" */
	tui_message(remove ? _("%s taken out of group %s") :
	    _("%s put into group %s"), it->name, name);
	tui_dirty(TUI_DIRTY_HUB);
	return 0;
}

int
frames_key(struct frames *fr, int key)
{
	size_t page = 5;

	if (fr->n == 0)
		return TUI_NOT_MINE;
	switch (key) {
	case KEY_UP: case 'k':
		if (fr->cur > 0)
			fr->cur--;
		break;
	case KEY_DOWN: case 'j':
		if (fr->cur + 1 < fr->n)
			fr->cur++;
		break;
	case KEY_PPAGE:
		fr->cur = fr->cur > page ? fr->cur - page : 0;
		break;
	case KEY_NPAGE:
		fr->cur = fr->cur + page < fr->n ? fr->cur + page : fr->n - 1;
		break;
	case KEY_HOME: case 'g':
		fr->cur = 0;
		break;
	case KEY_END: case 'G':
		fr->cur = fr->n - 1;
		break;
	default:
		return TUI_NOT_MINE;
	}
	tui_dirty(TUI_DIRTY_HUB);
	return TUI_HANDLED;
}

/* ---- drawing ---- */

static void
frames_size(char *buf, size_t len, long long b)
{
	if (b >= 1000 * 1000)
		snprintf(buf, len, "%.1fM", b / 1e6);
	else
		snprintf(buf, len, "%lldk", (b + 999) / 1000);
}

void
frames_draw(struct frames *fr, int y, int x, int h, int w, int focused)
{
	struct strbuf sb = STRBUF_INIT;
	char line[512], name[256], size[32];
	int rows, i, pic_y;
	size_t k;

	for (i = 0; i < h; i++)
		tui_fill(y + i, x, w, ROLE_NORMAL);
	if (fr->session_id == 0) {
		tui_put(y, x, w, ROLE_DIM, _("No session: import a card with "
		    "i, or pick a session on the left."));
		return;
	}
	strbuf_addf(&sb, _("Session %lld"), fr->ws.number);
	if (*fr->ws.name != '\0')
		strbuf_addf(&sb, "  %s", fr->ws.name);
	/* L10N: frame count and selected count of a session */
	strbuf_addf(&sb, _("  %lld frames, %lld ✓"), fr->ws.frames,
	    fr->ws.selected);
	tui_put(y, x, w, ROLE_HEADER, strbuf_str(&sb));
	strbuf_free(&sb);
	if (fr->n == 0) {
		tui_put(y + 2, x, w, ROLE_DIM, _("No frames yet: m imports a "
		    "folder into this session."));
		return;
	}
	rows = (h - 2) / 3;
	if (rows < 3)
		rows = 3;
	if ((size_t)rows > fr->n)
		rows = (int)fr->n;
	if (fr->cur < fr->top)
		fr->top = fr->cur;
	if (fr->cur >= fr->top + rows)
		fr->top = fr->cur - rows + 1;
	for (i = 0; i < rows && fr->top + i < fr->n; i++) {
		const struct frame_item *it = &fr->v[fr->top + i];
		enum tui_role role = ROLE_NORMAL;

		k = fr->top + i;
		frames_size(size, sizeof size, it->bytes);
		/* Cropped by display width: ✓, marker, name, time, size. */
		utf8_fit(name, sizeof name, it->name, w > 40 ? w - 32 : 8, 1);
		snprintf(line, sizeof line, "%s %s %s %-19s %6s",
		    it->selected ? "✓" : " ", it->marker ? "Q" :
		    it->composite ? "C" : " ", name, it->when, size);
		if (k == fr->cur)
			role = focused ? ROLE_CURSOR : ROLE_TAGGED;
		else if (it->selected)
			role = ROLE_TAGGED;
		tui_fill(y + 1 + i, x, w, role);
		tui_put(y + 1 + i, x, w, role, line);
	}
	/* The picture only while the frames have the keys: decoding costs
	 * ~10 ms, too much for every step through the sessions. */
	pic_y = y + 1 + rows + 1;
	if (!focused)
		tui_put(pic_y, x, w, ROLE_DIM, _("Enter shows the frames with a "
		    "picture of each."));
	else if (y + h - pic_y >= 3) {
		const struct frame_item *it = &fr->v[fr->cur];

		tui_picture_draw(fr->pic, it->id, it->preview != NULL ?
		    it->preview : it->path, pic_y, x, y + h - pic_y, w);
	}
}
