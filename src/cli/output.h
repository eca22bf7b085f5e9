/*
 * cli/output: tables for machine and human output.
 *
 * OUT_CSV, OUT_TSV and OUT_JSON stream each row as it comes (a 100,000-row
 * list never sits in memory); OUT_TEXT buffers the rows to align columns for
 * a person.  JSON is an array of objects keyed by column name.  A NULL value
 * is an empty field (null in JSON).  The table owns copies of what it is
 * given; table_end() writes what is left and frees it.
 *
 * Each column has a type so that JSON can say what the value is: OUT_INT
 * values are written as JSON numbers, OUT_BOOL values ("0" / "1") as false /
 * true, OUT_STR values as strings (a student ID "0042" or a phone number is
 * text).  An empty OUT_INT or OUT_BOOL value is null.  CSV is RFC 4180: a
 * header row, fields with a comma, quote, CR or LF quoted with the quotes
 * doubled, lines ending in CRLF.  TSV has LF line ends and no quoting (tabs
 * and newlines in a value become spaces): the shape for cut and awk.
 */
#ifndef PICDAY_CLI_OUTPUT_H
#define PICDAY_CLI_OUTPUT_H

#include <stdio.h>

enum out_format { OUT_TEXT, OUT_CSV, OUT_TSV, OUT_JSON };

/* 0, or -1 when name is not csv, tsv, json or text. */
int		 out_parse_format(const char *name, enum out_format *);

enum out_type { OUT_STR, OUT_INT, OUT_BOOL };

struct out_col {
	const char	*name;
	enum out_type	 type;
};

struct table;
struct table	*table_new(FILE *, enum out_format, const struct out_col *cols,
		    int ncols);
void		 table_row(struct table *, const char *const *vals);
void		 table_end(struct table *);

/* Writes one CSV field (RFC 4180 quoting) to f. */
void		 out_csv_field(FILE *f, const char *v);

#endif
