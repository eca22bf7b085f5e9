/*
 * core/importfix: moving frames between the lists of a sorted card.  See
 * importfix.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/importfix.h"
#include "util/xalloc.h"

/* Capture order: time (unknown first, as imgsort), then path. */
static int
fix_cmp(const struct imgsort_frame *fr, size_t a, size_t b)
{
	if (fr[a].time_ms != fr[b].time_ms)
		return fr[a].time_ms < fr[b].time_ms ? -1 : 1;
	return strcmp(fr[a].rel, fr[b].rel);
}

/* Sessions by number, as imgsort sorts them. */
static int
fix_code_cmp(const char *a, const char *b)
{
	long long x = strtoll(a, NULL, 10), y = strtoll(b, NULL, 10);

	if (x != y)
		return x < y ? -1 : 1;
	return strcmp(a, b);
}

/* Takes frame out of v[0..*n); 1 if it was there. */
static int
fix_take(size_t *v, size_t *n, size_t frame)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (v[i] == frame) {
			memmove(&v[i], &v[i + 1], (*n - i - 1) * sizeof *v);
			(*n)--;
			return 1;
		}
	return 0;
}

/* Takes frame out of every list of l, dropping lists left empty. */
static void
fix_take_lists(struct imgsort_list *l, size_t *nl, size_t frame)
{
	size_t i = 0;

	while (i < *nl) {
		fix_take(l[i].frames, &l[i].n, frame);
		if (l[i].n == 0) {
			free(l[i].code);
			free(l[i].frames);
			memmove(&l[i], &l[i + 1], (*nl - i - 1) * sizeof *l);
			(*nl)--;
		} else
			i++;
	}
}

/* The session list of code, made (in number order) when missing. */
static struct imgsort_list *
fix_session(struct imgsort_result *r, const char *code)
{
	size_t i;

	for (i = 0; i < r->nsessions; i++) {
		int c = fix_code_cmp(r->sessions[i].code, code);

		if (c == 0)
			return &r->sessions[i];
		if (c > 0)
			break;
	}
	r->sessions = xreallocarray(r->sessions, r->nsessions + 1,
	    sizeof *r->sessions);
	memmove(&r->sessions[i + 1], &r->sessions[i],
	    (r->nsessions - i) * sizeof *r->sessions);
	r->nsessions++;
	r->sessions[i].code = xstrdup(code);
	r->sessions[i].frames = NULL;
	r->sessions[i].n = 0;
	return &r->sessions[i];
}

static void
fix_insert(struct imgsort_list *l, const struct imgsort_frame *fr,
    size_t frame)
{
	size_t i = l->n;

	l->frames = xreallocarray(l->frames, l->n + 1, sizeof *l->frames);
	while (i > 0 && fix_cmp(fr, l->frames[i - 1], frame) > 0) {
		l->frames[i] = l->frames[i - 1];
		i--;
	}
	l->frames[i] = frame;
	l->n++;
}

int
importfix_move(struct imgsort_result *r, const struct imgsort_frame *fr,
    size_t frame, const char *code)
{
	size_t i;

	for (i = 0; i < r->nunreadable; i++)
		if (r->unreadable[i] == frame)
			return -1;
	fix_take_lists(r->sessions, &r->nsessions, frame);
	fix_take_lists(r->unknown, &r->nunknown, frame);
	fix_take_lists(r->markers, &r->nmarkers, frame);
	fix_take(r->unassigned, &r->nunassigned, frame);
	fix_take(r->suspect, &r->nsuspect, frame);
	fix_insert(fix_session(r, code), fr, frame);
	return 0;
}

size_t
importfix_adopt(struct imgsort_result *r, const struct imgsort_frame *fr,
    const char *code)
{
	const struct imgsort_list *u = imgsort_find(r->unknown, r->nunknown,
	    code);
	size_t *v, n, i;

	if (u == NULL)
		return 0;
	n = u->n;
	v = xreallocarray(NULL, n, sizeof *v);
	memcpy(v, u->frames, n * sizeof *v);
	for (i = 0; i < n; i++)
		importfix_move(r, fr, v[i], code);
	free(v);
	return n;
}
