/*
 * core/pricelist: a price list CSV in, price list items out (DESIGN §4
 * "pricelist import").
 *
 * Headers (any order, case and punctuation ignored): code, name, kind,
 * price, and optionally width_in, height_in, dpi, sheet_width_in,
 * sheet_height_in, contains, and the digital grant of a digital item:
 * grant (all|ordered|selected|non-composite|group:NAME|single),
 * long_side, watermark, release (yes/no, 1/0, true/false).
 *
 * pricelist_read() reads and checks every row (pure: no database); each
 * row is good or rejected with its file line and reason.  pricelist_run()
 * compares the good rows with the list in the store (new, updated,
 * unchanged) and, with commit, writes them in ONE transaction.  Re-importing
 * a file changes nothing twice (key: list name + code).
 *
 * Rules: code and name non-empty; kind print|digital|package|other; price
 * as core/money reads it; a print needs width_in and height_in (inches,
 * > 0); a sheet size is both or neither, and makes the print n-up on that
 * sheet; a package lists its items in contains ("810x1;57x2;W8x1", codes of
 * this file or of the list already); a grant only on a digital item; a
 * code twice in one file rejects the later line.  A file without a grant
 * column keeps the grants the items have (a price sheet from the shop
 * does not know them); with the column, an empty cell takes it away.
 *
 * Ownership: struct pricelist_file owns its rows and their strings.
 * Errors: -1 with *cause (caller frees), nothing written.
 */
#ifndef PICDAY_CORE_PRICELIST_H
#define PICDAY_CORE_PRICELIST_H

#include <stddef.h>

#include "store/pricelist.h"

struct store;

enum pricelist_action {
	PRICELIST_NEW,
	PRICELIST_UPDATED,
	PRICELIST_UNCHANGED,
	PRICELIST_REJECTED,
	PRICELIST_NACTIONS
};
const char	*pricelist_action_name(enum pricelist_action);

struct pricelist_row {
	long			 line;
	struct pricelist_item	 item;		/* code always set */
	enum pricelist_action	 action;
	char			*reason;	/* rejected: why */
};

struct pricelist_file {
	char			*name;		/* the file's name */
	struct pricelist_row	*rows;
	size_t			 nrows;
	size_t			 count[PRICELIST_NACTIONS];
	int			 has_grant;	/* a grant column */
};

/* Reads the CSV at path (or from memory when data is not NULL). */
int	pricelist_read(const char *path, const char *data, size_t len,
	    struct pricelist_file **, char **cause);
void	pricelist_file_free(struct pricelist_file *);

/* The default list name for a file: its base name without extension. */
char	*pricelist_default_name(const char *path);

/* Compares with list `list` and writes it when commit (one transaction,
 * the list made if new). */
int	pricelist_run(struct pricelist_file *, struct store *,
	    const char *list, int commit, char **cause);

#endif
