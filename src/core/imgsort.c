/*
 * core/imgsort: the sorting rules of the Bulk Image Importer: per-body
 * capture order, runs started by QR markers, and the flags for runs that
 * look wrong.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/imgsort.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define IMGSORT_GAP_DEFAULT	(5 * 60 * 1000LL)

char *
imgsort_code_normalise(const char *s)
{
	size_t a = 0, b = strlen(s), i;
	int digits = 1;

	while (a < b && isspace((unsigned char)s[a]))
		a++;
	while (b > a && isspace((unsigned char)s[b - 1]))
		b--;
	if (a == b)
		return NULL;
	for (i = a; i < b; i++)
		if (!isdigit((unsigned char)s[i]))
			digits = 0;
	if (digits)
		while (b - a > 1 && s[a] == '0')
			a++;
	return xstrndup(s + a, b - a);
}

/* Numbers by value, then other codes bytewise. */
static int
code_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int da = strspn(a, "0123456789") == la, db = strspn(b, "0123456789") == lb;

	if (da && db && la != lb)
		return la < lb ? -1 : 1;
	if (da != db)
		return da ? -1 : 1;
	return strcmp(a, b);
}

/* Comparators for qsort_r: arg is the frame array. */
static int
frame_cmp_time(const struct imgsort_frame *fr, size_t a, size_t b)
{
	const struct imgsort_frame *fa = &fr[a], *fb = &fr[b];

	if (fa->time_ms != fb->time_ms)
		return fa->time_ms < fb->time_ms ? -1 : 1;
	return strcmp(fa->rel, fb->rel);
}

static int
by_time(const void *a, const void *b, void *arg)
{
	return frame_cmp_time(arg, *(const size_t *)a, *(const size_t *)b);
}

static int
by_body_time(const void *a, const void *b, void *arg)
{
	const struct imgsort_frame *fr = arg;
	const struct imgsort_frame *fa = &fr[*(const size_t *)a];
	const struct imgsort_frame *fb = &fr[*(const size_t *)b];
	int c = strcmp(fa->body != NULL ? fa->body : "",
	    fb->body != NULL ? fb->body : "");

	return c != 0 ? c : by_time(a, b, arg);
}

static int
by_code(const void *a, const void *b)
{
	return code_cmp(((const struct imgsort_list *)a)->code,
	    ((const struct imgsort_list *)b)->code);
}

const struct imgsort_list *
imgsort_find(const struct imgsort_list *l, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(l[i].code, code) == 0)
			return &l[i];
	return NULL;
}

static size_t
list_get(struct imgsort_list **l, size_t *n, const char *code)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*l)[i].code, code) == 0)
			return i;
	*l = xreallocarray(*l, *n + 1, sizeof **l);
	(*l)[*n].code = xstrdup(code);
	(*l)[*n].frames = NULL;
	(*l)[*n].n = 0;
	return (*n)++;
}

static void
idx_add(size_t **v, size_t *n, size_t frame)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = frame;
}

static void
flag_add(struct imgsort_result *r, enum imgsort_flag_kind kind, size_t frame,
    const char *code, long long value)
{
	struct imgsort_flag *f;

	r->flags = xreallocarray(r->flags, r->nflags + 1, sizeof *r->flags);
	f = &r->flags[r->nflags++];
	f->kind = kind;
	f->frame = frame;
	f->code = code != NULL ? xstrdup(code) : NULL;
	f->value = value;
}

/* A frame's codes, normalised, distinct, sorted. */
struct codeset {
	char	**c;
	size_t	  n;
	char	 *key;		/* "1001,1002"; NULL when empty */
};

static int
str_cmp(const void *a, const void *b)
{
	return code_cmp(*(char *const *)a, *(char *const *)b);
}

static void
codeset_make(struct codeset *cs, const struct imgsort_frame *f)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, j;

	memset(cs, 0, sizeof *cs);
	for (i = 0; i < f->ncodes; i++) {
		char *c = imgsort_code_normalise(f->codes[i]);

		for (j = 0; c != NULL && j < cs->n; j++)
			if (strcmp(cs->c[j], c) == 0) {
				free(c);
				c = NULL;
			}
		if (c == NULL)
			continue;
		cs->c = xreallocarray(cs->c, cs->n + 1, sizeof *cs->c);
		cs->c[cs->n++] = c;
	}
	if (cs->n == 0)
		return;
	qsort(cs->c, cs->n, sizeof *cs->c, str_cmp);
	for (i = 0; i < cs->n; i++) {
		if (i > 0)
			strbuf_addc(&sb, ',');
		strbuf_adds(&sb, cs->c[i]);
	}
	cs->key = strbuf_take(&sb);
}

static void
codeset_free(struct codeset *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++)
		free(cs->c[i]);
	free(cs->c);
	free(cs->key);
	memset(cs, 0, sizeof *cs);
}

/* Files frame under every code of the set (or unassigned). */
static void
assign(struct imgsort_result *r, const struct imgsort_opts *o,
    const struct codeset *cs, size_t frame)
{
	size_t i, k;

	if (cs->n == 0) {
		idx_add(&r->unassigned, &r->nunassigned, frame);
		return;
	}
	for (i = 0; i < cs->n; i++) {
		if (o->is_session != NULL && o->is_session(o->arg, cs->c[i])) {
			k = list_get(&r->sessions, &r->nsessions, cs->c[i]);
			idx_add(&r->sessions[k].frames, &r->sessions[k].n, frame);
		} else {
			k = list_get(&r->unknown, &r->nunknown, cs->c[i]);
			idx_add(&r->unknown[k].frames, &r->unknown[k].n, frame);
		}
	}
}

struct run {
	size_t		 marker;
	size_t		 n;
	char		*key;
};

static int
by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static void
flag_long_runs(struct imgsort_result *r, struct run *runs, size_t nruns)
{
	size_t *len, med, i;

	if (nruns < 3)
		return;
	len = xreallocarray(NULL, nruns, sizeof *len);
	for (i = 0; i < nruns; i++)
		len[i] = runs[i].n;
	qsort(len, nruns, sizeof *len, by_size);
	med = len[nruns / 2];
	free(len);
	for (i = 0; i < nruns; i++)
		if (runs[i].n > 3 * med && runs[i].n >= med + 5)
			flag_add(r, IMGSORT_FLAG_LONG_RUN, runs[i].marker,
			    runs[i].key, (long long)runs[i].n);
}

static void
sort_qr(const struct imgsort_frame *fr, size_t *order, size_t n,
    const struct imgsort_opts *o, struct imgsort_result *r)
{
	struct codeset cur, cs;
	struct run *runs = NULL;
	size_t nruns = 0, i, j, k;
	const char *body = NULL;
	long long gap = o->gap_ms > 0 ? o->gap_ms : IMGSORT_GAP_DEFAULT;
	long long last = -1, prev;
	int held = 0;	/* after a frame that looked like a QR */

	memset(&cur, 0, sizeof cur);
	for (i = 0; i < n; i++) {
		const struct imgsort_frame *f = &fr[order[i]];
		const char *b = f->body != NULL ? f->body : "";

		if (i == 0 || strcmp(b, body) != 0) {	/* a new body */
			codeset_free(&cur);
			body = b;
			last = -1;
			held = 0;
		}
		if (f->unreadable) {
			idx_add(&r->unreadable, &r->nunreadable, order[i]);
			if (cur.n > 0)
				flag_add(r, IMGSORT_FLAG_UNREADABLE, order[i],
				    cur.key, 0);
			continue;
		}
		prev = last;
		if (f->time_ms >= 0)
			last = f->time_ms;
		codeset_make(&cs, f);
		if (cs.n > 0) {
			held = 0;
			for (j = 0; j < cs.n; j++) {
				k = list_get(&r->markers, &r->nmarkers, cs.c[j]);
				idx_add(&r->markers[k].frames, &r->markers[k].n,
				    order[i]);
			}
			if (cur.key == NULL || strcmp(cur.key, cs.key) != 0) {
				codeset_free(&cur);
				cur = cs;
				runs = xreallocarray(runs, nruns + 1,
				    sizeof *runs);
				runs[nruns].marker = order[i];
				runs[nruns].n = 0;
				runs[nruns].key = cur.key;
				nruns++;
			} else
				codeset_free(&cs);
			continue;
		}
		/* A marker that did not decode: it and what follows it wait
		 * for the operator, never filed with the run before. */
		if (f->qr_like) {
			flag_add(r, IMGSORT_FLAG_QR_LIKE, order[i], cur.key, 0);
			held = 1;
		}
		if (held) {
			idx_add(&r->suspect, &r->nsuspect, order[i]);
			continue;
		}
		/* A gap before a marker only ends a run; inside one it may
		 * hide a missed marker. */
		if (cur.n > 0 && prev >= 0 && f->time_ms >= 0 &&
		    f->time_ms - prev > gap)
			flag_add(r, IMGSORT_FLAG_GAP, order[i], cur.key,
			    (f->time_ms - prev) / 60000);
		assign(r, o, &cur, order[i]);
		if (cur.n > 0)
			runs[nruns - 1].n++;
	}
	flag_long_runs(r, runs, nruns);
	codeset_free(&cur);
	free(runs);
}

static void
sort_each(const struct imgsort_frame *fr, size_t *order, size_t n,
    const struct imgsort_opts *o, struct imgsort_result *r)
{
	struct codeset cs;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct imgsort_frame *f = &fr[order[i]];

		if (f->unreadable) {
			idx_add(&r->unreadable, &r->nunreadable, order[i]);
			continue;
		}
		codeset_make(&cs, f);
		assign(r, o, &cs, order[i]);
		codeset_free(&cs);
	}
}

/* Frame indices in capture order (qsort_r must not see a NULL array). */
static void
sort_idx(size_t *v, size_t n, const struct imgsort_frame *fr)
{
	if (n > 1)
		qsort_r(v, n, sizeof *v, by_time, (void *)fr);
}

static void
lists_sort(const struct imgsort_frame *fr, struct imgsort_list *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sort_idx(l[i].frames, l[i].n, fr);
	if (n > 1)
		qsort(l, n, sizeof *l, by_code);
}

void
imgsort_run(const struct imgsort_frame *fr, size_t n,
    const struct imgsort_opts *o, struct imgsort_result *r)
{
	size_t *order, i;

	memset(r, 0, sizeof *r);
	if (n == 0)
		return;
	order = xreallocarray(NULL, n, sizeof *order);
	for (i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof *order, o->mode == IMGSORT_QR ? by_body_time :
	    by_time, (void *)fr);
	if (o->mode == IMGSORT_QR)
		sort_qr(fr, order, n, o, r);
	else
		sort_each(fr, order, n, o, r);
	lists_sort(fr, r->sessions, r->nsessions);
	lists_sort(fr, r->markers, r->nmarkers);
	lists_sort(fr, r->unknown, r->nunknown);
	sort_idx(r->unassigned, r->nunassigned, fr);
	sort_idx(r->unreadable, r->nunreadable, fr);
	sort_idx(r->suspect, r->nsuspect, fr);
	free(order);
}

static void
lists_free(struct imgsort_list *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(l[i].code);
		free(l[i].frames);
	}
	free(l);
}

void
imgsort_result_free(struct imgsort_result *r)
{
	size_t i;

	lists_free(r->sessions, r->nsessions);
	lists_free(r->markers, r->nmarkers);
	lists_free(r->unknown, r->nunknown);
	free(r->unassigned);
	free(r->unreadable);
	free(r->suspect);
	for (i = 0; i < r->nflags; i++)
		free(r->flags[i].code);
	free(r->flags);
	memset(r, 0, sizeof *r);
}

static void
json_paths(struct strbuf *sb, const size_t *v, size_t n,
    const struct imgsort_frame *fr)
{
	size_t i;

	strbuf_addc(sb, '[');
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_adds(sb, ", ");
		strbuf_add_json(sb, fr[v[i]].rel);
	}
	strbuf_addc(sb, ']');
}

static void
json_lists(struct strbuf *sb, const char *name, const struct imgsort_list *l,
    size_t n, const struct imgsort_frame *fr)
{
	size_t i;

	strbuf_add_json(sb, name);
	strbuf_adds(sb, ": {");
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_adds(sb, ", ");
		strbuf_add_json(sb, l[i].code);
		strbuf_adds(sb, ": ");
		json_paths(sb, l[i].frames, l[i].n, fr);
	}
	strbuf_adds(sb, "}");
}

char *
imgsort_json(const struct imgsort_result *r, const struct imgsort_frame *fr)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addc(&sb, '{');
	json_lists(&sb, "sessions", r->sessions, r->nsessions, fr);
	strbuf_adds(&sb, ", ");
	json_lists(&sb, "markers", r->markers, r->nmarkers, fr);
	strbuf_adds(&sb, ", ");
	json_lists(&sb, "unknown_codes", r->unknown, r->nunknown, fr);
	strbuf_adds(&sb, ", \"unassigned\": ");
	json_paths(&sb, r->unassigned, r->nunassigned, fr);
	strbuf_adds(&sb, ", \"unreadable\": ");
	json_paths(&sb, r->unreadable, r->nunreadable, fr);
	strbuf_adds(&sb, ", \"unreadable_code\": ");
	json_paths(&sb, r->suspect, r->nsuspect, fr);
	strbuf_adds(&sb, "}");
	return strbuf_take(&sb);
}

char *
imgsort_flag_text(const struct imgsort_flag *f, const struct imgsort_frame *fr)
{
	const char *rel = fr[f->frame].rel;
	const char *code = f->code != NULL ? f->code : "-";

	switch (f->kind) {
	case IMGSORT_FLAG_GAP:
		return xasprintf(_("check %s: %lld minutes after the frame "
		    "before it, inside the run of %s"), rel, f->value, code);
	case IMGSORT_FLAG_LONG_RUN:
		return xasprintf(_("check %s: the run of %s it starts has %lld "
		    "frames, far more than the others"), rel, code, f->value);
	case IMGSORT_FLAG_QR_LIKE:
		if (f->code == NULL)
			return xasprintf(_("check %s: looks like a QR code that "
			    "did not decode: it and the frames after it are "
			    "held as \"unreadable code?\""), rel);
		return xasprintf(_("check %s: looks like a QR code that did not "
		    "decode: it and the frames after it are held as "
		    "\"unreadable code?\" (not filed with %s)"), rel, code);
	case IMGSORT_FLAG_UNREADABLE:
		return xasprintf(_("check %s: unreadable frame inside the run "
		    "of %s (a missed QR?)"), rel, code);
	}
	return xstrdup(rel);
}
