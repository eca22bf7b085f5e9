/* core/pricelist: reading, checking and importing a price list CSV. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/csvtable.h"
#include "core/money.h"
#include "core/pricelist.h"
#include "store/db.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum pl_col {
	PL_CODE, PL_NAME, PL_KIND, PL_PRICE, PL_WIDTH, PL_HEIGHT, PL_DPI,
	PL_SHEET_W, PL_SHEET_H, PL_CONTAINS, PL_GRANT, PL_LONG_SIDE,
	PL_WATERMARK, PL_RELEASE, PL_NCOLS
};

/* Header texts, squeezed (core/csvtable). */
static const struct {
	const char	*name;
	enum pl_col	 col;
} pl_headers[] = {
	{ "code", PL_CODE }, { "itemcode", PL_CODE }, { "sku", PL_CODE },
	{ "name", PL_NAME }, { "itemname", PL_NAME },
	{ "description", PL_NAME },
	{ "kind", PL_KIND }, { "type", PL_KIND },
	{ "price", PL_PRICE }, { "unitprice", PL_PRICE },
	{ "widthin", PL_WIDTH }, { "width", PL_WIDTH },
	{ "heightin", PL_HEIGHT }, { "height", PL_HEIGHT },
	{ "dpi", PL_DPI },
	{ "sheetwidthin", PL_SHEET_W }, { "sheetwidth", PL_SHEET_W },
	{ "sheetheightin", PL_SHEET_H }, { "sheetheight", PL_SHEET_H },
	{ "contains", PL_CONTAINS }, { "items", PL_CONTAINS },
	{ "grant", PL_GRANT }, { "grantstyle", PL_GRANT },
	{ "longside", PL_LONG_SIDE }, { "grantlongside", PL_LONG_SIDE },
	{ "watermark", PL_WATERMARK },
	{ "release", PL_RELEASE }, { "copyrightrelease", PL_RELEASE },
};

static const char *const pl_action_names[PRICELIST_NACTIONS] = {
	"new", "updated", "unchanged", "rejected"
};

const char *
pricelist_action_name(enum pricelist_action a)
{
	return pl_action_names[a];
}

char *
pricelist_default_name(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		return xstrdup(*base != '\0' ? base : "Price list");
	return xstrndup(base, (size_t)(dot - base));
}

/* A size in inches: "8", "10.5"; 0 if empty; -1 if not a size. */
static double
pl_inches(const char *s)
{
	char *end;
	double v;

	if (*s == '\0')
		return 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || !isfinite(v) || v <= 0 || v > 1000)
		return -1;
	return v;
}

/* A whole number 1..max; 0 if empty; -1 if not. */
static long
pl_whole(const char *s, long max)
{
	char *end;
	long v;

	if (*s == '\0')
		return 0;
	v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || v < 1 || v > max)
		return -1;
	return v;
}

/* yes/no: 1, 0; -1 if neither.  Empty is no. */
static int
pl_flag(const char *s)
{
	static const char *const yes[] = { "yes", "y", "1", "true", "x" };
	static const char *const no[] = { "", "no", "n", "0", "false" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	return -1;
}

/*
 * Checks a contains list "810x1;57x2" and writes it normalised into *out
 * (caller frees); the codes are checked by pl_check_contains.  NULL and
 * a reason (static) on error.
 */
static const char *
pl_contains_parse(const char *s, char **out)
{
	char *copy = xstrdup(s), *p = copy, *tok;
	size_t cap = strlen(s) + 1, n = 0;
	char *res = xmalloc(cap + 32);

	*out = NULL;
	while ((tok = strsep(&p, ";")) != NULL) {
		char *x, *end;
		long q;

		while (*tok == ' ')
			tok++;
		if (*tok == '\0')
			continue;
		x = strrchr(tok, 'x');
		if (x == NULL)
			x = strrchr(tok, 'X');
		if (x == NULL || x == tok)
			goto bad;
		q = strtol(x + 1, &end, 10);
		while (*end == ' ')
			end++;
		if (end == x + 1 || *end != '\0' || q < 1 || q > 1000)
			goto bad;
		*x = '\0';
		while (x > tok && x[-1] == ' ')
			*--x = '\0';
		n += (size_t)snprintf(res + n, cap + 32 - n, "%s%sx%ld",
		    n > 0 ? ";" : "", tok, q);
		if (n >= cap + 16) {
			cap *= 2;
			res = xreallocarray(res, cap + 32, 1);
		}
	}
	free(copy);
	if (n == 0) {
		free(res);
		return N_("a package needs its items in contains "
		    "(e.g. \"810x1;57x2\")");
	}
	*out = res;
	return NULL;
bad:
	free(copy);
	free(res);
	return N_("contains must list CODExQTY separated by ';' "
	    "(e.g. \"810x1;57x2\")");
}

static void
pl_reject(struct pricelist_row *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
pl_reject(struct pricelist_row *r, const char *fmt, ...)
{
	va_list ap;

	free(r->reason);
	va_start(ap, fmt);
	r->reason = xvasprintf(fmt, ap);
	va_end(ap);
	r->action = PRICELIST_REJECTED;
}

/* Reads one row into r; rejects it with a reason when it is bad. */
static void
pl_row(struct csvtable *t, size_t row, const long *colof,
    struct pricelist_row *r)
{
	struct pricelist_item *it = &r->item;
	const char *v[PL_NCOLS], *why;
	double w, h, sw, sh;
	long dpi, ls;
	int i, f;

	for (i = 0; i < PL_NCOLS; i++)
		v[i] = colof[i] >= 0 ? csvtable_clean(t, row, (size_t)colof[i]) :
		    "";
	r->line = csvtable_line(t, row);
	it->code = xstrdup(v[PL_CODE]);
	if (*v[PL_CODE] == '\0') {
		pl_reject(r, "%s", _("no item code"));
		return;
	}
	if (*v[PL_NAME] == '\0') {
		pl_reject(r, _("item %s has no name"), it->code);
		return;
	}
	it->name = xstrdup(v[PL_NAME]);
	if (strcasecmp(v[PL_KIND], "print") != 0 &&
	    strcasecmp(v[PL_KIND], "digital") != 0 &&
	    strcasecmp(v[PL_KIND], "package") != 0 &&
	    strcasecmp(v[PL_KIND], "other") != 0) {
		pl_reject(r, _("kind '%s' is not print, digital, package or "
		    "other"), v[PL_KIND]);
		return;
	}
	it->kind = xstrdup(v[PL_KIND]);
	for (i = 0; it->kind[i] != '\0'; i++)
		if (it->kind[i] >= 'A' && it->kind[i] <= 'Z')
			it->kind[i] = (char)(it->kind[i] - 'A' + 'a');
	if (money_parse(v[PL_PRICE], &it->price_cents) != 0 ||
	    it->price_cents < 0) {
		pl_reject(r, _("price '%s' is not an amount (like 12.50 or "
		    "$1,234.50)"), v[PL_PRICE]);
		return;
	}
	w = pl_inches(v[PL_WIDTH]);
	h = pl_inches(v[PL_HEIGHT]);
	sw = pl_inches(v[PL_SHEET_W]);
	sh = pl_inches(v[PL_SHEET_H]);
	if (w < 0 || h < 0 || sw < 0 || sh < 0) {
		pl_reject(r, "%s", _("a size must be inches greater than 0 "
		    "(like 8 or 2.5)"));
		return;
	}
	if ((w > 0) != (h > 0) || (sw > 0) != (sh > 0)) {
		pl_reject(r, "%s", _("a size needs both width and height"));
		return;
	}
	if (strcmp(it->kind, "print") == 0 && w == 0) {
		pl_reject(r, _("print %s needs width_in and height_in"),
		    it->code);
		return;
	}
	if (sw > 0 && w == 0) {
		pl_reject(r, "%s", _("a sheet size needs the print size too"));
		return;
	}
	if (sw > 0 && !((w <= sw && h <= sh) || (w <= sh && h <= sw))) {
		pl_reject(r, "%s", _("the print does not fit on its sheet"));
		return;
	}
	it->width_in = w;
	it->height_in = h;
	it->sheet_width_in = sw;
	it->sheet_height_in = sh;
	if ((dpi = pl_whole(v[PL_DPI], 4800)) < 0) {
		pl_reject(r, _("dpi '%s' is not a whole number 1-4800"),
		    v[PL_DPI]);
		return;
	}
	it->dpi = (int)dpi;
	if (strcmp(it->kind, "package") == 0) {
		if ((why = pl_contains_parse(v[PL_CONTAINS],
		    &it->contains)) != NULL) {
			pl_reject(r, "%s", _(why));
			return;
		}
	} else if (*v[PL_CONTAINS] != '\0') {
		pl_reject(r, "%s", _("only a package has contains"));
		return;
	}
	if (*v[PL_GRANT] != '\0') {
		static const char *const styles[] = {
			"all", "ordered", "selected", "non-composite", "single"
		};
		int ok = strncmp(v[PL_GRANT], "group:", 6) == 0 &&
		    v[PL_GRANT][6] != '\0';

		for (i = 0; i < 5; i++)
			ok |= strcmp(v[PL_GRANT], styles[i]) == 0;
		if (!ok) {
			pl_reject(r, _("grant '%s' is not all, ordered, "
			    "selected, non-composite, group:NAME or single"),
			    v[PL_GRANT]);
			return;
		}
		if (strcmp(it->kind, "digital") != 0 &&
		    strcmp(it->kind, "package") != 0) {
			pl_reject(r, "%s", _("only a digital item or a package "
			    "grants downloads"));
			return;
		}
		it->grant_style = xstrdup(v[PL_GRANT]);
		if ((ls = pl_whole(v[PL_LONG_SIDE], 100000)) < 0) {
			pl_reject(r, _("long_side '%s' is not a number of "
			    "pixels"), v[PL_LONG_SIDE]);
			return;
		}
		it->grant_long_side = (int)ls;
		if ((f = pl_flag(v[PL_WATERMARK])) < 0 ||
		    (it->grant_watermark = f, f = pl_flag(v[PL_RELEASE])) < 0) {
			pl_reject(r, "%s", _("watermark and release take yes "
			    "or no"));
			return;
		}
		it->grant_release = f;
	}
}

/* A package's codes must be items: of this file (not rejected), else
 * of the list in the store (checked in pricelist_run). */
static const char *
pl_missing_code(struct pricelist_file *pf, const char *contains,
    struct store *st, long long list_id, char *buf, size_t size)
{
	const char *p = contains;

	while (p != NULL && *p != '\0') {
		const char *semi = strchr(p, ';'), *x;
		size_t n = semi != NULL ? (size_t)(semi - p) : strlen(p), i;
		int found = 0;

		for (x = p + n; x > p && x[-1] != 'x'; x--)
			;
		n = x > p ? (size_t)(x - 1 - p) : n;
		snprintf(buf, size, "%.*s", (int)n, p);
		for (i = 0; i < pf->nrows && !found; i++)
			found = pf->rows[i].action != PRICELIST_REJECTED &&
			    strcmp(pf->rows[i].item.code, buf) == 0;
		if (!found && st != NULL && list_id > 0) {
			struct pricelist_item old;

			found = store_pricelist_item_get(st, list_id, buf,
			    &old) == 1;
			pricelist_item_clear(&old);
		}
		if (!found)
			return buf;
		p = semi != NULL ? semi + 1 : NULL;
	}
	return NULL;
}

int
pricelist_read(const char *path, const char *data, size_t len,
    struct pricelist_file **out, char **cause)
{
	struct csvtable *t;
	struct pricelist_file *pf;
	long colof[PL_NCOLS];
	size_t col, i, j, k;
	int rc;

	*out = NULL;
	rc = data != NULL ? csvtable_open_buffer(path, _("a price list"), data,
	    len, &t, cause) : csvtable_open(path, _("a price list"), &t, cause);
	if (rc != 0)
		return -1;
	for (i = 0; i < PL_NCOLS; i++)
		colof[i] = -1;
	for (col = 0; col < csvtable_ncols(t); col++) {
		char key[64];

		csvtable_squeeze(csvtable_header(t, col), key, sizeof key);
		for (k = 0; k < sizeof pl_headers / sizeof pl_headers[0]; k++)
			if (strcmp(key, pl_headers[k].name) == 0 &&
			    colof[pl_headers[k].col] < 0)
				colof[pl_headers[k].col] = (long)col;
	}
	if (colof[PL_CODE] < 0 || colof[PL_NAME] < 0 || colof[PL_KIND] < 0 ||
	    colof[PL_PRICE] < 0) {
		*cause = xasprintf(_("%s: a price list needs the columns code, "
		    "name, kind and price"), csvtable_name(t));
		csvtable_free(t);
		return -1;
	}
	pf = xcalloc(1, sizeof *pf);
	pf->name = xstrdup(csvtable_name(t));
	pf->has_grant = colof[PL_GRANT] >= 0;
	pf->nrows = csvtable_nrows(t);
	pf->rows = xcalloc(pf->nrows > 0 ? pf->nrows : 1, sizeof *pf->rows);
	for (i = 0; i < pf->nrows; i++) {
		pl_row(t, i, colof, &pf->rows[i]);
		if (pf->rows[i].action == PRICELIST_REJECTED)
			continue;
		for (j = 0; j < i; j++)
			if (pf->rows[j].action != PRICELIST_REJECTED &&
			    strcmp(pf->rows[j].item.code,
			    pf->rows[i].item.code) == 0) {
				char *why = xasprintf(_("item %s is already on "
				    "line %ld"), pf->rows[i].item.code,
				    pf->rows[j].line);

				pl_reject(&pf->rows[i], "%s", why);
				free(why);
				break;
			}
	}
	csvtable_free(t);
	*out = pf;
	return 0;
}

void
pricelist_file_free(struct pricelist_file *pf)
{
	size_t i;

	if (pf == NULL)
		return;
	for (i = 0; i < pf->nrows; i++) {
		pricelist_item_clear(&pf->rows[i].item);
		free(pf->rows[i].reason);
	}
	free(pf->rows);
	free(pf->name);
	free(pf);
}

static int
pl_same_str(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static int
pl_same(const struct pricelist_item *a, const struct pricelist_item *b)
{
	return pl_same_str(a->name, b->name) && pl_same_str(a->kind, b->kind) &&
	    a->price_cents == b->price_cents &&
	    fabs(a->width_in - b->width_in) < 1e-9 &&
	    fabs(a->height_in - b->height_in) < 1e-9 && a->dpi == b->dpi &&
	    fabs(a->sheet_width_in - b->sheet_width_in) < 1e-9 &&
	    fabs(a->sheet_height_in - b->sheet_height_in) < 1e-9 &&
	    pl_same_str(a->contains, b->contains) &&
	    pl_same_str(a->grant_style, b->grant_style) &&
	    (a->grant_style == NULL ||
	    (a->grant_long_side == b->grant_long_side &&
	    a->grant_watermark == b->grant_watermark &&
	    a->grant_release == b->grant_release));
}

int
pricelist_run(struct pricelist_file *pf, struct store *st, const char *list,
    int commit, char **cause)
{
	long long list_id = 0;
	size_t i;
	int found, again = 1;

	memset(pf->count, 0, sizeof pf->count);
	if (commit && store_begin(st) != 0) {
		*cause = xasprintf(_("studio database is busy: %s"),
		    store_errmsg(st));
		return -1;
	}
	if ((found = store_pricelist_find(st, list, commit, &list_id)) < 0)
		goto dberr;
	/* Packages whose items are missing; a rejection may reveal more. */
	while (again) {
		again = 0;
		for (i = 0; i < pf->nrows; i++) {
			struct pricelist_row *r = &pf->rows[i];
			char code[256];
			const char *miss;

			if (r->action == PRICELIST_REJECTED ||
			    r->item.contains == NULL)
				continue;
			miss = pl_missing_code(pf, r->item.contains, st,
			    found ? list_id : 0, code, sizeof code);
			if (miss != NULL) {
				pl_reject(r, _("package contains %s, which is "
				    "not an item of this price list"), miss);
				again = 1;
			}
		}
	}
	for (i = 0; i < pf->nrows; i++) {
		struct pricelist_row *r = &pf->rows[i];
		struct pricelist_item old;
		int had = 0;

		if (r->action != PRICELIST_REJECTED) {
			if (found && (had = store_pricelist_item_get(st,
			    list_id, r->item.code, &old)) < 0)
				goto dberr;
			if (had && !pf->has_grant && old.grant_style != NULL &&
			    (strcmp(r->item.kind, "digital") == 0 ||
			    strcmp(r->item.kind, "package") == 0)) {
				/* No grant column: the item keeps its own. */
				free(r->item.grant_style);
				r->item.grant_style = xstrdup(old.grant_style);
				r->item.grant_long_side = old.grant_long_side;
				r->item.grant_watermark = old.grant_watermark;
				r->item.grant_release = old.grant_release;
			}
			r->action = !had ? PRICELIST_NEW :
			    pl_same(&r->item, &old) ? PRICELIST_UNCHANGED :
			    PRICELIST_UPDATED;
			if (had)
				pricelist_item_clear(&old);
			if (commit && r->action != PRICELIST_UNCHANGED &&
			    store_pricelist_item_put(st, list_id,
			    &r->item) != 0)
				goto dberr;
		}
		pf->count[r->action]++;
	}
	if (commit && store_commit(st) != 0)
		goto dberr;
	return 0;
dberr:
	*cause = xasprintf(_("cannot import the price list: %s"),
	    store_errmsg(st));
	if (commit)
		store_rollback(st);
	return -1;
}
