/*
 * tui/wizard-client-import: the Client Import wizard (Clients hub, `i`).
 *
 * Three steps over core/roster: 1. the file and the organization (the
 * roster is opened and checked here: not UTF-8, unreadable or unparsable
 * files are refused with roster_open's cause); 2. the column mapping, one
 * row per CSV column with its header, a sample value and the field, which
 * ←/→ or Enter change; 3. the dry run: counts and the rejected or warned
 * rows by file line.  Finish runs the import in one transaction.  Esc at
 * any step closes the wizard and nothing is written.
 *
 * A wizard of the one engine (tui/steps.h): the first step is a field
 * page; the other two are custom panes drawn here because their rows come
 * from the file (the mapping's rows take the focus before the buttons).
 * UI thread only.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/roster.h"
#include "tui/clients.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/steps.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define IMP_ORG_COLUMN	(-1)	/* organization from the file's column */
#define IMP_ORG_NEW	(-2)	/* a new organization, named below */

enum { P_FILE, P_ORG, P_NEWORG, P_NFIELDS };
enum { STEP_FILE, STEP_MAP, STEP_DRY, STEP_N };

static const struct form_field imp_fields[P_NFIELDS] = {
	[P_FILE] = { N_("File"), FORM_TEXT, 1, 400, NULL },
	[P_ORG] = { N_("Organization"), FORM_CHOICE, 0, 0, NULL },
	[P_NEWORG] = { N_("New org. name"), FORM_TEXT, 0, 100, NULL },
};

/* Labels of enum roster_field, ROSTER_IGNORE first. */
static const char *const imp_field_labels[ROSTER_NFIELDS + 1] = {
	N_("(ignore)"), N_("First name"), N_("Last name"), N_("Student ID"),
	N_("Grade"), N_("Teacher"), N_("Homeroom"), N_("Email"), N_("Phone"),
	N_("Guardian"), N_("Role"), N_("Title"), N_("Priority"),
	N_("Organization"),
};

struct imp {
	struct roster		*r;
	char			*path;		/* of r */
	char			*org;		/* NULL: the file's column */
	struct roster_report	*rep;		/* the dry run */
	size_t			*bad;		/* rows of rep with a reason */
	size_t			 nbad;
	long			 cur, top;	/* row cursor, first row shown */
};

static const char *
imp_field_label(enum roster_field f)
{
	return _(imp_field_labels[f + 1]);
}

/* ---- drawing ---- */

/* A first non-empty value of col, to show what the column holds. */
static const char *
imp_sample(const struct roster *r, size_t col)
{
	size_t i, n = roster_nrows(r);
	const char *v;

	for (i = 0; i < n && i < 50; i++) {
		v = roster_cell(r, i, col);
		if (*v != '\0')
			return v;
	}
	return "";
}

/* Keeps the cursor on screen in a window of h rows of n. */
static void
imp_scroll(struct imp *im, long n, int h)
{
	if (im->cur >= n)
		im->cur = n - 1;
	if (im->cur < 0)
		im->cur = 0;
	if (im->cur < im->top)
		im->top = im->cur;
	if (h > 0 && im->cur >= im->top + h)
		im->top = im->cur - h + 1;
	if (im->top < 0)
		im->top = 0;
}

static void
imp_draw_map(struct steps *st, int y, int x, int h, int w, void *arg)
{
	struct imp *im = arg;
	size_t ncols = roster_ncols(im->r);
	int cw = (w - 2) * 2 / 5, sw = (w - 2) * 3 / 10, fw = w - cw - sw - 2;
	enum tui_role role;
	char *s;
	long i;

	s = xasprintf(_("%s: %zu rows, delimiter %s%s"),
	    roster_name(im->r), roster_nrows(im->r),
	    roster_delimiter(im->r) == '\t' ? _("tab") :
	    roster_delimiter(im->r) == ';' ? _("semicolon") : _("comma"),
	    roster_had_bom(im->r) ? _(", with BOM") : "");
	tui_put(y, x, w, ROLE_DIM, s);
	free(s);
	tui_put(y + 1, x, cw, ROLE_HEADER, _("Column"));
	tui_put(y + 1, x + cw + 1, sw, ROLE_HEADER, _("Sample"));
	tui_put(y + 1, x + cw + sw + 2, fw, ROLE_HEADER, _("Field"));
	h -= 2;
	imp_scroll(im, (long)ncols, h);
	for (i = im->top; i < (long)ncols && i < im->top + h; i++) {
		int yy = y + 2 + (int)(i - im->top);
		enum roster_field f = roster_get_map(im->r, i);

		role = i == im->cur && steps_pane_focused(st) ? ROLE_CURSOR :
		    ROLE_NORMAL;
		tui_fill(yy, x, w, role);
		tui_put(yy, x, cw, role, roster_header(im->r, i));
		tui_put(yy, x + cw + 1, sw, role == ROLE_CURSOR ? role :
		    ROLE_DIM, imp_sample(im->r, i));
		s = xasprintf(i == im->cur ? "< %s >" : "  %s", imp_field_label(f));
		tui_put(yy, x + cw + sw + 2, fw, role == ROLE_CURSOR ? role :
		    f == ROSTER_IGNORE ? ROLE_DIM : ROLE_LABEL, s);
		free(s);
	}
}

static void
imp_draw_dry(struct steps *st, int y, int x, int h, int w, void *arg)
{
	struct imp *im = arg;
	const struct roster_report *rep = im->rep;
	const struct roster_result *res;
	struct strbuf sb = STRBUF_INIT;
	char *s;
	size_t i;
	long k;

	s = xasprintf(_("%zu new, %zu updated, %zu unchanged, %zu rejected, "
	    "%zu repeated"), rep->count[ROSTER_NEW],
	    rep->count[ROSTER_UPDATED], rep->count[ROSTER_UNCHANGED],
	    rep->count[ROSTER_REJECTED], rep->count[ROSTER_DUPLICATE]);
	tui_put(y, x, w, ROLE_LABEL, s);
	free(s);
	if (rep->nnew_orgs > 0) {
		strbuf_adds(&sb, _("New organizations: "));
		for (i = 0; i < rep->nnew_orgs; i++) {
			if (i > 0)
				strbuf_adds(&sb, ", ");
			strbuf_adds(&sb, rep->new_orgs[i]);
		}
		tui_put(y + 1, x, w, ROLE_NORMAL, strbuf_str(&sb));
		strbuf_free(&sb);
	}
	if (im->nbad == 0) {
		tui_put(y + 3, x, w, ROLE_DIM, _("No row is rejected or "
		    "repeated."));
		return;
	}
	tui_put(y + 2, x, w, ROLE_HEADER, _("Rows rejected or repeated "
	    "(↑/↓ to scroll):"));
	y += 3;
	h -= 3;
	if (h < 1)
		return;
	/* The list scrolls: cur is its first line. */
	if (im->top > (long)im->nbad - h)
		im->top = (long)im->nbad - h;
	if (im->top < 0)
		im->top = 0;
	for (k = im->top; k < (long)im->nbad && k < im->top + h; k++) {
		res = &rep->rows[im->bad[k]];
		if (res->action == ROSTER_REJECTED)
			s = xasprintf(_("line %ld: %s"), res->line,
			    res->reason);
		else
			s = xasprintf(_("line %ld: warning: %s"), res->line,
			    res->reason != NULL ? res->reason : "");
		tui_put(y + (int)(k - im->top), x, w,
		    res->action == ROSTER_REJECTED ? ROLE_ERROR : ROLE_NORMAL,
		    s);
		free(s);
	}
}

/* ---- steps ---- */

static void
imp_free_report(struct imp *im)
{
	roster_report_free(im->rep);
	im->rep = NULL;
	free(im->bad);
	im->bad = NULL;
	im->nbad = 0;
}

/* "~/x" is the home folder's x (caller frees). */
static char *
imp_expand(const char *v)
{
	const char *home = getenv("HOME");
	size_t n;

	while (*v == ' ')
		v++;
	n = strlen(v);
	while (n > 0 && v[n - 1] == ' ')
		n--;
	if (n >= 2 && v[0] == '~' && v[1] == '/' && home != NULL)
		return xasprintf("%s%.*s", home, (int)n - 1, v + 1);
	return xasprintf("%.*s", (int)n, v);
}

/* Step 1 -> 2: open the file, settle the organization. */
static int
imp_open_file(struct steps *st, struct imp *im, char **cause)
{
	struct form_page *fp = steps_form(st, STEP_FILE);
	long long choice = form_choice_id(fp, P_ORG);
	struct roster *r;
	char *path;

	path = imp_expand(form_value(fp, P_FILE));
	if (im->r == NULL || strcmp(path, im->path) != 0) {
		if (roster_open(path, &r, cause) != 0) {
			free(path);
			form_page_focus(fp, P_FILE);
			return -1;
		}
		roster_free(im->r);
		free(im->path);
		im->r = r;
		im->path = path;
	} else
		free(path);
	free(im->org);
	im->org = NULL;
	if (choice == IMP_ORG_NEW) {
		path = imp_expand(form_value(fp, P_NEWORG));
		if (*path == '\0') {
			free(path);
			form_page_focus(fp, P_NEWORG);
			*cause = xasprintf(_("New org. name: type the name of "
			    "the new organization"));
			return -1;
		}
		im->org = path;
	} else if (choice > 0)
		im->org = xstrdup(form_value(fp, P_ORG));
	else if (roster_col_of(im->r, ROSTER_ORGANIZATION) < 0) {
		form_page_focus(fp, P_ORG);
		*cause = xasprintf(_("%s has no organization column: choose "
		    "an organization"), roster_name(im->r));
		return -1;
	}
	return 0;
}

static int
imp_enter_map(struct steps *st, int page, void *arg, char **cause)
{
	struct imp *im = arg;

	if (steps_current(st) == STEP_FILE &&
	    imp_open_file(st, im, cause) != 0)
		return -1;
	im->cur = im->top = 0;
	return 0;
}

/* Step 2 -> 3: the dry run. */
static int
imp_enter_dry(struct steps *st, int page, void *arg, char **cause)
{
	struct imp *im = arg;
	size_t i;

	imp_free_report(im);
	if (roster_check(im->r, im->org, cause) != 0 ||
	    roster_run(im->r, tui_store(), im->org, 0, &im->rep,
	    cause) != 0)
		return -1;
	im->bad = xcalloc(im->rep->nrows + 1, sizeof *im->bad);
	for (i = 0; i < im->rep->nrows; i++)
		if (im->rep->rows[i].reason != NULL)
			im->bad[im->nbad++] = i;
	im->cur = im->top = 0;
	return 0;
}

/* Finish: the import, all or nothing. */
static int
imp_finish(struct steps *st, void *arg, char **cause)
{
	struct imp *im = arg;
	struct roster_report *rep = NULL;

	if (roster_run(im->r, tui_store(), im->org, 1, &rep, cause) != 0)
		return -1;
	tui_reload_all();
	/* L10N: after an import, e.g. "roster.csv: 42 new, 3 updated,
	 * 2 rejected (5 unchanged)" */
	tui_message(_("%s: %zu new, %zu updated, %zu rejected (%zu "
	    "unchanged)"), roster_name(im->r), rep->count[ROSTER_NEW],
	    rep->count[ROSTER_UPDATED], rep->count[ROSTER_REJECTED],
	    rep->count[ROSTER_UNCHANGED]);
	roster_report_free(rep);
	return 0;
}

/* ---- keys ---- */

/* The next field for the current column, skipping the fields other
 * columns hold (so that cycling never takes one from them). */
static void
imp_cycle(struct steps *st, struct imp *im, int delta)
{
	enum roster_field f = roster_get_map(im->r, im->cur);
	int n = ROSTER_NFIELDS + 1, i;
	long c;

	for (i = 0; i < n; i++) {
		f = (enum roster_field)(((f + 1 + delta + n) % n) - 1);
		c = f == ROSTER_IGNORE ? -1 : roster_col_of(im->r, f);
		if (c < 0 || c == im->cur)
			break;
	}
	roster_set_map(im->r, im->cur, f);
	steps_set_error(st, NULL);
}

/* ↑/↓ and the page keys move the rows whatever has the focus: the
 * mapping's cursor, or the first line of the dry run's list.  1 if key
 * was one of them. */
static int
imp_move(struct imp *im, int key, long *p, long n)
{
	enum tui_action list = keys_action(key, SCOPE_LIST);
	long page = LINES - 12 > 1 ? LINES - 12 : 1;

	if (list != ACT_UP && list != ACT_DOWN && list != ACT_PAGE_UP &&
	    list != ACT_PAGE_DOWN && list != ACT_FIRST && list != ACT_LAST)
		return 0;
	*p += list == ACT_UP ? -1 : list == ACT_DOWN ? 1 :
	    list == ACT_PAGE_UP ? -page : list == ACT_PAGE_DOWN ? page :
	    list == ACT_FIRST ? -n : n;
	if (*p >= n)
		*p = n - 1;
	if (*p < 0)
		*p = 0;
	return 1;
}

static int
imp_key_map(struct steps *st, int key, void *arg)
{
	struct imp *im = arg;
	enum tui_action form = keys_action(key, SCOPE_FORM);

	if (imp_move(im, key, &im->cur, (long)roster_ncols(im->r))) {
		steps_focus_pane(st);
		return 1;
	}
	if (!steps_pane_focused(st))
		return 0;
	/* A row of the mapping. */
	if (form == ACT_CHOICE_NEXT || form == ACT_ACCEPT)
		imp_cycle(st, im, 1);
	else if (form == ACT_CHOICE_PREV)
		imp_cycle(st, im, -1);
	else
		return 0;
	return 1;
}

static int
imp_key_dry(struct steps *st, int key, void *arg)
{
	struct imp *im = arg;

	return imp_move(im, key, &im->top, (long)im->nbad);
}

static void
imp_free(void *arg)
{
	struct imp *im = arg;

	imp_free_report(im);
	roster_free(im->r);
	free(im->path);
	free(im->org);
	free(im);
}

static const struct steps_page imp_pages[STEP_N] = {
	[STEP_FILE] = {
		.title = N_("The roster file and its organization"),
		.intro = N_("A CSV file (comma, semicolon or tab; UTF-8)."),
		.fields = imp_fields, .nfields = P_NFIELDS,
	},
	[STEP_MAP] = {
		.title = N_("Which field each column holds"),
		.intro = N_("↑/↓ a column; ←/→ or Enter a field no other "
		    "column has; Tab buttons."),
		.draw = imp_draw_map, .key = imp_key_map,
		.enter = imp_enter_map,
	},
	[STEP_DRY] = {
		.title = N_("Dry run: what Finish will do"),
		.intro = N_("Nothing is written yet. Finish imports every "
		    "good row at once."),
		.draw = imp_draw_dry, .key = imp_key_dry,
		.enter = imp_enter_dry,
	},
};

void
wizard_client_import_open(void)
{
	struct imp *im = xcalloc(1, sizeof *im);
	struct form_choice *orgs, *c;
	struct steps *st;
	int n, i;

	/* L10N: wizard title, e.g. "Import clients — step 1 of 3" */
	st = steps_open(_("Import clients"), imp_pages, STEP_N, NULL,
	    imp_finish, imp_free, im);
	if (st == NULL)
		return;
	steps_set_box(st, 100, 1);
	steps_pane_focus(st, STEP_MAP);
	/* The file's column first, then each organization, then a new
	 * one. */
	hub_choices(LISTS_ORGS, 1, _("(the file's organization column)"),
	    &orgs, &n);
	c = xcalloc(n + 1, sizeof *c);
	for (i = 0; i < n; i++)
		c[i] = orgs[i];
	c[0].id = IMP_ORG_COLUMN;
	c[n].label = _("(a new organization, named below)");
	c[n].id = IMP_ORG_NEW;
	form_page_set_choices(steps_form(st, STEP_FILE), P_ORG, c, n + 1);
	free(c);
	hub_choices_free(orgs, n);
}
