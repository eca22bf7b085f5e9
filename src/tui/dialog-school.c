/*
 * tui/dialog-school: the school's exports from the Sessions hub — y the
 * yearbook (PSPA) volume, C the class composites.  A form with the
 * organization (the list's filter first), the output and the options; OK
 * checks that some student has a portrait (else says so and writes
 * nothing), then queues the "pspa" or "composite" job for the TUI's
 * workers; the message line says how many portraits and how many students
 * without one, and again when the job ends (tui/jobwatch).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/pose.h"
#include "jobs/job.h"
#include "jobs/school.h"
#include "store/db.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/jobwatch.h"
#include "tui/sessions-act.h"
#include "util/path.h"
#include "util/xalloc.h"

enum { F_ORG, F_OUT, F_OPT1, F_OPT2 };

static int
valid_pdf(const char *v, void *arg, char **cause)
{
	size_t n = strlen(v);

	(void)arg;
	if (n > 4 && strcmp(v + n - 4, ".pdf") == 0 && v[0] == '/')
		return 0;
	*cause = xstrdup(_("a full path ending in .pdf, please"));
	return -1;
}

static int
valid_dir(const char *v, void *arg, char **cause)
{
	(void)arg;
	if (v[0] == '/' && v[1] != '\0' && v[strlen(v) - 1] != '/')
		return 0;
	*cause = xstrdup(_("a full path of a folder (its name is the "
	    "volume's), please"));
	return -1;
}

static const struct form_field pspa_fields[] = {
	{ N_("Organization"), FORM_CHOICE, 1, 0, NULL },
	{ N_("Volume folder"), FORM_TEXT, 1, 400, valid_dir },
	{ N_("Image size"), FORM_CHOICE, 1, 0, NULL },
};

static const struct form_field comp_fields[] = {
	{ N_("Organization"), FORM_CHOICE, 1, 0, NULL },
	{ N_("Output file"), FORM_TEXT, 1, 400, valid_pdf },
	{ N_("One page per"), FORM_CHOICE, 1, 0, NULL },
	{ N_("Page size"), FORM_CHOICE, 1, 0, NULL },
};

/* Students with and without a portrait; -1 with *cause when none has
 * one (nothing may be written). */
static int
school_ready(long long org, size_t *posed, size_t *missing, char **cause)
{
	struct pose_list l;

	if (pose_list(tui_store(), org, &l, cause) != 0)
		return -1;
	*posed = l.nposed;
	*missing = l.n - l.nposed;
	pose_list_free(&l);
	if (*posed == 0) {
		*cause = xstrdup(_("nothing to export: no student of this "
		    "organization has a portrait yet"));
		return -1;
	}
	return 0;
}

/* The same for the staff page: its teachers and staff only. */
static int
school_staff_ready(long long org, size_t *posed, size_t *missing,
    char **cause)
{
	struct pose_list l;
	size_t i;

	if (pose_list(tui_store(), org, &l, cause) != 0)
		return -1;
	*posed = *missing = 0;
	for (i = 0; i < l.n; i++)
		if (l.v[i].role != NULL)
			(*(l.v[i].image_id != 0 ? posed : missing))++;
	pose_list_free(&l);
	if (*posed == 0) {
		*cause = xstrdup(_("nothing to export: no teacher or staff "
		    "member of this organization has a portrait yet"));
		return -1;
	}
	return 0;
}

static int
school_queue(const char *kind, const char *title, char *payload,
    size_t posed, size_t missing, char **cause)
{
	int found;
	long long id = jobs_queue_once(tui_store(), kind, title, payload,
	    &found, cause);

	free(payload);
	if (id < 0)
		return -1;
	tui_job_watch(id);
	/* L10N: "job #12 queued: 480 portraits; without a portrait: 3" */
	tui_message(_("job #%lld queued: %zu portraits; without a portrait: "
	    "%zu"), id, posed, missing);
	return 0;
}

static int
pspa_submit(struct form_page *p, void *arg, char **cause)
{
	long long org = form_choice_id(p, F_ORG);
	const char *dir = form_value(p, F_OUT);
	int small = form_choice_id(p, F_OPT1) == 2;
	size_t posed, missing;
	char *title;
	int rc;

	(void)arg;
	if (school_ready(org, &posed, &missing, cause) != 0)
		return -1;
	if (path_mkdirs(dir) != 0) {
		*cause = xasprintf(_("cannot make %s"), dir);
		return -1;
	}
	title = xasprintf(_("yearbook volume %s"), dir);
	rc = school_queue("pspa", title, job_pspa_payload(org, dir,
	    small ? 320 : 640, small ? 400 : 800), posed, missing, cause);
	free(title);
	return rc;
}

static int
comp_submit(struct form_page *p, void *arg, char **cause)
{
	long long org = form_choice_id(p, F_ORG);
	const char *file = form_value(p, F_OUT);
	int big = form_choice_id(p, F_OPT2) == 2;
	size_t posed, missing;
	char *title;
	int rc;

	(void)arg;
	if ((form_choice_id(p, F_OPT1) == 3 ? school_staff_ready(org, &posed,
	    &missing, cause) : school_ready(org, &posed, &missing,
	    cause)) != 0)
		return -1;
	if (sess_mkdir_for(file, cause) != 0)
		return -1;
	title = xasprintf(_("class composites %s"), file);
	rc = school_queue("composite", title, job_composite_payload(org,
	    form_choice_id(p, F_OPT1) == 2 ? "grade" :
	    form_choice_id(p, F_OPT1) == 3 ? "staff" : "teacher", file,
	    big ? 10 : 8, big ? 13 : 10), posed, missing, cause);
	free(title);
	return rc;
}

/* The organizations, the list's filter first; 0 when there is none. */
static int
school_orgs(struct hub_list *hl, struct form_page *p)
{
	long long org = list_filter(hl->list)->org_id;
	struct form_choice *c, tmp;
	int n, i;

	/* c[0] is the "none" entry hub_choices() always puts first. */
	hub_choices(LISTS_ORGS, 1, "", &c, &n);
	if (n <= 1) {
		hub_choices_free(c, n);
		return 0;
	}
	for (i = 2; i < n; i++)
		if (c[i].id == org) {
			tmp = c[1];
			c[1] = c[i];
			c[i] = tmp;
			break;
		}
	form_page_set_choices(p, F_ORG, c + 1, n - 1);
	hub_choices_free(c, n);
	return n - 1;
}

void
sessions_pspa_open(struct hub_list *hl)
{
	const struct form_choice sizes[] = {
		{ _("LARGE 640x800"), 1 }, { _("SMALL 320x400"), 2 },
	};
	struct form_page *p = form_page_new(pspa_fields, 3, NULL);
	char *dir;

	if (school_orgs(hl, p) == 0) {
		form_page_free(p);
		tui_error("%s", _("no organization yet"));
		return;
	}
	dir = path_join(store_dir(tui_store()), "exports/PSPA");
	form_set_value(p, F_OUT, dir);
	free(dir);
	form_page_set_choices(p, F_OPT1, sizes, 2);
	form_open(_("Yearbook (PSPA) volume"), p, pspa_submit, NULL);
}

void
sessions_composite_open(struct hub_list *hl)
{
	const struct form_choice by[] = {
		{ _("teacher"), 1 }, { _("grade"), 2 }, { _("staff"), 3 },
	};
	const struct form_choice pages[] = {
		{ "8x10", 1 }, { "10x13", 2 },
	};
	struct form_page *p = form_page_new(comp_fields, 4, NULL);
	char *file, *pref;

	if (school_orgs(hl, p) == 0) {
		form_page_free(p);
		tui_error("%s", _("no organization yet"));
		return;
	}
	file = sess_export_path("composites", "pdf");
	form_set_value(p, F_OUT, file);
	free(file);
	form_page_set_choices(p, F_OPT1, by, 3);
	pref = store_pref_get(tui_store(), "composite.page");
	if (pref != NULL && strcmp(pref, "10x13") == 0) {
		const struct form_choice rev[] = { pages[1], pages[0] };

		form_page_set_choices(p, F_OPT2, rev, 2);
	} else
		form_page_set_choices(p, F_OPT2, pages, 2);
	free(pref);
	form_open(_("Class composites"), p, comp_submit, NULL);
}
