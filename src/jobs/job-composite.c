/*
 * jobs/job-composite: the "composite" job kind, the class composites of an
 * organization as one PDF (media/composite).  Payload: {"org": ID, "by":
 * "teacher" | "grade" | "staff", "file": "/abs/FILE.pdf", "width": IN,
 * "height": IN}.
 *
 * One page per class: the students of each teacher (or grade), teachers
 * by name and grades in school order (Pre-K, K, 1..12: store/collate.h),
 * students by last name as core/pose lists them.  The class's teachers
 * (clients with the role teacher that lead it: comp_leads) come first,
 * larger, with their title.  "staff" makes one page of every teacher and
 * staff member, by priority, each with its title.  The PDF is written
 * whole or not at all; a resumed job draws it again.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/pose.h"
#include "core/role.h"
#include "jobs/job.h"
#include "jobs/school.h"
#include "media/composite.h"
#include "store/collate.h"
#include "store/db.h"
#include "store/org.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct comp_progress {
	struct job_ctx	*ctx;
	long long	 done, total;
};

static void
comp_tick(void *arg)
{
	struct comp_progress *p = arg;

	job_progress(p->ctx, ++p->done, p->total);
}

static const char *
comp_key(const struct pose *p, int by_grade)
{
	return by_grade ? p->grade : p->teacher;
}

static int
comp_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A class and its sort key: grades Pre-K, K, 1..12, then text; teachers
 * by name as a person expects (store/collate.h). */
struct comp_class {
	const char	*name;
	char		*key;
};

static int
comp_class_cmp(const void *a, const void *b)
{
	const struct comp_class *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : strcmp(x->name, y->name);
}

/* Sorts the distinct class names keys[0..nk) in that order. */
static void
comp_sort_classes(const char **keys, size_t nk, int by_grade)
{
	struct comp_class *v = xcalloc(nk + 1, sizeof *v);
	size_t i;

	for (i = 0; i < nk; i++) {
		v[i].name = keys[i];
		v[i].key = by_grade ? collate_grade_key(keys[i]) :
		    collate_name_key(keys[i], NULL);
		if (v[i].key == NULL)
			v[i].key = xstrdup("");
	}
	qsort(v, nk, sizeof *v, comp_class_cmp);
	for (i = 0; i < nk; i++) {
		keys[i] = v[i].name;
		free(v[i].key);
	}
	free(v);
}

/* Whether teacher t leads the class `key`: by grade, its own grade is
 * the key (or, with none, it leads students of that grade); by teacher,
 * it leads (core/role.h) the students whose teacher is the key. */
static int
comp_leads(const struct pose_list *l, const struct pose *t, const char *key,
    int by_grade)
{
	size_t i;

	if (t->role == NULL || strcmp(t->role, ROLE_TEACHER) != 0)
		return 0;
	if (by_grade && *t->grade != '\0')
		return strcmp(t->grade, key) == 0;
	for (i = 0; i < l->n; i++) {
		const struct pose *s = &l->v[i];

		if (s->role == NULL && strcmp(comp_key(s, by_grade), key) == 0 &&
		    role_leads(t->last_name, t->first_name, t->teacher,
		    t->homeroom, s->teacher, s->homeroom))
			return 1;
	}
	return 0;
}

/* The people of one page into m (l.n + 1 slots), in drawing order: the
 * class's teachers (by priority, then name), then its students; for the
 * staff page (key NULL) every teacher and staff member by priority.
 * Returns how many, *nlead the teachers among them. */
static size_t
comp_members(const struct pose_list *l, const char *key, int by_grade,
    const struct pose **m, size_t *nlead)
{
	size_t i, n = 0;

	*nlead = 0;
	for (i = 0; i < l->n; i++)
		if (l->v[i].role != NULL && (key == NULL ||
		    comp_leads(l, &l->v[i], key, by_grade)))
			m[n++] = &l->v[i];
	qsort(m, n, sizeof *m, pose_staff_cmp);
	if (key == NULL)
		return n;
	*nlead = n;
	for (i = 0; i < l->n; i++)
		if (l->v[i].role == NULL &&
		    strcmp(comp_key(&l->v[i], by_grade), key) == 0)
			m[n++] = &l->v[i];
	return n;
}

static int
job_composite_run(struct job_ctx *ctx, char **cause)
{
	struct store *st = job_store(ctx);
	struct comp_progress prog;
	struct pose_list l;
	struct composite *c = NULL;
	struct composite_student *v = NULL;
	const struct pose **m = NULL;
	long long org = job_payload_int(ctx, "org", 0);
	double win = (double)job_payload_int(ctx, "width", 8);
	double hin = (double)job_payload_int(ctx, "height", 10);
	char *file = job_payload_str(ctx, "file"), *by = job_payload_str(ctx,
	    "by"), *school = NULL, *year = NULL, *warn = NULL, *tmp = NULL;
	const char *slash;
	const char **keys = NULL;
	char **names = NULL;
	size_t i, j, k, nk = 0, nv, nlead;
	int by_grade, by_staff, rc = -1;

	if (file == NULL || org <= 0) {
		*cause = xstrdup(_("bad composite job payload"));
		free(file);
		free(by);
		return JOB_FAIL_FINAL;
	}
	by_grade = by != NULL && strcmp(by, "grade") == 0;
	by_staff = by != NULL && strcmp(by, "staff") == 0;
	if (pose_list(st, org, &l, cause) != 0) {
		free(file);
		free(by);
		return -1;
	}
	school = store_org_name(st, org);
	year = pose_school_year(st, org);
	/* The classes: distinct keys of the students, sorted; the staff
	 * page is one class of its own (key NULL). */
	keys = xcalloc(l.n + 1, sizeof *keys);
	for (i = 0; i < l.n && !by_staff; i++)
		if (l.v[i].role == NULL)
			keys[nk++] = comp_key(&l.v[i], by_grade);
	qsort(keys, nk, sizeof *keys, comp_cmp);
	for (i = j = 0; i < nk; i++)
		if (j == 0 || strcmp(keys[j - 1], keys[i]) != 0)
			keys[j++] = keys[i];
	nk = j;
	comp_sort_classes(keys, nk, by_grade);
	if (by_staff)
		nk = 1;
	v = xcalloc(l.n + 1, sizeof *v);
	m = xcalloc(l.n + 1, sizeof *m);
	names = xcalloc(l.n + 1, sizeof *names);
	for (i = 0; i < l.n; i++)
		names[i] = xasprintf("%s %s", l.v[i].first_name,
		    l.v[i].last_name);
	/* ".NAME.picday-JOB.tmp" beside it: a rerun of this job truncates
	 * the same temporary, a kill never shows a half PDF by its name. */
	slash = strrchr(file, '/');
	tmp = xasprintf("%.*s/.%s.picday-%lld.tmp", slash != NULL ?
	    (int)(slash - file) : 1, slash != NULL ? file : ".", slash != NULL ?
	    slash + 1 : file, job_id(ctx));
	if ((c = composite_open(file, tmp, win, hin, cause)) == NULL)
		goto out;
	prog.ctx = ctx;
	prog.done = 0;
	prog.total = 0;
	for (j = 0; j < nk; j++) {	/* a teacher may be on several pages */
		nv = comp_members(&l, by_staff ? NULL : keys[j], by_grade, m,
		    &nlead);
		for (i = 0; i < nv; i++)
			prog.total += m[i]->path != NULL;
	}
	job_progress(ctx, 0, prog.total);
	for (j = 0; j < nk && !job_cancelled(ctx); j++) {
		char *klass;

		nv = comp_members(&l, by_staff ? NULL : keys[j], by_grade, m,
		    &nlead);
		for (i = 0; i < nv; i++) {
			k = (size_t)(m[i] - l.v);
			v[i].name = names[k];
			v[i].path = m[i]->path != NULL ?
			    store_path(st, m[i]->path) : NULL;
			v[i].lead = i < nlead;
			v[i].title = m[i]->role == NULL ? NULL :
			    *m[i]->title != '\0' ? m[i]->title :
			    strcmp(m[i]->role, ROLE_TEACHER) == 0 ?
			    _("Teacher") : _("Staff");
		}
		if (by_staff)
			/* L10N: composite title of the staff page */
			klass = xstrdup(_("Faculty and Staff"));
		else if (by_grade)
			/* L10N: composite title of a grade's page */
			klass = *keys[j] != '\0' ? xasprintf(_("Grade %s"),
			    keys[j]) : xstrdup(_("No grade"));
		else
			klass = *keys[j] != '\0' ? xstrdup(keys[j]) :
			    xstrdup(_("No teacher"));
		rc = composite_page(c, school != NULL ? school : "", klass,
		    year, v, nv, comp_tick, &prog, &warn, cause);
		free(klass);
		for (i = 0; i < nv; i++)
			free((char *)v[i].path);
		if (warn != NULL) {
			job_warn(ctx, _("portrait unreadable, grey box: %s"),
			    warn);
			free(warn);
			warn = NULL;
		}
		if (rc != 0)
			goto out;
	}
	rc = composite_close(c, !job_cancelled(ctx), cause);
	c = NULL;
out:
	if (c != NULL)
		(void)composite_close(c, 0, cause);
	for (i = 0; names != NULL && i < l.n; i++)
		free(names[i]);
	free(names);
	free(m);
	free(v);
	free(keys);
	free(tmp);
	free(year);
	free(school);
	free(by);
	free(file);
	pose_list_free(&l);
	return rc;
}

char *
job_composite_payload(long long org_id, const char *by, const char *file,
    int width_in, int height_in)
{
	struct strbuf p = STRBUF_INIT;

	strbuf_addf(&p, "{\"org\":%lld,\"width\":%d,\"height\":%d,\"by\":",
	    org_id, width_in, height_in);
	strbuf_add_json(&p, by);
	strbuf_adds(&p, ",\"file\":");
	strbuf_add_json(&p, file);
	strbuf_addc(&p, '}');
	return strbuf_take(&p);
}

const struct job_kind job_kind_composite = { "composite", job_composite_run };
