/*
 * cli/output: tables for machine and human output.
 *
 * OUT_CSV, OUT_TSV and OUT_JSON stream each row as it comes (a 100,000-row
 * list never sits in memory); OUT_TEXT buffers the rows to align columns for
 * a person.  JSON is an array of objects keyed by column name.  A NULL value
 * is an empty field (null in JSON).  The table owns copies of what it is
 * given; table_end() writes what is left and frees it.
 */
#ifndef PICDAY_CLI_OUTPUT_H
#define PICDAY_CLI_OUTPUT_H

#include <stdio.h>

enum out_format { OUT_TEXT, OUT_CSV, OUT_TSV, OUT_JSON };

/* 0, or -1 when name is not csv, tsv, json or text. */
int		 out_parse_format(const char *name, enum out_format *);

struct table;
struct table	*table_new(FILE *, enum out_format, const char *const *cols,
		    int ncols);
void		 table_row(struct table *, const char *const *vals);
void		 table_end(struct table *);

/* Writes one CSV field (RFC 4180 quoting) to f. */
void		 out_csv_field(FILE *f, const char *v);

#endif
