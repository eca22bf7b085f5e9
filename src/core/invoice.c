/* core/invoice: committing imported invoices, and manual invoices. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/invoice.h"
#include "net/fetch.h"
#include "store/db.h"
#include "store/grant.h"
#include "store/invoice.h"
#include "store/job.h"
#include "store/pricelist.h"
#include "store/secrets.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/*
 * The look-ups of an import, remembered: a file of 100,000 lines names a
 * few price-list items and a few thousand sessions over and over, and each
 * answer holds for the whole import (one transaction).  Keys are
 * "kind:value" strings in an open-addressing table.
 */
struct lk_memo_entry {
	char		*key;		/* NULL: empty slot */
	int		 r;		/* the look-up's answer: 1, 0 */
	long long	 a, b;
};

struct lk_memo {
	struct store		*st;
	struct lk_memo_entry	*e;
	size_t			 cap, n;
};

static size_t
lk_hash(const char *k)
{
	size_t h = 14695981039346656037ULL & SIZE_MAX;

	for (; *k != '\0'; k++)
		h = (h ^ (unsigned char)*k) * (1099511628211ULL & SIZE_MAX);
	return h;
}

/* "c:N" into key (32 bytes), without printf: 100,000 of them. */
static const char *
lk_key(char *key, char kind, long long n)
{
	char digits[24];
	unsigned long long u = n < 0 ? -(unsigned long long)n :
	    (unsigned long long)n;
	size_t i = 0, o = 0;

	do
		digits[i++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	key[o++] = kind;
	key[o++] = ':';
	if (n < 0)
		key[o++] = '-';
	while (i > 0)
		key[o++] = digits[--i];
	key[o] = '\0';
	return key;
}

static struct lk_memo_entry *
lk_memo_slot(struct lk_memo *m, const char *key)
{
	size_t i = lk_hash(key) & (m->cap - 1);

	while (m->e[i].key != NULL && strcmp(m->e[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->e[i];
}

/* The answer remembered for key, or NULL. */
static struct lk_memo_entry *
lk_memo_get(struct lk_memo *m, const char *key)
{
	struct lk_memo_entry *e;

	if (m->cap == 0)
		return NULL;
	e = lk_memo_slot(m, key);
	return e->key != NULL ? e : NULL;
}

static void
lk_memo_put(struct lk_memo *m, const char *key, int r, long long a,
    long long b)
{
	struct lk_memo_entry *old = m->e, *e;
	size_t i, oldcap = m->cap;

	if ((m->n + 1) * 2 > m->cap) {
		m->cap = m->cap != 0 ? m->cap * 2 : 256;
		m->e = xcalloc(m->cap, sizeof *m->e);
		for (i = 0; i < oldcap; i++)
			if (old[i].key != NULL)
				*lk_memo_slot(m, old[i].key) = old[i];
		free(old);
	}
	e = lk_memo_slot(m, key);
	e->key = xstrdup(key);
	e->r = r;
	e->a = a;
	e->b = b;
	m->n++;
}

static void
lk_memo_free(struct lk_memo *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->e[i].key);
	free(m->e);
	memset(m, 0, sizeof *m);
}

static int
lk_session(void *arg, long long number, long long *sid, long long *cid)
{
	struct lk_memo *m = arg;
	struct lk_memo_entry *e;
	char key[32];
	int r;

	lk_key(key, 's', number);
	if ((e = lk_memo_get(m, key)) == NULL) {
		*sid = *cid = 0;
		if ((r = store_invoice_session(m->st, number, sid, cid)) < 0)
			return r;
		lk_memo_put(m, key, r, *sid, *cid);
		return r;
	}
	*sid = e->a;
	*cid = e->b;
	return e->r;
}

static int
lk_client(void *arg, long long number, long long *sid)
{
	struct lk_memo *m = arg;
	struct lk_memo_entry *e;
	char key[32];
	int r;

	lk_key(key, 'c', number);
	if ((e = lk_memo_get(m, key)) == NULL) {
		*sid = 0;
		if ((r = store_invoice_client(m->st, number, sid)) < 0)
			return r;
		lk_memo_put(m, key, r, *sid, 0);
		return r;
	}
	*sid = e->a;
	return e->r;
}

static int
lk_student(void *arg, const char *student, long long *cid, long long *sid)
{
	struct lk_memo *m = arg;

	return store_invoice_student(m->st, student, cid, sid);
}

static int
lk_item(void *arg, const char *code, long long *id, long long *price)
{
	struct lk_memo *m = arg;
	struct lk_memo_entry *e;
	const char *kind;
	char buf[64], *key = buf;
	size_t len = strlen(code);
	int r;

	if (len + 3 > sizeof buf)
		key = xmalloc(len + 3);
	key[0] = 'i';
	key[1] = ':';
	memcpy(key + 2, code, len + 1);

	if ((e = lk_memo_get(m, key)) == NULL) {
		*id = *price = 0;
		r = store_pricelist_item_find(m->st, code, id, &kind, price);
		if (r >= 0)
			lk_memo_put(m, key, r, *id, *price);
	} else {
		*id = e->a;
		*price = e->b;
		r = e->r;
	}
	if (key != buf)
		free(key);
	return r;
}

static int
lk_image(void *arg, long long sid, const char *name, long long *id)
{
	struct lk_memo *m = arg;

	return store_invoice_image(m->st, sid, name, id);
}

static int
lk_exists(void *arg, const char *number)
{
	struct lk_memo *m = arg;

	return store_invoice_exists(m->st, number);
}

/* The look-ups answered by the store, through memo m (whose st is set). */
static void
invoice_lookup_memo(struct lk_memo *m, struct inv_lookup *lk)
{
	lk->arg = m;
	lk->session = lk_session;
	lk->client = lk_client;
	lk->student = lk_student;
	lk->item = lk_item;
	lk->image = lk_image;
	lk->invoice_exists = lk_exists;
}

/*
 * Inside the transaction that wrote invoice (row id): when a line is an
 * item that grants a delivery, queue the session's delivery job for the
 * worker (setting delivery.on_invoice: "build", the default, "publish",
 * or "off"), unless the same job is already waiting.  The job is the one
 * `delivery build --zip --queue` makes, without a folder (the studio's
 * deliveries/), with "publish" asking it to publish under the session's
 * token.  0 or -1 (database trouble).
 */
static int
invoice_queue_delivery(struct store *st, long long invoice)
{
	char *how, *payload, *title;
	long long number, id;
	int found, publish;

	if ((number = store_invoice_granted_session(st, invoice)) <= 0)
		return number < 0 ? -1 : 0;
	how = store_pref_get(st, "delivery.on_invoice");
	if (how != NULL && strcmp(how, "off") == 0) {
		free(how);
		return 0;
	}
	publish = how != NULL && strcmp(how, "publish") == 0;
	free(how);
	payload = xasprintf("{\"session\":%lld,\"zip\":1%s}", number,
	    publish ? ",\"publish\":1" : "");
	/* L10N: job title */
	title = publish ? xasprintf(_("publish the delivery of session %lld"),
	    number) : xasprintf(_("delivery of session %lld"), number);
	id = store_job_insert_pending(st, "delivery", title, payload, &found);
	free(title);
	free(payload);
	return id < 0 ? -1 : 0;
}

int
invoice_import_run(struct inv_import *imp, struct store *st, int commit,
    const char *source, size_t *moved, char **cause)
{
	struct inv_lookup lk;
	struct lk_memo memo = { st, NULL, 0, 0 };
	size_t i, l, nmoved = 0, n;
	int bulk = commit && inv_import_nrows(imp) > 10000, m, granting;

	if (moved != NULL)
		*moved = 0;
	if (inv_import_check(imp, cause) != 0)
		return -1;
	/* One transaction for the look-ups and the writes: the look-ups are
	 * one snapshot (and cost no lock each), and what was decided is
	 * what is written. */
	if ((commit ? store_begin(st) : store_exec(st, "BEGIN")) != 0) {
		*cause = xasprintf(_("studio database is busy: %s"),
		    store_errmsg(st));
		return -1;
	}
	invoice_lookup_memo(&memo, &lk);
	if (inv_import_reconcile(imp, &lk, cause) != 0) {
		lk_memo_free(&memo);
		store_rollback(st);
		return -1;
	}
	if (!commit) {
		lk_memo_free(&memo);
		store_rollback(st);
		return 0;
	}
	if (bulk)
		store_begin_bulk(st);
	/* Without an item that grants, no invoice can queue a delivery: a
	 * large import asks nothing per invoice then. */
	if ((granting = store_pricelist_grants_any(st)) < 0)
		goto dberr;
	n = inv_import_ninvoices(imp);
	for (i = 0; i < n; i++) {
		const struct inv_invoice *in = inv_import_invoice(imp, i);
		long long id;

		if (in->action != INV_NEW)
			continue;
		if (store_invoice_insert(st, in->number, in->client_id,
		    in->session_id, in->date, in->total_cents, in->paid_cents,
		    source, &id) != 0)
			goto dberr;
		for (l = in->first; l != SIZE_MAX;
		    l = inv_import_line(imp, l)->next) {
			const struct inv_line *ln = inv_import_line(imp, l);

			if (store_invoice_line_insert(st, id, ln->item_id,
			    ln->item_code, ln->description, ln->quantity,
			    ln->unit_cents, ln->amount_cents,
			    ln->image_id) != 0)
				goto dberr;
		}
		if (in->session_id > 0) {
			char key[32];

			/* A session seen before in this import is Ordered
			 * or further along now: its history only. */
			lk_key(key, 'o', in->session_id);
			if (lk_memo_get(&memo, key) != NULL) {
				if (store_invoice_session_note(st,
				    in->session_id, in->number) != 0)
					goto dberr;
				continue;
			}
			if (store_invoice_session_ordered(st, in->session_id,
			    in->number, &m) != 0 || (granting &&
			    invoice_queue_delivery(st, id) != 0))
				goto dberr;
			lk_memo_put(&memo, key, 1, 0, 0);
			nmoved += (size_t)m;
		}
	}
	if (store_commit(st) != 0)
		goto dberr;
	if (bulk)
		store_end_bulk(st);
	lk_memo_free(&memo);
	if (moved != NULL)
		*moved = nmoved;
	return 0;
dberr:
	*cause = xasprintf(_("cannot write the invoices: %s"),
	    store_errmsg(st));
	lk_memo_free(&memo);
	store_rollback(st);
	if (bulk)
		store_end_bulk(st);
	return -1;
}

int
invoice_fetch_open(struct store *st, const char *url, const char *cacert,
    const char *tmpl, struct inv_import **out, char **cause)
{
	char *user, *password = NULL, *data = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	if (secrets_get(st, "invoices.password", &password, cause) != 0)
		return -1;
	user = store_pref_get(st, "invoices.user");
	rc = fetch_url(url, cacert, user != NULL && *user != '\0' ? user :
	    NULL, password, &data, &len, cause);
	free(user);
	secrets_free(password);
	if (rc != 0)
		return -1;
	rc = inv_import_open(url, data, len, out, cause);
	free(data);
	if (rc == 0 && tmpl != NULL && invoice_template_apply(st, *out, tmpl,
	    cause) < 0) {
		inv_import_free(*out);
		*out = NULL;
		rc = -1;
	}
	return rc;
}

long long
invoice_every_seconds(const char *every)
{
	char *end;
	long long n;

	if (every == NULL || *every < '0' || *every > '9')
		return -1;
	n = strtoll(every, &end, 10);
	if (n <= 0 || n > 1000000)
		return -1;
	if (*end == '\0' || strcmp(end, "m") == 0)
		return n * 60;
	if (strcmp(end, "s") == 0)
		return n;
	if (strcmp(end, "h") == 0)
		return n * 3600;
	return -1;
}

int
invoice_poll_due(struct store *st, long long now, char **url)
{
	char *u = NULL, *every = NULL, *last = NULL, stamp[32];
	long long secs;
	int due = 0;

	*url = NULL;
	if (store_begin(st) != 0)
		return -1;
	u = store_pref_get(st, "invoices.url");
	every = store_pref_get(st, "invoices.every");
	last = store_pref_get(st, "invoices.last_poll");
	secs = invoice_every_seconds(every);
	if (u != NULL && *u != '\0' && secs > 0 &&
	    (last == NULL || now - strtoll(last, NULL, 10) >= secs)) {
		snprintf(stamp, sizeof stamp, "%lld", now);
		if (store_pref_set(st, "invoices.last_poll", stamp) != 0) {
			store_rollback(st);
			free(u);
			free(every);
			free(last);
			return -1;
		}
		due = 1;
	}
	if (store_commit(st) != 0) {
		store_rollback(st);
		due = -1;
	}
	if (due == 1)
		*url = u;
	else
		free(u);
	free(every);
	free(last);
	return due;
}

int
invoice_template_apply(struct store *st, struct inv_import *imp,
    const char *name, char **cause)
{
	char *map, *p, *line, *junk = NULL;
	enum inv_field f;
	int r;

	if ((r = store_invoice_map_get(st, name, &map)) <= 0) {
		if (r < 0)
			*cause = xasprintf(_("cannot read template %s: %s"),
			    name, store_errmsg(st));
		return r;
	}
	for (p = map; (line = strsep(&p, "\n")) != NULL;) {
		char *eq = strrchr(line, '=');

		if (eq == NULL || inv_field_parse(eq + 1, &f) != 0)
			continue;
		*eq = '\0';
		/* A column this file lacks is no error: shops add some. */
		if (inv_import_map_column(imp, line, f, &junk) != 0) {
			free(junk);
			junk = NULL;
		}
	}
	free(map);
	return 1;
}

int
invoice_template_save(struct store *st, const struct inv_import *imp,
    const char *name, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	size_t col;
	int rc;

	for (col = 0; col < inv_import_ncols(imp); col++) {
		const char *h = inv_import_header(imp, col);

		if (strchr(h, '\n') != NULL || strchr(h, '=') != NULL)
			continue;
		strbuf_addf(&sb, "%s=%s\n", h,
		    inv_field_name(inv_import_get_map(imp, col)));
	}
	rc = store_invoice_map_put(st, name, strbuf_str(&sb));
	strbuf_free(&sb);
	if (rc != 0)
		*cause = xasprintf(_("cannot save template %s: %s"), name,
		    store_errmsg(st));
	return rc;
}

void
invoice_spec_clear(struct invoice_spec *sp)
{
	free(sp->item);
	free(sp->image);
	memset(sp, 0, sizeof *sp);
}

int
invoice_spec_parse(struct store *st, const char *text,
    struct invoice_spec *sp, char **cause)
{
	const char *at = strchr(text, '@'), *x, *kind;
	size_t len = at != NULL ? (size_t)(at - text) : strlen(text);
	char *code = xstrndup(text, len), *end;
	long long id, price;

	memset(sp, 0, sizeof sp[0]);
	sp->quantity = 1;
	if (at != NULL && at[1] == '\0') {
		*cause = xasprintf(_("'%s': an image after @"), text);
		goto bad;
	}
	/* "8x10" may be a code itself; else a trailing xQTY. */
	if (store_pricelist_item_find(st, code, &id, &kind, &price) != 1 &&
	    (x = strrchr(code, 'x')) != NULL && x > code && x[1] != '\0') {
		long long q = strtoll(x + 1, &end, 10);

		if (*end != '\0' || q < 1 || q > 100000) {
			*cause = xasprintf(_("'%s': the quantity after x must "
			    "be a whole number from 1 to 100000"), text);
			goto bad;
		}
		sp->quantity = q;
		code[x - code] = '\0';
	}
	if (*code == '\0') {
		*cause = xasprintf(_("'%s' names no item"), text);
		goto bad;
	}
	sp->item = code;
	sp->image = at != NULL ? xstrdup(at + 1) : NULL;
	return 0;
bad:
	free(code);
	return -1;
}

int
invoice_add(struct store *st, long long session_number,
    const struct invoice_spec *sp, size_t n, char **number,
    long long *total_cents, char **cause)
{
	long long sid, cid, id, total = 0, *items, *prices, *images;
	char date[16], *num = NULL;
	const char *kind;
	struct tm tm;
	time_t now = time(NULL);
	size_t i;
	int r, moved;

	*number = NULL;
	if ((r = store_invoice_session(st, session_number, &sid, &cid)) != 1) {
		*cause = r == 0 ? xasprintf(_("no session %lld"),
		    session_number) : xasprintf(_("cannot read session %lld: "
		    "%s"), session_number, store_errmsg(st));
		return -1;
	}
	items = xcalloc(n + 1, sizeof *items);
	prices = xcalloc(n + 1, sizeof *prices);
	images = xcalloc(n + 1, sizeof *images);
	for (i = 0; i < n; i++) {
		if ((r = store_pricelist_item_find(st, sp[i].item, &items[i],
		    &kind, &prices[i])) != 1) {
			*cause = r == 0 ? xasprintf(_("unknown item code %s"),
			    sp[i].item) : xasprintf("%s", store_errmsg(st));
			goto fail;
		}
		if (sp[i].image != NULL)
			r = store_invoice_image(st, sid, sp[i].image,
			    &images[i]);
		else if (strcmp(kind, "print") == 0)
			r = store_invoice_pose(st, sid, &images[i]);
		else
			r = 1;
		if (r != 1) {
			*cause = r < 0 ? xasprintf("%s", store_errmsg(st)) :
			    sp[i].image != NULL ? xasprintf(_("no image %s in "
			    "session %lld"), sp[i].image, session_number) :
			    xasprintf(_("print %s needs an image and session "
			    "%lld has none"), sp[i].item, session_number);
			goto fail;
		}
		total += prices[i] * sp[i].quantity;
	}
	localtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	if (store_begin(st) != 0) {
		*cause = xasprintf(_("studio database is busy: %s"),
		    store_errmsg(st));
		goto fail;
	}
	if ((num = store_invoice_next_number(st)) == NULL ||
	    store_invoice_insert(st, num, cid, sid, date, total, 0, "manual",
	    &id) != 0)
		goto dberr;
	for (i = 0; i < n; i++)
		if (store_invoice_line_insert(st, id, items[i], sp[i].item,
		    NULL, sp[i].quantity, prices[i], prices[i] *
		    sp[i].quantity, images[i]) != 0)
			goto dberr;
	if (store_invoice_session_ordered(st, sid, num, &moved) != 0 ||
	    invoice_queue_delivery(st, id) != 0 || store_commit(st) != 0)
		goto dberr;
	*number = num;
	*total_cents = total;
	free(items);
	free(prices);
	free(images);
	return 0;
dberr:
	*cause = xasprintf(_("cannot write the invoice: %s"),
	    store_errmsg(st));
	store_rollback(st);
fail:
	free(num);
	free(items);
	free(prices);
	free(images);
	return -1;
}
