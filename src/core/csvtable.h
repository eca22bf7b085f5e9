/*
 * core/csvtable: a CSV file as a table of cells, for the imports (rosters,
 * price lists, invoices).
 *
 * csvtable_open*() refuses what is not UTF-8 text (UTF-16, Latin-1,
 * binary junk: one sentence naming the first bad line), drops a BOM,
 * detects the delimiter (comma, semicolon, tab; core/csvsniff), and parses
 * quoted fields with libcsv, remembering the physical line each record
 * starts on (the header is line 1).  Blank lines are not records.  A file
 * with no header line is refused ("the file is empty"), and so is a quote
 * that is never closed (naming the line of the row it opens in): else the
 * rest of the file would become one cell.
 *
 * Cells are kept as parsed (quotes removed); "" past the end of a short
 * row.  csvtable_squeeze() gives the form header texts are compared in.
 *
 * Ownership: the table owns every string it returns; they live until
 * csvtable_free().  One thread at a time.  Errors: -1 with *cause (caller
 * frees).
 */
#ifndef PICDAY_CORE_CSVTABLE_H
#define PICDAY_CORE_CSVTABLE_H

#include <stddef.h>

struct csvtable;

/* Reads path, opened read-only.  what names the kind of file in messages
 * ("a price list needs a header line"). */
int		 csvtable_open(const char *path, const char *what,
		    struct csvtable **, char **cause);
/* The same from memory; name is used in messages. */
int		 csvtable_open_buffer(const char *name, const char *what,
		    const char *data, size_t len, struct csvtable **,
		    char **cause);
void		 csvtable_free(struct csvtable *);

const char	*csvtable_name(const struct csvtable *);
char		 csvtable_delimiter(const struct csvtable *);	/* , ; \t */
int		 csvtable_had_bom(const struct csvtable *);
size_t		 csvtable_ncols(const struct csvtable *);
const char	*csvtable_header(const struct csvtable *, size_t col);
/* Data records, the header excluded. */
size_t		 csvtable_nrows(const struct csvtable *);
long		 csvtable_line(const struct csvtable *, size_t row);
const char	*csvtable_cell(const struct csvtable *, size_t row,
		    size_t col);
/* True when every cell of the row is empty or white space. */
int		 csvtable_row_blank(const struct csvtable *, size_t row);
/* A copy of a cell with control characters and runs of white space made
 * one space, trimmed; owned by the table. */
const char	*csvtable_clean(struct csvtable *, size_t row, size_t col);

/* Lower-case ASCII letters, digits and '#' of s, nothing else, into out. */
void		 csvtable_squeeze(const char *s, char *out, size_t size);

#endif
