/*
 * tui/wizard-schedule: the Bulk Scheduling wizard (key b in the Sessions
 * hub).  Step 1 who (organization, grade/teacher filter, session type),
 * step 2 when (dates, weekends, time window, daily break, slot length, gap,
 * per slot), step 3 the preview from core/schedule (how many fit, who does
 * not, how many were already booked) — Book commits it in one
 * transaction; Esc on any step writes nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/schedule.h"
#include "tui/hub.h"
#include "tui/sessions-act.h"
#include "tui/steps.h"
#include "util/xalloc.h"

enum { F_ORG, F_GRADE, F_TEACHER, F_TYPE };
enum { F_FROM_DAY, F_TO_DAY, F_WEEKENDS, F_START, F_END, F_BREAK, F_SLOT,
    F_GAP, F_PER };

static int
valid_time(const char *v, void *arg, char **cause)
{
	(void)arg;
	if (schedule_parse_time(v) >= 0)
		return 0;
	*cause = xstrdup(_("a time as HH:MM (24:00 is midnight), please"));
	return -1;
}

static int
valid_range(const char *v, void *arg, char **cause)
{
	int a, b;

	(void)arg;
	if (schedule_parse_range(v, &a, &b) == 0 && a < b)
		return 0;
	*cause = xstrdup(_("a range as HH:MM-HH:MM, please"));
	return -1;
}

static int
valid_positive(const char *v, void *arg, char **cause)
{
	(void)arg;
	if (atoi(v) >= 1)
		return 0;
	*cause = xstrdup(_("1 or more, please"));
	return -1;
}

static int
valid_gap(const char *v, void *arg, char **cause)
{
	(void)arg;
	if (atoi(v) >= 0)
		return 0;
	*cause = xstrdup(_("0 or more, please"));
	return -1;
}

static const struct form_field who_fields[] = {
	{ N_("Organization"), FORM_CHOICE, 1, 0, NULL },
	{ N_("Only grade"), FORM_TEXT, 0, 20, NULL },
	{ N_("Only teacher"), FORM_TEXT, 0, 60, NULL },
	{ N_("Session type"), FORM_TEXT, 1, 60, NULL },
};

static const struct form_field when_fields[] = {
	{ N_("Date"), FORM_DATE, 1, 10, NULL },
	{ N_("Until date"), FORM_DATE, 0, 10, NULL },
	{ N_("Skip weekends"), FORM_CHOICE, 0, 0, NULL },
	{ N_("From"), FORM_TEXT, 1, 5, valid_time },
	{ N_("To"), FORM_TEXT, 1, 5, valid_time },
	{ N_("Daily break"), FORM_TEXT, 0, 11, valid_range },
	{ N_("Slot minutes"), FORM_INT, 0, 4, valid_positive },
	{ N_("Gap minutes"), FORM_INT, 0, 4, valid_gap },
	{ N_("Per slot"), FORM_INT, 1, 4, valid_positive },
};

struct sched_wz {
	struct hub_list		*hl;
	int			 filled;
	struct schedule_plan	*plan;
	struct textpane		 tp;
};

static void
sched_fill(struct steps *s, struct sched_wz *sw)
{
	struct form_page *who = steps_form(s, 0), *when = steps_form(s, 1);
	struct form_choice *c, tmp;
	long long org = list_filter(sw->hl->list)->org_id;
	char day[16];
	time_t now = time(NULL);
	struct tm tm;
	int n, i;
	const struct form_choice yesno[] = {
		{ _("yes"), 1 }, { _("no"), 2 },
	};

	hub_choices(LISTS_ORGS, 1, _("(choose one)"), &c, &n);
	/* The organization the list is filtered on comes first, else the
	 * first one by name. */
	for (i = 1; i < n; i++)
		if (c[i].id == org || (org == 0 && i == 1)) {
			tmp = c[0];
			c[0] = c[i];
			c[i] = tmp;
			break;
		}
	form_page_set_choices(who, F_ORG, c, n);
	hub_choices_free(c, n);
	form_set_value(who, F_TYPE, SCHEDULE_DEFAULT_TYPE);

	localtime_r(&now, &tm);
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	form_set_value(when, F_FROM_DAY, day);
	form_page_set_choices(when, F_WEEKENDS, yesno, 2);
	form_set_value(when, F_START, "08:00");
	form_set_value(when, F_END, "15:00");
	form_set_value(when, F_SLOT, "3");
	form_set_value(when, F_GAP, "0");
	form_set_value(when, F_PER, "1");
}

static int
sched_enter_who(struct steps *s, int page, void *arg, char **cause)
{
	struct sched_wz *sw = arg;

	(void)page;
	(void)cause;
	if (!sw->filled) {
		sched_fill(s, sw);
		sw->filled = 1;
	}
	return 0;
}

static const char *
empty_null(const char *v)
{
	return v != NULL && *v != '\0' ? v : NULL;
}

/* The request from steps 1 and 2 (strings point into the pages). */
static int
sched_request(struct steps *s, struct schedule_request *rq, char **cause)
{
	struct form_page *who = steps_form(s, 0), *when = steps_form(s, 1);

	schedule_request_init(rq);
	rq->org = form_value(who, F_ORG);
	rq->grade = empty_null(form_value(who, F_GRADE));
	rq->teacher = empty_null(form_value(who, F_TEACHER));
	rq->type = form_value(who, F_TYPE);
	rq->date_from = form_value(when, F_FROM_DAY);
	rq->date_to = empty_null(form_value(when, F_TO_DAY));
	rq->skip_weekends = form_choice_id(when, F_WEEKENDS) == 1;
	rq->day_from = schedule_parse_time(form_value(when, F_START));
	rq->day_to = schedule_parse_time(form_value(when, F_END));
	if (rq->day_from >= rq->day_to) {
		*cause = xstrdup(_("To: must be after From"));
		return -1;
	}
	if (rq->date_to != NULL && strcmp(rq->date_to, rq->date_from) < 0) {
		*cause = xstrdup(_("Until date: must not be before Date"));
		return -1;
	}
	if (empty_null(form_value(when, F_BREAK)) != NULL)
		schedule_parse_range(form_value(when, F_BREAK),
		    &rq->break_from, &rq->break_to);
	rq->slot_minutes = atoi(form_value(when, F_SLOT));
	rq->gap_minutes = atoi(form_value(when, F_GAP));
	rq->per_slot = atoi(form_value(when, F_PER));
	return 0;
}

static int
sched_enter_preview(struct steps *s, int page, void *arg, char **cause)
{
	struct sched_wz *sw = arg;
	struct schedule_request rq;
	struct schedule_plan *p;
	size_t i;

	(void)page;
	if (sched_request(s, &rq, cause) != 0)
		return -1;
	schedule_plan_free(sw->plan);
	sw->plan = NULL;
	if (schedule_plan_make(tui_store(), &rq, &sw->plan, cause) != 0)
		return -1;
	p = sw->plan;
	textpane_clear(&sw->tp);
	textpane_add(&sw->tp, _("%s, %s: %zu clients match."), p->org_name,
	    p->type_name, p->ncandidates);
	textpane_add(&sw->tp, _("Already booked (skipped): %zu"),
	    p->nskipped);
	textpane_add(&sw->tp, _("Slots: %zu of %d minutes, room for %zu."),
	    p->nslots, p->minutes, p->capacity);
	if (p->nbook > 0)
		textpane_add(&sw->tp, _("Will book %zu: %s to %s."), p->nbook,
		    p->book[0].starts_at, p->book[p->nbook - 1].starts_at);
	else
		textpane_add(&sw->tp, _("Nothing to book."));
	if (p->nmisfits == 0)
		textpane_add(&sw->tp, _("Everyone fits."));
	else {
		textpane_add(&sw->tp, _("Do not fit: %zu (widen the window "
		    "or add a day)"), p->nmisfits);
		for (i = 0; i < p->nmisfits; i++)
			textpane_add(&sw->tp, "  %s", p->misfits[i].name);
	}
	return 0;
}

static void
sched_draw_preview(struct steps *s, int y, int x, int h, int w, void *arg)
{
	struct sched_wz *sw = arg;

	(void)s;
	textpane_draw(&sw->tp, y, x, h, w);
}

static int
sched_key_preview(struct steps *s, int key, void *arg)
{
	struct sched_wz *sw = arg;

	(void)s;
	return textpane_key(&sw->tp, key, 12);
}

static int
sched_finish(struct steps *s, void *arg, char **cause)
{
	struct sched_wz *sw = arg;
	struct schedule_result r;

	(void)s;
	if (sw->plan == NULL || sw->plan->nbook == 0) {
		*cause = xstrdup(_("nothing to book: go back and change the "
		    "window, or Cancel"));
		return -1;
	}
	if (schedule_plan_commit(tui_store(), sw->plan, &r, cause) != 0)
		return -1;
	if (r.booked > 0)
		tui_message(_("booked %zu sessions (%lld-%lld); %zu already "
		    "booked; %zu did not fit"), r.booked, r.first_number,
		    r.last_number, sw->plan->nskipped + r.skipped,
		    sw->plan->nmisfits);
	else
		tui_message(_("booked nothing: %zu booked meanwhile"),
		    r.skipped);
	tui_reload_all();
	return 0;
}

static void
sched_free(void *arg)
{
	struct sched_wz *sw = arg;

	schedule_plan_free(sw->plan);
	textpane_clear(&sw->tp);
	free(sw);
}

static const struct steps_page sched_pages[] = {
	{ N_("Who: the clients of an organization"),
	  N_("Empty filters take everyone; clients already booked are skipped."),
	  who_fields, sizeof who_fields / sizeof who_fields[0], 0, NULL, NULL,
	  sched_enter_who },
	{ N_("When: days, time window and slots"),
	  N_("Times HH:MM (24:00 ends at midnight); break HH:MM-HH:MM."),
	  when_fields, sizeof when_fields / sizeof when_fields[0], 0, NULL,
	  NULL, NULL },
	{ N_("Preview: nothing is booked until Book"),
	  N_("↑/↓ PgUp/PgDn scroll; Book commits, Back changes, Esc cancels."),
	  NULL, 0, 12, sched_draw_preview, sched_key_preview,
	  sched_enter_preview },
};

void
sessions_schedule_open(struct hub_list *hl)
{
	struct sched_wz *sw = xcalloc(1, sizeof *sw);

	sw->hl = hl;
	steps_open(_("Bulk Scheduling"), sched_pages, 3, N_("Book"),
	    sched_finish, sched_free, sw);
}
