/*
 * tui/wizard-export: Export with a column chooser (key x in the Sessions
 * hub).  Step 1 a preset (Entagged, all columns, the list's columns, or
 * custom), step 2 the column checklist (Space toggles; columns go out in
 * the order listed), step 3 the output file, .csv or .xlsx; Export queues
 * an "export" job (jobs/sessfile.h) for the tagged sessions, else the
 * filtered list, and returns at once; the message line says when the file
 * is written.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "jobs/sessfile.h"
#include "tui/hub.h"
#include "tui/jobwatch.h"
#include "tui/sessions-act.h"
#include "tui/steps.h"
#include "util/xalloc.h"

#define EX_ROWS	14

enum { P_ENTAGGED = 1, P_ALL, P_LIST, P_CUSTOM };

static int
valid_ext(const char *v, void *arg, char **cause)
{
	size_t n = strlen(v);

	(void)arg;
	if ((n > 4 && strcmp(v + n - 4, ".csv") == 0) ||
	    (n > 5 && strcmp(v + n - 5, ".xlsx") == 0))
		return 0;
	*cause = xstrdup(_("a file name ending in .csv or .xlsx, please"));
	return -1;
}

static const struct form_field preset_fields[] = {
	{ N_("Columns"), FORM_CHOICE, 1, 0, NULL },
};
static const struct form_field path_fields[] = {
	{ N_("Output file"), FORM_TEXT, 1, 400, valid_ext },
};

struct export_wz {
	long long	*numbers;
	size_t		 n;
	int		 all;
	int		 filled;
	long long	 preset;	/* the checks were set from it */
	int		 on[EXPORT_NCOLS];
	int		 cur, top;
};

static int
ex_enter_preset(struct steps *s, int page, void *arg, char **cause)
{
	struct export_wz *ew = arg;
	const struct form_choice c[] = {
		{ _("Entagged (5 columns)"), P_ENTAGGED },
		{ _("All columns"), P_ALL },
		{ _("The list's columns"), P_LIST },
		{ _("Custom"), P_CUSTOM },
	};
	char *path;

	(void)page;
	(void)cause;
	if (ew->filled)
		return 0;
	ew->filled = 1;
	form_page_set_choices(steps_form(s, 0), 0, c, 4);
	path = sess_export_path("sessions", "csv");
	form_set_value(steps_form(s, 2), 0, path);
	free(path);
	return 0;
}

static int
ex_enter_columns(struct steps *s, int page, void *arg, char **cause)
{
	static const char *const names[] = { NULL, "entagged", "all", "list" };
	struct export_wz *ew = arg;
	long long p = form_choice_id(steps_form(s, 0), 0);
	int cols[EXPORT_NCOLS];
	size_t n, i;

	(void)page;
	(void)cause;
	if (p == ew->preset || p == P_CUSTOM) {
		if (ew->preset == 0) {	/* custom from the start */
			ew->on[EXPORT_NUMBER] = 1;
			ew->preset = P_CUSTOM;
		}
		return 0;
	}
	ew->preset = p;
	memset(ew->on, 0, sizeof ew->on);
	if (export_preset(names[p], cols, &n) == 0)
		for (i = 0; i < n; i++)
			ew->on[cols[i]] = 1;
	return 0;
}

static int
ex_enter_path(struct steps *s, int page, void *arg, char **cause)
{
	struct export_wz *ew = arg;
	int i;

	(void)s;
	(void)page;
	for (i = 0; i < EXPORT_NCOLS; i++)
		if (ew->on[i])
			return 0;
	*cause = xstrdup(_("choose at least one column (Space)"));
	return -1;
}

static void
ex_draw_columns(struct steps *s, int y, int x, int h, int w, void *arg)
{
	struct export_wz *ew = arg;
	char *line;
	int i, r;

	(void)s;
	if (ew->cur < ew->top)
		ew->top = ew->cur;
	if (ew->cur >= ew->top + h)
		ew->top = ew->cur - h + 1;
	for (r = 0; r < h; r++) {
		i = ew->top + r;
		tui_fill(y + r, x, w, ROLE_NORMAL);
		if (i >= EXPORT_NCOLS)
			continue;
		line = xasprintf("[%s] %-16s %s", ew->on[i] ? "x" : " ",
		    export_column_title(i), export_column_key(i));
		tui_put(y + r, x, w, i == ew->cur ? ROLE_CURSOR : ROLE_NORMAL,
		    line);
		free(line);
	}
}

static int
ex_key_columns(struct steps *s, int key, void *arg)
{
	struct export_wz *ew = arg;

	(void)s;
	switch (key) {
	case KEY_UP:
	case 'k':
		if (ew->cur > 0)
			ew->cur--;
		return 1;
	case KEY_DOWN:
	case 'j':
		if (ew->cur < EXPORT_NCOLS - 1)
			ew->cur++;
		return 1;
	case ' ':
		ew->on[ew->cur] = !ew->on[ew->cur];
		ew->preset = P_CUSTOM;
		return 1;
	default:
		return 0;
	}
}

static int
ex_finish(struct steps *s, void *arg, char **cause)
{
	struct export_wz *ew = arg;
	struct sessfile_request rq;
	const char *path = form_value(steps_form(s, 2), 0);
	int cols[EXPORT_NCOLS];
	size_t n = 0;
	long long id;
	int i;

	for (i = 0; i < EXPORT_NCOLS; i++)
		if (ew->on[i])
			cols[n++] = i;
	memset(&rq, 0, sizeof rq);
	rq.output = path;
	rq.cols = cols;
	rq.ncols = n;
	if (!ew->all) {
		rq.numbers = ew->numbers;
		rq.nnumbers = ew->n;
	}
	if (sess_mkdir_for(path, cause) != 0 ||
	    (id = sessfile_queue_export(tui_store(), &rq, cause)) < 0)
		return -1;
	tui_job_watch(id);
	tui_message(_("queued job #%lld: export to %s"), id, path);
	return 0;
}

static void
ex_free(void *arg)
{
	struct export_wz *ew = arg;

	free(ew->numbers);
	free(ew);
}

static const struct steps_page export_pages[] = {
	{ N_("Which columns?"),
	  N_("←/→ chooses a preset; the next step shows its columns."),
	  preset_fields, 1, 0, NULL, NULL, ex_enter_preset },
	{ N_("Columns: Space toggles; they go out in this order"),
	  NULL, NULL, 0, EX_ROWS, ex_draw_columns, ex_key_columns,
	  ex_enter_columns },
	{ N_("Where to?"),
	  N_("The extension chooses the format: .csv or .xlsx."),
	  path_fields, 1, 0, NULL, NULL, ex_enter_path },
};

void
sessions_export_open(struct hub_list *hl)
{
	struct export_wz *ew = xcalloc(1, sizeof *ew);
	char *title;

	ew->numbers = sess_set(hl->list, &ew->n, &ew->all);
	if (!ew->all && ew->n == 0) {
		ex_free(ew);
		tui_error("%s", _("no sessions to export"));
		return;
	}
	title = ew->all ? xstrdup(_("Export every session")) :
	    xasprintf(_("Export %zu sessions"), ew->n);
	steps_open(title, export_pages, 3, N_("Export"), ex_finish, ex_free,
	    ew);
	free(title);
}
