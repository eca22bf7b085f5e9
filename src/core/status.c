/*
 * core/status: Advance Status for many sessions at once.  See core/status.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/status.h"
#include "store/db.h"
#include "store/session.h"
#include "store/status.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static size_t
status_index(const struct status *sv, size_t n, long long id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sv[i].id == id)
			return i;
	return n;
}

static void
add_skip(struct status_result *r, long long number, enum status_skip_why why,
    const char *status)
{
	r->skips = xreallocarray(r->skips, r->nskips + 1, sizeof *r->skips);
	r->skips[r->nskips].number = number;
	r->skips[r->nskips].why = why;
	r->skips[r->nskips].status = status != NULL ? xstrdup(status) : NULL;
	r->nskips++;
}

static void
add_enter(struct status_result *r, const struct status *s, long long number)
{
	struct status_enter *e = NULL;
	size_t i;

	for (i = 0; i < r->nenters; i++)
		if (strcmp(r->enters[i].status, s->name) == 0)
			e = &r->enters[i];
	if (e == NULL) {
		r->enters = xreallocarray(r->enters, r->nenters + 1,
		    sizeof *r->enters);
		e = &r->enters[r->nenters++];
		memset(e, 0, sizeof *e);
		e->kind = xstrdup(s->on_enter);
		e->status = xstrdup(s->name);
	}
	e->numbers = xreallocarray(e->numbers, e->n + 1, sizeof *e->numbers);
	e->numbers[e->n++] = number;
}

int
status_advance(struct store *st, const long long *numbers, size_t n,
    const char *to, int allow_back, struct status_result *r, char **cause)
{
	struct status *sv = NULL;
	struct strbuf targets = STRBUF_INIT;
	unsigned char *hit = NULL;
	size_t nsv = 0, i, cur, tgt = 0, want;
	long long sid, stid;
	int found;

	memset(r, 0, sizeof *r);
	if (store_begin(st) != 0) {
		*cause = xasprintf(_("studio database is busy: %s"),
		    store_errmsg(st));
		return -1;
	}
	if (store_status_list(st, &sv, &nsv) != 0)
		goto dberr;
	if (to != NULL) {
		for (tgt = 0; tgt < nsv; tgt++)
			if (strcasecmp(sv[tgt].name, to) == 0)
				break;
		if (tgt == nsv) {
			*cause = xasprintf(_("no such status: %s"), to);
			goto fail;
		}
	}
	hit = xcalloc(nsv + 1, 1);
	for (i = 0; i < n; i++) {
		found = store_status_of(st, numbers[i], &sid, &stid);
		if (found < 0)
			goto dberr;
		if (found == 0) {
			add_skip(r, numbers[i], STATUS_SKIP_UNKNOWN, NULL);
			continue;
		}
		cur = status_index(sv, nsv, stid);
		if (to == NULL) {
			if (cur + 1 >= nsv) {
				add_skip(r, numbers[i], STATUS_SKIP_LAST,
				    cur < nsv ? sv[cur].name : NULL);
				continue;
			}
			want = cur + 1;
		} else {
			want = tgt;
			if (cur == tgt) {
				add_skip(r, numbers[i], STATUS_SKIP_AT_TARGET,
				    sv[cur].name);
				continue;
			}
			if (cur < nsv && cur > tgt && !allow_back) {
				add_skip(r, numbers[i], STATUS_SKIP_BACKWARD,
				    sv[cur].name);
				continue;
			}
		}
		if (store_status_set(st, sid, sv[want].id) != 0 ||
		    store_history_add(st, sid, "status",
		    cur < nsv ? sv[cur].name : NULL, sv[want].name) != 0)
			goto dberr;
		if (sv[want].on_enter != NULL)
			add_enter(r, &sv[want], numbers[i]);
		hit[want] = 1;
		r->moved++;
	}
	if (store_commit(st) != 0)
		goto dberr;
	for (i = 0; i < nsv; i++) {
		if (!hit[i])
			continue;
		if (targets.len > 0)
			strbuf_adds(&targets, ", ");
		strbuf_adds(&targets, sv[i].name);
	}
	r->targets = strbuf_take(&targets);
	free(hit);
	store_status_free(sv, nsv);
	return 0;
dberr:
	*cause = xasprintf(_("cannot change status: %s"), store_errmsg(st));
fail:
	store_rollback(st);
	free(hit);
	store_status_free(sv, nsv);
	status_result_free(r);
	return -1;
}

void
status_result_free(struct status_result *r)
{
	size_t i;

	for (i = 0; i < r->nskips; i++)
		free(r->skips[i].status);
	for (i = 0; i < r->nenters; i++) {
		free(r->enters[i].kind);
		free(r->enters[i].status);
		free(r->enters[i].numbers);
	}
	free(r->skips);
	free(r->enters);
	free(r->targets);
	memset(r, 0, sizeof *r);
}

char *
status_skip_text(const struct status_skip *s)
{
	const char *st = s->status != NULL ? s->status : "?";

	switch (s->why) {
	case STATUS_SKIP_UNKNOWN:
		return xasprintf(_("session %lld: no such session"),
		    s->number);
	case STATUS_SKIP_LAST:
		return xasprintf(_("session %lld: already at the last status "
		    "(%s)"), s->number, st);
	case STATUS_SKIP_AT_TARGET:
		return xasprintf(_("session %lld: already at %s"), s->number,
		    st);
	case STATUS_SKIP_BACKWARD:
		return xasprintf(_("session %lld: at %s, which is past the "
		    "target, and moving back was not allowed"), s->number,
		    st);
	}
	return xasprintf("session %lld", s->number);
}
