/*
 * store/pricelist: price lists and their items (DESIGN §4, stage 7).
 *
 * An item belongs to one named list and is keyed there by its code.  A
 * digital item may carry a delivery grant (delivery_grants row), used by
 * digital delivery.  Invoices find an item by code in the newest list that
 * has it (store_pricelist_item_find).
 *
 * Threads: the caller's store.  Errors: -1, store_errmsg() says why.
 * Strings in a struct pricelist_item handed to a callback live until the
 * callback returns; those filled by store_pricelist_item_get are owned by
 * the caller (pricelist_item_clear).
 */
#ifndef PICDAY_STORE_PRICELIST_H
#define PICDAY_STORE_PRICELIST_H

struct store;

struct pricelist_item {
	long long	 id;
	char		*list;		/* name of its price list */
	char		*code;
	char		*name;
	char		*kind;		/* print, digital, package, other */
	long long	 price_cents;
	double		 width_in, height_in;		/* 0: none */
	int		 dpi;				/* 0: default */
	double		 sheet_width_in, sheet_height_in;	/* 0: none */
	char		*contains;	/* "810x1;57x2" or NULL */
	/* The digital grant (grant_style NULL: none). */
	char		*grant_style;	/* all|ordered|selected|non-composite|
					 * group:NAME|single */
	int		 grant_long_side;	/* 0: full size */
	int		 grant_watermark;
	int		 grant_release;
};

void	pricelist_item_clear(struct pricelist_item *);

/* The list named name: its id, made when create and missing.  1 found or
 * made, 0 not there, -1 error. */
int	store_pricelist_find(struct store *, const char *name, int create,
	    long long *id);
/* The item code of list list_id into *it (caller clears).  1, 0, -1. */
int	store_pricelist_item_get(struct store *, long long list_id,
	    const char *code, struct pricelist_item *it);
/* Inserts or updates the item of list list_id with it->code; its grant
 * follows it->grant_style.  0 or -1. */
int	store_pricelist_item_put(struct store *, long long list_id,
	    const struct pricelist_item *it);

typedef int (*pricelist_item_fn)(const struct pricelist_item *, void *arg);
/* Every item, by list name then code; fn nonzero stops.  0 or -1. */
int	store_pricelist_each(struct store *, pricelist_item_fn, void *arg);

/* The item with that code in the newest list that has it: id, kind
 * (static string), price.  1 found, 0 not, -1 error. */
int	store_pricelist_item_find(struct store *, const char *code,
	    long long *id, const char **kind, long long *price_cents);
/* The item with that row id into *it (caller clears).  1, 0, -1. */
int	store_pricelist_item_by_id(struct store *, long long id,
	    struct pricelist_item *it);
/* Deletes an item no invoice line names: 1 deleted, 0 it is on
 * invoices (kept), -1 error. */
int	store_pricelist_item_delete(struct store *, long long id);
/* Number of items in all lists, or -1. */
long long store_pricelist_count(struct store *);

#endif
