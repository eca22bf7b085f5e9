/*
 * core/demo: roster, organization, import, schedule and camera card of the
 * demo studio.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/demo.h"
#include "core/roster.h"
#include "core/schedule.h"
#include "media/cardgen.h"
#include "store/client.h"
#include "store/db.h"
#include "store/org.h"
#include "store/session.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define DEMO_SEED	20240912u

static const char *const demo_first[] = {
	"Zoë", "Liam", "Ana María", "Noah", "Chloé", "Mateo", "Aoife", "Jürgen",
	"Siobhán", "Yuki", "Amara", "Élodie", "Kai", "Priya", "Oscar", "Léa",
	"Santiago", "Freya", "Dmitri", "Nadia", "Björn", "Imani", "Tomás",
	"Mei", "Rory", "Inés", "Kofi", "Saoirse", "Ravi", "Ingrid", "Hugo",
	"Zainab", "Mía", "Declan", "Anaïs", "Luca",
};

static const char *const demo_last[] = {
	"O'Brien", "Núñez-García", "Nguyen", "Müller", "D'Arcy", "Kowalski",
	"Østergaard", "Lee", "Dubois", "Smith-Jones", "Okafor", "Petrović",
	"MacLeod", "García", "Van der Berg", "Li", "Łukasiewicz", "Fernández",
	"O'Connor", "Yamamoto", "Haddad", "Brontë", "St. Clair", "Mbeki",
	"Johansson", "Rossi", "Schäfer", "Ní Bhriain", "Patel", "Żak",
};

/* Two teachers per grade, K first. */
static const char *const demo_grades[] = { "K", "1", "2", "3", "4", "5" };
static const char *const demo_teachers[] = {
	"Ms. Alvarez", "Mr. Chen", "Mrs. Kowalczyk", "Ms. N'Diaye",
	"Mr. Ó Súilleabháin", "Ms. Park", "Mrs. Brennan-Hughes", "Mr. Haas",
	"Ms. Lindqvist", "Mr. Adeyemi", "Mrs. Fontaine", "Ms. Rahman",
};

static unsigned
demo_rand(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

static void
demo_csv_field(struct strbuf *sb, const char *v, int last)
{
	const char *p;

	if (strpbrk(v, ",\"\r\n") == NULL)
		strbuf_adds(sb, v);
	else {
		strbuf_addc(sb, '"');
		for (p = v; *p != '\0'; p++) {
			if (*p == '"')
				strbuf_addc(sb, '"');
			strbuf_addc(sb, *p);
		}
		strbuf_addc(sb, '"');
	}
	strbuf_addc(sb, last ? '\n' : ',');
}

/* The roster as a school system would export it. */
static char *
demo_roster(int n, unsigned seed, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned st = seed;
	int i;

	strbuf_adds(&sb, "Student ID,Last Name,First Name,Grade,"
	    "Homeroom Teacher,Homeroom,Parent Email,Parent Phone,"
	    "Parent/Guardian\n");
	for (i = 0; i < n; i++) {
		const char *first, *last;
		char id[16], room[16], mail[96], phone[24], guardian[96];
		int t, g;

		/* The first rows show the hard names at once. */
		first = demo_first[i < 3 ? (size_t)i :
		    demo_rand(&st) % (sizeof demo_first / sizeof *demo_first)];
		last = demo_last[i < 3 ? (size_t)i :
		    demo_rand(&st) % (sizeof demo_last / sizeof *demo_last)];
		t = (int)(demo_rand(&st) % (sizeof demo_teachers /
		    sizeof *demo_teachers));
		g = t / 2;
		snprintf(id, sizeof id, "%d", 240001 + i);
		snprintf(room, sizeof room, "%d", 101 + t);
		snprintf(mail, sizeof mail, "family%d@example.org", 240001 + i);
		snprintf(phone, sizeof phone, "555-01%02d", i % 100);
		snprintf(guardian, sizeof guardian, "%s %s",
		    demo_rand(&st) % 2 ? "Sam" : "Alex", last);
		demo_csv_field(&sb, id, 0);
		demo_csv_field(&sb, last, 0);
		demo_csv_field(&sb, first, 0);
		demo_csv_field(&sb, demo_grades[g], 0);
		demo_csv_field(&sb, demo_teachers[t], 0);
		demo_csv_field(&sb, room, 0);
		demo_csv_field(&sb, mail, 0);
		demo_csv_field(&sb, phone, 0);
		demo_csv_field(&sb, guardian, 1);
	}
	*len = sb.len;
	return strbuf_take(&sb);
}

/* day + add days, as YYYY-MM-DD; a weekend moves to the Monday. */
static void
demo_day(const char *from, int add, int weekday, char out[11])
{
	struct tm tm;
	time_t now;

	memset(&tm, 0, sizeof tm);
	if (from != NULL && sscanf(from, "%d-%d-%d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday) == 3) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
	} else {
		now = time(NULL);
		localtime_r(&now, &tm);
	}
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	tm.tm_mday += add;
	mktime(&tm);
	if (weekday && (tm.tm_wday == 0 || tm.tm_wday == 6)) {
		tm.tm_mday += tm.tm_wday == 6 ? 2 : 1;
		mktime(&tm);
	}
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static int
demo_dir_busy(const char *dir)
{
	DIR *d;
	struct dirent *e;
	int busy = 0;

	if ((d = opendir(dir)) == NULL)
		return errno != ENOENT;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			busy = 1;
	closedir(d);
	return busy;
}

static int
demo_import(struct store *st, const char *path, struct demo_result *res,
    char **cause)
{
	struct roster *r;
	struct roster_report *rep;
	int rc;

	if (roster_open(path, &r, cause) != 0)
		return -1;
	rc = roster_run(r, st, DEMO_ORG, 1, &rep, cause);
	if (rc == 0) {
		res->students = rep->count[ROSTER_NEW] +
		    rep->count[ROSTER_UPDATED] + rep->count[ROSTER_UNCHANGED];
		roster_report_free(rep);
	}
	roster_free(r);
	return rc;
}

static int
demo_schedule(struct store *st, int n, struct demo_result *res, char **cause)
{
	struct schedule_request rq;
	struct schedule_plan *plan;
	struct schedule_result sr;
	char to[11];
	int rc;

	demo_day(res->date, 13, 0, to);
	schedule_request_init(&rq);
	rq.org = DEMO_ORG;
	rq.date_from = res->date;
	rq.date_to = to;
	rq.skip_weekends = 1;
	rq.day_from = 8 * 60 + 30;
	rq.day_to = 15 * 60;
	rq.break_from = 11 * 60 + 45;
	rq.break_to = 12 * 60 + 30;
	rq.slot_minutes = 3;
	rq.gap_minutes = 0;
	/* 115 slots a day, ten school days: enough for any demo size. */
	rq.per_slot = 1 + n / 1150;
	if (schedule_plan_make(st, &rq, &plan, cause) != 0)
		return -1;
	rc = schedule_plan_commit(st, plan, &sr, cause);
	schedule_plan_free(plan);
	if (rc == 0) {
		res->booked = sr.booked;
		res->first_number = sr.first_number;
		res->last_number = sr.last_number;
	}
	return rc;
}

struct demo_subjects {
	struct cardgen_subject	*v;
	size_t			 n, cap;
	unsigned		 rand;
	size_t			 absent;
};

static const char *
demo_dup(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

static int
demo_subject(const struct session_row *row, void *arg)
{
	struct demo_subjects *ds = arg;
	struct cardgen_subject *s;

	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap * 2 : 64;
		ds->v = xreallocarray(ds->v, ds->cap, sizeof *ds->v);
	}
	s = &ds->v[ds->n];
	memset(s, 0, sizeof *s);
	s->number = row->number;
	s->first_name = demo_dup(row->first_name);
	s->last_name = demo_dup(row->last_name);
	s->student_id = demo_dup(row->student_id);
	s->grade = demo_dup(row->grade);
	s->teacher = demo_dup(row->teacher);
	s->organization = demo_dup(row->organization);
	/* About one in twelve misses picture day; never the first. */
	s->absent = ds->n > 0 && demo_rand(&ds->rand) % 12 == 0;
	ds->absent += (size_t)s->absent;
	ds->n++;
	return 0;
}

static int
demo_card(struct store *st, unsigned seed, struct demo_result *res,
    char **cause)
{
	struct session_filter f;
	struct demo_subjects ds;
	struct cardgen_opts o;
	char *start;
	size_t i;
	int rc;

	memset(&f, 0, sizeof f);
	memset(&ds, 0, sizeof ds);
	f.org = DEMO_ORG;
	ds.rand = seed ^ 0x5bd1e995u;
	if (store_session_each(st, &f, demo_subject, &ds) != 0) {
		*cause = xasprintf(_("cannot read the demo sessions: %s"),
		    store_errmsg(st));
		rc = -1;
		goto out;
	}
	cardgen_opts_default(&o);
	o.seed = seed;
	start = xasprintf("%s 08:28:00", res->date);
	o.start_time = start;
	rc = cardgen_make(res->card_dir, ds.v, ds.n, &o, &res->frames, cause);
	free(start);
	res->absent = ds.absent;
out:
	for (i = 0; i < ds.n; i++) {
		free((char *)ds.v[i].first_name);
		free((char *)ds.v[i].last_name);
		free((char *)ds.v[i].student_id);
		free((char *)ds.v[i].grade);
		free((char *)ds.v[i].teacher);
		free((char *)ds.v[i].organization);
	}
	free(ds.v);
	return rc;
}

int
demo_make(struct store *st, const struct demo_opts *o,
    struct demo_result *res, char **cause)
{
	long long nclients, org_id;
	unsigned seed = o->seed != 0 ? o->seed : DEMO_SEED;
	int n = o->students > 0 ? o->students : DEMO_DEFAULT_STUDENTS;
	char day[11], *csv;
	size_t len;

	memset(res, 0, sizeof *res);
	if (n > DEMO_MAX_STUDENTS) {
		*cause = xasprintf(_("a demo has at most %d students"),
		    DEMO_MAX_STUDENTS);
		return -1;
	}
	if ((nclients = store_client_count(st)) != 0) {
		*cause = nclients < 0 ? xasprintf(_("cannot read the studio: "
		    "%s"), store_errmsg(st)) : xasprintf(_("the studio %s "
		    "already has %lld clients; a demo needs an empty studio "
		    "(give another folder with --studio DIR)"), store_dir(st),
		    nclients);
		return -1;
	}
	res->card_dir = o->no_card ? NULL : store_path(st, "demo-card");
	if (res->card_dir != NULL && demo_dir_busy(res->card_dir)) {
		*cause = xasprintf(_("%s already exists and is not empty; a "
		    "demo needs an empty studio"), res->card_dir);
		goto fail;
	}
	demo_day(o->date, o->date != NULL ? 0 : 7, 1, day);
	res->date = xstrdup(day);

	res->roster_path = store_path(st, "demo-roster.csv");
	csv = demo_roster(n, seed, &len);
	if (path_write_atomic(res->roster_path, csv, len, 0644) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), res->roster_path,
		    strerror(errno));
		free(csv);
		goto fail;
	}
	free(csv);
	if (store_org_find(st, DEMO_ORG, &org_id) == 0 &&
	    store_org_add(st, DEMO_ORG, NULL, &org_id, cause) != 0)
		goto fail;
	if (demo_import(st, res->roster_path, res, cause) != 0 ||
	    demo_schedule(st, n, res, cause) != 0)
		goto fail;
	if (res->card_dir != NULL && demo_card(st, seed, res, cause) != 0)
		goto fail;
	return 0;
fail:
	demo_result_free(res);
	return -1;
}

void
demo_result_free(struct demo_result *res)
{
	free(res->roster_path);
	free(res->card_dir);
	free(res->date);
	memset(res, 0, sizeof *res);
}
