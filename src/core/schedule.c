/*
 * core/schedule: Bulk Scheduling — slots from a request, a preview plan, and
 * its commit; rescheduling one session.  See core/schedule.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/schedule.h"
#include "store/db.h"
#include "store/session.h"
#include "store/status.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* A longer range is almost certainly a typo in the year. */
#define SCHEDULE_MAX_DAYS	366

void
schedule_request_init(struct schedule_request *rq)
{
	memset(rq, 0, sizeof *rq);
	rq->type = SCHEDULE_DEFAULT_TYPE;
	rq->day_from = -1;
	rq->day_to = -1;
	rq->break_from = -1;
	rq->break_to = -1;
	rq->slot_minutes = 0;
	rq->per_slot = 1;
}

int
schedule_parse_time(const char *s)
{
	int h, m, n = 0;

	if (s == NULL || sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 ||
	    s[n] != '\0' || n != 5)
		return -1;
	if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

int
schedule_parse_range(const char *s, int *from, int *to)
{
	char a[6], b[6];

	if (s == NULL || strlen(s) != 11 || s[5] != '-')
		return -1;
	memcpy(a, s, 5);
	a[5] = '\0';
	memcpy(b, s + 6, 5);
	b[5] = '\0';
	if ((*from = schedule_parse_time(a)) < 0 ||
	    (*to = schedule_parse_time(b)) < 0 || *to <= *from)
		return -1;
	return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant). */
static long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
parse_date(const char *s, long *days)
{
	int y, m, d, n = 0, y2, m2, d2;

	if (s == NULL || strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    y < 1900 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*days = days_from_civil(y, m, d);
	civil_from_days(*days, &y2, &m2, &d2);
	return y2 == y && m2 == m && d2 == d ? 0 : -1;
}

int
schedule_valid_date(const char *s)
{
	long d;

	return parse_date(s, &d) == 0;
}

static int
is_weekend(long days)
{
	long wd = (days % 7 + 7 + 4) % 7;	/* 1970-01-01 was a Thursday */

	return wd == 0 || wd == 6;
}

struct plan_build {
	struct schedule_plan	*plan;
	long			*days;
	size_t			 ndays;
	int			*daily;		/* slot starts, minutes */
	size_t			 ndaily;
	int			 per_slot;
	size_t			 next;		/* next free place */
};

static int
plan_candidate(long long client_id, const char *first, const char *last,
    const char *sid, int booked, void *arg)
{
	struct plan_build *b = arg;
	struct schedule_plan *p = b->plan;
	struct schedule_booking *bk;
	size_t slot;
	long day;
	int y, m, d, min;
	char tmp[48];

	p->ncandidates++;
	if (booked) {
		p->nskipped++;
		return 0;
	}
	if (b->next >= p->capacity) {
		p->misfits = xreallocarray(p->misfits, p->nmisfits + 1,
		    sizeof *p->misfits);
		p->misfits[p->nmisfits].client_id = client_id;
		p->misfits[p->nmisfits].name = sid != NULL && *sid != '\0' ?
		    xasprintf("%s, %s (%s)", last, first, sid) :
		    xasprintf("%s, %s", last, first);
		p->nmisfits++;
		return 0;
	}
	slot = b->next++ / b->per_slot;
	day = b->days[slot / b->ndaily];
	min = b->daily[slot % b->ndaily];
	civil_from_days(day, &y, &m, &d);
	if ((p->nbook & (p->nbook - 1)) == 0)
		p->book = xreallocarray(p->book, p->nbook == 0 ? 1 :
		    p->nbook * 2, sizeof *p->book);
	bk = &p->book[p->nbook++];
	bk->client_id = client_id;
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d %02d:%02d", y, m, d,
	    min / 60, min % 60);
	memcpy(bk->starts_at, tmp, sizeof bk->starts_at - 1);
	bk->starts_at[sizeof bk->starts_at - 1] = '\0';
	return 0;
}

static char *
request_check(const struct schedule_request *rq, long *from, long *to)
{
	if (rq->org == NULL || *rq->org == '\0')
		return xstrdup(_("no organization given"));
	if (parse_date(rq->date_from, from) != 0)
		return xasprintf(_("not a date (YYYY-MM-DD): %s"),
		    rq->date_from != NULL ? rq->date_from : "");
	*to = *from;
	if (rq->date_to != NULL && *rq->date_to != '\0' &&
	    parse_date(rq->date_to, to) != 0)
		return xasprintf(_("not a date (YYYY-MM-DD): %s"),
		    rq->date_to);
	if (*to < *from)
		return xstrdup(_("the last date is before the first"));
	if (*to - *from >= SCHEDULE_MAX_DAYS)
		return xasprintf(_("a date range is at most %d days"),
		    SCHEDULE_MAX_DAYS);
	if (rq->day_from < 0 || rq->day_from > 1439 || rq->day_to < 1 ||
	    rq->day_to > 1440 || rq->day_to <= rq->day_from)
		return xstrdup(_("the daily window must be HH:MM to a later "
		    "HH:MM (00:00 to 24:00)"));
	if ((rq->break_from >= 0 || rq->break_to >= 0) &&
	    (rq->break_from < 0 || rq->break_to <= rq->break_from ||
	    rq->break_to > 1440))
		return xstrdup(_("the break must be HH:MM-HH:MM, end after "
		    "start"));
	if (rq->slot_minutes < 1 || rq->slot_minutes > 1440)
		return xstrdup(_("slot length must be 1 to 1440 minutes"));
	if (rq->gap_minutes < 0 || rq->gap_minutes > 1440)
		return xstrdup(_("minutes between slots must be 0 to 1440"));
	if (rq->per_slot < 1 || rq->per_slot > 1000)
		return xstrdup(_("sessions per slot must be 1 to 1000"));
	return NULL;
}

int
schedule_plan_make(struct store *st, const struct schedule_request *rq,
    struct schedule_plan **out, char **cause)
{
	struct plan_build b;
	struct schedule_plan *p;
	const char *type;
	long from, to, day;
	int t, found;

	if ((*cause = request_check(rq, &from, &to)) != NULL)
		return -1;
	memset(&b, 0, sizeof b);
	p = b.plan = xcalloc(1, sizeof *p);
	b.per_slot = rq->per_slot;
	found = store_session_org_find(st, rq->org, &p->org_id, &p->org_name);
	if (found != 1) {
		*cause = found == 0 ? xasprintf(_("no such organization: %s"),
		    rq->org) : xstrdup(store_errmsg(st));
		goto fail;
	}
	type = rq->type != NULL && *rq->type != '\0' ? rq->type :
	    SCHEDULE_DEFAULT_TYPE;
	found = store_session_type_find(st, type, &p->type_id, &t,
	    &p->type_name);
	if (found != 1) {
		*cause = found == 0 ? xasprintf(_("no such session type: %s"),
		    type) : xstrdup(store_errmsg(st));
		goto fail;
	}
	p->minutes = rq->slot_minutes;

	for (day = from; day <= to; day++) {
		if (rq->skip_weekends && is_weekend(day))
			continue;
		b.days = xreallocarray(b.days, b.ndays + 1, sizeof *b.days);
		b.days[b.ndays++] = day;
	}
	for (t = rq->day_from; t + rq->slot_minutes <= rq->day_to;) {
		if (rq->break_from >= 0 && t < rq->break_to &&
		    t + rq->slot_minutes > rq->break_from) {
			t = rq->break_to;
			continue;
		}
		b.daily = xreallocarray(b.daily, b.ndaily + 1,
		    sizeof *b.daily);
		b.daily[b.ndaily++] = t;
		t += rq->slot_minutes + rq->gap_minutes;
	}
	p->nslots = b.ndays * b.ndaily;
	p->capacity = p->nslots * (size_t)rq->per_slot;

	if (store_session_candidates(st, p->org_id,
	    rq->grade != NULL && *rq->grade != '\0' ? rq->grade : NULL,
	    rq->teacher != NULL && *rq->teacher != '\0' ? rq->teacher : NULL,
	    p->type_id, plan_candidate, &b) != 0) {
		*cause = xstrdup(store_errmsg(st));
		goto fail;
	}
	free(b.days);
	free(b.daily);
	*out = p;
	return 0;
fail:
	free(b.days);
	free(b.daily);
	schedule_plan_free(p);
	return -1;
}

void
schedule_plan_free(struct schedule_plan *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nmisfits; i++)
		free(p->misfits[i].name);
	free(p->misfits);
	free(p->book);
	free(p->org_name);
	free(p->type_name);
	free(p);
}

int
schedule_plan_commit(struct store *st, const struct schedule_plan *p,
    struct schedule_result *res, char **cause)
{
	struct status *sv = NULL;
	size_t nsv = 0, i, n = 0;
	unsigned char *take = NULL;
	long long first = 0, number;
	int b;

	memset(res, 0, sizeof *res);
	if (store_begin(st) != 0) {
		*cause = xasprintf(_("studio database is busy: %s"),
		    store_errmsg(st));
		return -1;
	}
	if (store_status_list(st, &sv, &nsv) != 0)
		goto dberr;
	if (nsv == 0) {
		*cause = xstrdup(_("no statuses are defined (Setup)"));
		goto fail;
	}
	/* Someone may have booked some of them since the preview. */
	take = xcalloc(p->nbook + 1, 1);
	for (i = 0; i < p->nbook; i++) {
		if ((b = store_session_client_booked(st, p->book[i].client_id,
		    p->type_id)) < 0)
			goto dberr;
		if (b == 0) {
			take[i] = 1;
			n++;
		} else
			res->skipped++;
	}
	if (n > 0 && store_session_numbers_take(st, (long long)n, &first) != 0)
		goto dberr;
	number = first;
	for (i = 0; i < p->nbook; i++) {
		if (!take[i])
			continue;
		if (store_session_insert(st, number, p->book[i].client_id,
		    p->org_id, p->type_id, p->book[i].starts_at, p->minutes,
		    sv[0].id) < 0)
			goto dberr;
		number++;
	}
	if (store_commit(st) != 0)
		goto dberr;
	res->booked = n;
	res->first_number = n > 0 ? first : 0;
	res->last_number = n > 0 ? number - 1 : 0;
	free(take);
	store_status_free(sv, nsv);
	return 0;
dberr:
	*cause = xasprintf(_("cannot book the sessions: %s"),
	    store_errmsg(st));
fail:
	store_rollback(st);
	free(take);
	store_status_free(sv, nsv);
	memset(res, 0, sizeof *res);
	return -1;
}

int
schedule_reschedule(struct store *st, long long number, const char *date,
    const char *time, char **cause)
{
	char *old = NULL, starts[48];
	long long id;
	long days;
	int t, found;

	if (parse_date(date, &days) != 0) {
		*cause = xasprintf(_("not a date (YYYY-MM-DD): %s"),
		    date != NULL ? date : "");
		return -1;
	}
	if ((t = schedule_parse_time(time)) < 0 || t >= 1440) {
		*cause = xasprintf(_("not a time (HH:MM): %s"),
		    time != NULL ? time : "");
		return -1;
	}
	snprintf(starts, sizeof starts, "%s %02d:%02d", date, t / 60, t % 60);
	if (store_begin(st) != 0) {
		*cause = xasprintf(_("studio database is busy: %s"),
		    store_errmsg(st));
		return -1;
	}
	found = store_session_find(st, number, &id, &old);
	if (found != 1) {
		*cause = found == 0 ? xasprintf(_("no session number %lld"),
		    number) : xstrdup(store_errmsg(st));
		store_rollback(st);
		return -1;
	}
	if (old != NULL && strcmp(old, starts) == 0) {
		store_rollback(st);
		free(old);
		return 0;
	}
	if (store_session_set_start(st, id, starts) != 0 ||
	    store_history_add(st, id, "schedule", old, starts) != 0 ||
	    store_commit(st) != 0) {
		*cause = xasprintf(_("cannot reschedule session %lld: %s"),
		    number, store_errmsg(st));
		store_rollback(st);
		free(old);
		return -1;
	}
	free(old);
	return 0;
}
