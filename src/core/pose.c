/*
 * core/pose: choosing each student's portrait and naming its file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/pose.h"
#include "store/db.h"
#include "store/pose.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct pose_ctx {
	struct pose_list	*l;
	size_t			 cap;
	long long		 last_client;
};

static int
pose_row(const struct pose_row *r, void *arg)
{
	struct pose_ctx *c = arg;
	struct pose *p;

	/* Rows come best candidate first: keep the first of each client. */
	if (c->l->n > 0 && r->client_id == c->last_client)
		return 0;
	c->last_client = r->client_id;
	if (c->l->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->l->v = xreallocarray(c->l->v, c->cap, sizeof *c->l->v);
	}
	p = &c->l->v[c->l->n++];
	memset(p, 0, sizeof *p);
	p->client_id = r->client_id;
	p->first_name = xstrdup(r->first_name);
	p->last_name = xstrdup(r->last_name);
	p->student_id = xstrdup(r->student_id);
	p->grade = xstrdup(r->grade);
	p->teacher = xstrdup(r->teacher);
	p->homeroom = xstrdup(r->homeroom);
	p->role = r->role != NULL ? xstrdup(r->role) : NULL;
	p->title = xstrdup(r->title);
	p->priority = r->priority;
	p->session = r->image_id != 0 ? r->image_session : r->session;
	p->image_id = r->image_id;
	if (r->image_id != 0) {
		p->path = xstrdup(r->path);
		p->sha256 = xstrdup(r->sha256);
		c->l->nposed++;
	}
	return 0;
}

/* ASCII letters, digits, '-' and '_' of s; the rest dropped. */
static char *
pose_ascii(const char *s)
{
	struct strbuf b = STRBUF_INIT;

	for (; *s != '\0'; s++)
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_')
			strbuf_addc(&b, *s);
	return strbuf_take(&b);
}

static int
pose_file_taken(const struct pose_list *l, size_t upto, const char *name)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (strcasecmp(l->v[i].file, name) == 0)
			return 1;
	return 0;
}

/* Unique file names (case-insensitive, for FAT volumes) and duplicate
 * images.  Quadratic, but a school is a few thousand students at most. */
static void
pose_name_files(struct pose_list *l)
{
	size_t i, j;

	for (i = 0; i < l->n; i++) {
		struct pose *p = &l->v[i];
		char *base = pose_ascii(p->student_id);
		int k;

		if (*base == '\0') {
			free(base);
			base = p->session > 0 ? xasprintf("S%lld", p->session) :
			    xasprintf("C%lld", p->client_id);
		}
		p->file = xstrdup(base);
		for (k = 2; pose_file_taken(l, i, p->file); k++) {
			free(p->file);
			p->file = xasprintf("%s-%d", base, k);
		}
		free(base);
		if (p->sha256 == NULL)
			continue;
		for (j = 0; j < i; j++)
			if (l->v[j].sha256 != NULL &&
			    strcmp(l->v[j].sha256, p->sha256) == 0) {
				p->dup_of = (long long)j + 1;
				break;
			}
	}
}

int
pose_list(struct store *st, long long org_id, struct pose_list *l,
    char **cause)
{
	struct pose_ctx c;

	memset(l, 0, sizeof *l);
	memset(&c, 0, sizeof c);
	c.l = l;
	if (store_pose_each(st, org_id, pose_row, &c) != 0) {
		*cause = xasprintf(_("cannot read the students: %s"),
		    store_errmsg(st));
		pose_list_free(l);
		return -1;
	}
	pose_name_files(l);
	return 0;
}

void
pose_list_free(struct pose_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct pose *p = &l->v[i];

		free(p->first_name);
		free(p->last_name);
		free(p->student_id);
		free(p->grade);
		free(p->teacher);
		free(p->homeroom);
		free(p->role);
		free(p->title);
		free(p->path);
		free(p->sha256);
		free(p->file);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
pose_staff_cmp(const void *a, const void *b)
{
	const struct pose *x = *(const struct pose *const *)a;
	const struct pose *y = *(const struct pose *const *)b;
	int px = x->priority > 0 ? x->priority : 1000;
	int py = y->priority > 0 ? y->priority : 1000;

	if (px != py)
		return px < py ? -1 : 1;
	return x < y ? -1 : x > y;	/* the list is by name */
}

char *
pose_who(const struct pose *p)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_addf(&b, "%s, %s", p->last_name, p->first_name);
	if (*p->student_id != '\0' && p->session > 0)
		/* L10N: after a student's name: "(student ID 0042, session
		 * 1003)" */
		strbuf_addf(&b, _(" (student ID %s, session %lld)"),
		    p->student_id, p->session);
	else if (*p->student_id != '\0')
		strbuf_addf(&b, _(" (student ID %s, no session)"),
		    p->student_id);
	else if (p->session > 0)
		strbuf_addf(&b, _(" (session %lld)"), p->session);
	return strbuf_take(&b);
}

char *
pose_school_year(struct store *st, long long org_id)
{
	char *v = store_pref_get(st, "school.year"), *d;
	int y, m;

	if (v != NULL && *v != '\0')
		return v;
	free(v);
	if ((d = store_pose_first_date(st, org_id)) == NULL)
		return NULL;
	if (sscanf(d, "%d-%d", &y, &m) != 2) {
		free(d);
		return NULL;
	}
	free(d);
	if (m < 8)
		y--;
	return xasprintf("%d-%d", y, y + 1);
}

size_t
pose_check(struct store *st, const struct pose_list *l, const char *kind,
    void (*fn)(const char *, void *), void *arg)
{
	size_t i, n = 0;
	char *a, *b, *line, *first, *last;

	for (i = 0; i < l->n; i++) {
		const struct pose *p = &l->v[i];

		a = pose_who(p);
		if (p->image_id == 0) {
			/* L10N: validation report of an export */
			line = xasprintf(_("no portrait: %s"), a);
			fn(line, arg);
			free(line);
			n++;
		}
		/* Sorted by name: two students of one name are neighbours. */
		if (i > 0 && strcasecmp(l->v[i - 1].last_name,
		    p->last_name) == 0 && strcasecmp(l->v[i - 1].first_name,
		    p->first_name) == 0) {
			b = pose_who(&l->v[i - 1]);
			/* L10N: validation report: one name, two students */
			line = xasprintf(_("two students of one name: %s and "
			    "%s"), b, a);
			fn(line, arg);
			free(line);
			free(b);
			n++;
		}
		if (p->image_id != 0 && p->dup_of > 0) {
			b = pose_who(&l->v[p->dup_of - 1]);
			/* L10N: validation report: two students, one image */
			line = xasprintf(_("same image for %s and %s"), b, a);
			fn(line, arg);
			free(line);
			free(b);
			n++;
		}
		if (store_pose_name_get(st, kind, p->client_id, &first,
		    &last) == 1) {
			if (strcmp(first, p->first_name) != 0 ||
			    strcmp(last, p->last_name) != 0) {
				/* L10N: validation report: "name changed since
				 * the last export: Smith, Al -> Smith-Jones, Al
				 * (student ID 104, session 1003)" */
				line = xasprintf(_("name changed since the last "
				    "export: %s, %s -> %s"), last, first, a);
				fn(line, arg);
				free(line);
				n++;
			}
			free(first);
			free(last);
		}
		free(a);
	}
	return n;
}

int
pose_record_names(struct store *st, const struct pose_list *l,
    const char *kind, char **cause)
{
	size_t i;

	if (store_begin(st) != 0)
		goto fail;
	for (i = 0; i < l->n; i++)
		if (l->v[i].image_id != 0 && store_pose_name_set(st, kind,
		    l->v[i].client_id, l->v[i].first_name,
		    l->v[i].last_name) != 0) {
			store_rollback(st);
			goto fail;
		}
	if (store_commit(st) != 0) {
		store_rollback(st);
		goto fail;
	}
	return 0;
fail:
	*cause = xasprintf(_("cannot record the exported names: %s"),
	    store_errmsg(st));
	return -1;
}
