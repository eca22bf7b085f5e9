/* core/production: production orders from invoices (see production.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/production.h"
#include "store/db.h"
#include "store/invoice.h"
#include "store/pricelist.h"
#include "store/production.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define LAB_NAME_MAX	31

static void
lab_safe(struct strbuf *b, const char *s, size_t max)
{
	size_t n = 0;

	/* Latin-1 letters (U+00C0-U+00FF) as their base letter: "Núñez"
	 * gives "Nunez"; other characters become '_'. */
	static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOO_OUUUUYTs"
	    "aaaaaaaceeeeiiiidnooooo_ouuuuyty";

	for (; s != NULL && *s != '\0' && n < max; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xc3 && (unsigned char)s[1] >= 0x80 &&
		    (unsigned char)s[1] <= 0xbf) {
			c = (unsigned char)latin1[(unsigned char)s[1] - 0x80];
			s++;
		} else if (c >= 0x80) {
			/* Skips the rest of the character. */
			while ((((unsigned char)s[1]) & 0xc0) == 0x80)
				s++;
			c = '_';
		}

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9')) {
			strbuf_addc(b, (char)c);
			n++;
		} else if (n > 0 && b->s[b->len - 1] != '_') {
			strbuf_addc(b, '_');
			n++;
		}
	}
	while (b->len > 0 && b->s[b->len - 1] == '_')
		b->s[--b->len] = '\0';
}

char *
production_file_name(long long order, int seq, const char *code,
    const char *last_name)
{
	struct strbuf b = STRBUF_INIT;
	size_t room;

	strbuf_addf(&b, "%lld-%02d-", order, seq);
	lab_safe(&b, code, 8);
	room = LAB_NAME_MAX - 4;		/* ".jpg" */
	if (last_name != NULL && b.len + 2 < room) {
		size_t at = b.len;

		strbuf_addc(&b, '-');
		lab_safe(&b, last_name, room - b.len);
		if (b.len == at + 1)
			b.s[--b.len] = '\0';
	}
	if (b.len > room) {
		b.s[room] = '\0';
		b.len = room;
	}
	strbuf_add(&b, ".jpg", 4);
	return strbuf_take(&b);
}

struct pc_print {
	long long	 line_id, image_id, item_id, quantity;
	char		*code;
};

struct pc_ctx {
	struct store	*st;
	struct pc_print	*v;
	size_t		 n;
	long long	 session_id;
	char		*why;		/* a line that cannot be printed */
};

static void
pc_add(struct pc_ctx *c, long long line, long long image, long long item,
    long long qty, const char *code)
{
	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	c->v[c->n].line_id = line;
	c->v[c->n].image_id = image;
	c->v[c->n].item_id = item;
	c->v[c->n].quantity = qty;
	c->v[c->n].code = xstrdup(code);
	c->n++;
}

static int
pc_line(const struct production_line *l, void *arg)
{
	struct pc_ctx *c = arg;
	long long image = l->image_id, id, price, q;
	const char *kind, *p;
	char code[64];
	int r;

	c->session_id = l->session_id;
	if (strcmp(l->kind, "print") != 0 && strcmp(l->kind, "package") != 0)
		return 0;
	if (image == 0 && l->session_id > 0 &&
	    store_invoice_pose(c->st, l->session_id, &image) < 0)
		return -1;
	if (strcmp(l->kind, "print") == 0) {
		pc_add(c, l->line_id, image, l->item_id, l->quantity, l->code);
		return 0;
	}
	/* A package: "CODExQTY;CODExQTY". */
	for (p = l->contains != NULL ? l->contains : ""; *p != '\0';) {
		const char *end = strchr(p, ';'), *x;
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);

		while (len > 0 && *p == ' ') {
			p++;
			len--;
		}
		x = NULL;
		for (size_t k = 0; k < len; k++)
			if (p[k] == 'x' || p[k] == 'X')
				x = p + k;
		if (x == NULL || (size_t)(x - p) >= sizeof code) {
			c->why = xasprintf(_("package %s: bad contents '%s'"),
			    l->code, l->contains);
			return 1;
		}
		memcpy(code, p, (size_t)(x - p));
		code[x - p] = '\0';
		q = strtoll(x + 1, NULL, 10);
		if (q <= 0)
			q = 1;
		if ((r = store_pricelist_item_find(c->st, code, &id, &kind,
		    &price)) < 0)
			return -1;
		if (r == 0) {
			c->why = xasprintf(_("package %s: no item %s"),
			    l->code, code);
			return 1;
		}
		if (strcmp(kind, "print") == 0)
			pc_add(c, l->line_id, image, id, q * l->quantity, code);
		p = end != NULL ? end + 1 : p + len;
	}
	return 0;
}

static void
pc_free(struct pc_ctx *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].code);
	free(c->v);
	free(c->why);
}

struct last_ctx {
	char	*last;
};

static int
last_of(const struct invoice_row *r, void *arg)
{
	struct last_ctx *l = arg;
	const char *comma;

	if (r->client != NULL) {
		comma = strchr(r->client, ',');
		l->last = comma != NULL ? xstrndup(r->client,
		    (size_t)(comma - r->client)) : xstrdup(r->client);
	}
	return 1;
}

/* One invoice: 1 order made, 0 skipped (noted), -1 store error. */
static int
pc_invoice(struct store *st, long long invoice_id, const char *number,
    production_note_fn note, void *arg, char **cause)
{
	struct pc_ctx c = { st, NULL, 0, 0, NULL };
	struct last_ctx lc = { NULL };
	long long order;
	size_t i;
	int moved, rc = -1;
	char *msg, *file;

	if (store_begin(st) != 0)
		goto err;
	if (store_production_lines(st, invoice_id, pc_line, &c) != 0)
		goto err;
	if (c.why != NULL || c.n == 0) {
		msg = c.why != NULL ? xasprintf(_("invoice %s: %s"), number,
		    c.why) : xasprintf(_("invoice %s: nothing to print"),
		    number);
		note(msg, arg);
		free(msg);
		store_rollback(st);
		pc_free(&c);
		return 0;
	}
	(void)store_invoice_get(st, number, last_of, &lc);
	if (store_production_order_insert(st, invoice_id, &order) != 0)
		goto err;
	for (i = 0; i < c.n; i++) {
		file = production_file_name(order, (int)i + 1, c.v[i].code,
		    lc.last);
		rc = store_production_item_insert(st, order, c.v[i].line_id,
		    c.v[i].image_id, c.v[i].item_id, c.v[i].quantity, file);
		free(file);
		if (rc != 0) {
			rc = -1;
			goto err;
		}
	}
	if (c.session_id > 0 && store_production_session_move(st,
	    c.session_id, "In Production", number, &moved) != 0)
		goto err;
	if (store_commit(st) != 0)
		goto err;
	free(lc.last);
	pc_free(&c);
	return 1;
err:
	*cause = xasprintf(_("invoice %s: %s"), number, store_errmsg(st));
	store_rollback(st);
	free(lc.last);
	pc_free(&c);
	return -1;
}

int
production_create(struct store *st, const char *const *numbers, size_t n,
    production_note_fn note, void *arg, size_t *orders, char **cause)
{
	long long *ids = NULL, id;
	size_t nids = 0, i;
	int r, ordered;
	char *msg;

	*orders = 0;
	if (n == 0) {
		if (store_production_unordered(st, &ids, &nids) != 0) {
			*cause = xstrdup(store_errmsg(st));
			return -1;
		}
		for (i = 0; i < nids; i++) {
			char *num = store_production_invoice_number(st,
			    ids[i]);

			r = pc_invoice(st, ids[i], num != NULL ? num : "?",
			    note, arg, cause);
			free(num);
			if (r < 0) {
				free(ids);
				return -1;
			}
			*orders += (size_t)r;
		}
		free(ids);
		return 0;
	}
	for (i = 0; i < n; i++) {
		if ((r = store_production_invoice(st, numbers[i], &id,
		    &ordered)) < 0) {
			*cause = xstrdup(store_errmsg(st));
			return -1;
		}
		if (r == 0 || ordered) {
			msg = r == 0 ? xasprintf(_("no invoice %s"),
			    numbers[i]) : xasprintf(_("invoice %s is already "
			    "in production"), numbers[i]);
			note(msg, arg);
			free(msg);
			continue;
		}
		if ((r = pc_invoice(st, id, numbers[i], note, arg, cause)) < 0)
			return -1;
		*orders += (size_t)r;
	}
	return 0;
}

int
production_ship(struct store *st, long long order, int *complete,
    char **cause)
{
	long long sid, open;
	char note[32];
	int r;

	*complete = 0;
	if (store_begin(st) != 0)
		goto err;
	if ((r = store_production_session_open(st, order, &sid, &open)) <= 0) {
		if (r < 0)
			goto err;
		store_rollback(st);
		return 0;
	}
	if (store_production_order_state(st, order, "shipped") != 0 ||
	    store_production_session_open(st, order, &sid, &open) < 0)
		goto err;
	snprintf(note, sizeof note, "shipped %lld", order);
	if (sid > 0 && open == 0 && store_production_session_move(st, sid,
	    "Complete", note, complete) != 0)
		goto err;
	if (store_commit(st) != 0)
		goto err;
	return 1;
err:
	*cause = xstrdup(store_errmsg(st));
	store_rollback(st);
	return -1;
}
