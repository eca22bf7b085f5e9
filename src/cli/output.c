/* cli/output: CSV, TSV, JSON and aligned text tables. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/output.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct table {
	FILE		 *f;
	enum out_format	  fmt;
	char		**cols;
	enum out_type	 *types;
	int		  ncols;
	long		  nrows;
	char		**cells;	/* OUT_TEXT: buffered rows */
	size_t		  ncells, capcells;
};

int
out_parse_format(const char *name, enum out_format *fmt)
{
	if (strcmp(name, "csv") == 0)
		*fmt = OUT_CSV;
	else if (strcmp(name, "tsv") == 0)
		*fmt = OUT_TSV;
	else if (strcmp(name, "json") == 0)
		*fmt = OUT_JSON;
	else if (strcmp(name, "text") == 0)
		*fmt = OUT_TEXT;
	else
		return -1;
	return 0;
}

void
out_csv_field(FILE *f, const char *v)
{
	const char *p;

	if (v == NULL)
		return;
	if (strpbrk(v, ",\"\r\n") == NULL && v[0] != ' ' && *v != '\0' &&
	    v[strlen(v) - 1] != ' ') {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (p = v; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	fputc('"', f);
}

static void
out_tsv_field(FILE *f, const char *v)
{
	const char *p;

	if (v == NULL)
		return;
	/* TSV has no quoting: tabs and newlines inside a value become spaces. */
	for (p = v; *p != '\0'; p++)
		fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, f);
}

/* A JSON number: an optional minus, then digits without a leading zero. */
static int
json_is_integer(const char *v)
{
	if (*v == '-')
		v++;
	if (*v < '0' || *v > '9' || (v[0] == '0' && v[1] != '\0'))
		return 0;
	while (*v >= '0' && *v <= '9')
		v++;
	return *v == '\0';
}

static void
json_value(struct strbuf *sb, enum out_type type, const char *v)
{
	if (v == NULL || (type != OUT_STR && *v == '\0'))
		strbuf_adds(sb, "null");
	else if (type == OUT_BOOL)
		strbuf_adds(sb, strcmp(v, "0") == 0 ? "false" : "true");
	else if (type == OUT_INT && json_is_integer(v))
		strbuf_adds(sb, v);
	else	/* text, or a "number" that is not one: never invalid JSON */
		strbuf_add_json(sb, v);
}

static void
out_line(struct table *t, const char *const *vals)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	switch (t->fmt) {
	case OUT_CSV:
	case OUT_TSV:
		for (i = 0; i < t->ncols; i++) {
			if (i > 0)
				fputc(t->fmt == OUT_CSV ? ',' : '\t', t->f);
			if (t->fmt == OUT_CSV)
				out_csv_field(t->f, vals[i]);
			else
				out_tsv_field(t->f, vals[i]);
		}
		fputs(t->fmt == OUT_CSV ? "\r\n" : "\n", t->f);
		break;
	case OUT_JSON:
		strbuf_adds(&sb, t->nrows == 0 ? "[\n {" : ",\n {");
		for (i = 0; i < t->ncols; i++) {
			if (i > 0)
				strbuf_adds(&sb, ", ");
			strbuf_add_json(&sb, t->cols[i]);
			strbuf_adds(&sb, ": ");
			json_value(&sb, t->types[i], vals[i]);
		}
		strbuf_addc(&sb, '}');
		fputs(strbuf_str(&sb), t->f);
		strbuf_free(&sb);
		break;
	case OUT_TEXT:
		break;
	}
}

struct table *
table_new(FILE *f, enum out_format fmt, const struct out_col *cols, int ncols)
{
	struct table *t = xcalloc(1, sizeof *t);
	int i;

	t->f = f;
	t->fmt = fmt;
	t->ncols = ncols;
	t->cols = xcalloc((size_t)ncols, sizeof *t->cols);
	t->types = xcalloc((size_t)ncols, sizeof *t->types);
	for (i = 0; i < ncols; i++) {
		t->cols[i] = xstrdup(cols[i].name);
		t->types[i] = cols[i].type;
	}
	if (fmt == OUT_CSV || fmt == OUT_TSV)
		out_line(t, (const char *const *)t->cols);
	return t;
}

void
table_row(struct table *t, const char *const *vals)
{
	int i;

	if (t->fmt != OUT_TEXT) {
		out_line(t, vals);
		t->nrows++;
		return;
	}
	if (t->ncells + (size_t)t->ncols > t->capcells) {
		t->capcells = t->capcells ? t->capcells * 2 : 256;
		while (t->capcells < t->ncells + (size_t)t->ncols)
			t->capcells *= 2;
		t->cells = xreallocarray(t->cells, t->capcells,
		    sizeof *t->cells);
	}
	for (i = 0; i < t->ncols; i++)
		t->cells[t->ncells++] = xstrdup(vals[i] ? vals[i] : "");
	t->nrows++;
}

/* Display width of a UTF-8 string (counts code points; good enough for
 * aligning text output, where wide characters are rare). */
static size_t
text_width(const char *s)
{
	size_t w = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

static void
text_flush(struct table *t)
{
	size_t *width = xcalloc((size_t)t->ncols, sizeof *width);
	size_t r, nrows = t->ncells / (size_t)t->ncols;
	int i;

	for (i = 0; i < t->ncols; i++)
		width[i] = text_width(t->cols[i]);
	for (r = 0; r < nrows; r++)
		for (i = 0; i < t->ncols; i++) {
			size_t w = text_width(t->cells[r * t->ncols + i]);

			if (w > width[i])
				width[i] = w;
		}
	for (r = 0; r <= nrows; r++) {
		for (i = 0; i < t->ncols; i++) {
			const char *v = r == 0 ? t->cols[i] :
			    t->cells[(r - 1) * t->ncols + i];

			fputs(v, t->f);
			if (i + 1 < t->ncols)
				fprintf(t->f, "%*s", (int)(width[i] -
				    text_width(v) + 2), "");
		}
		fputc('\n', t->f);
	}
	free(width);
}

void
table_end(struct table *t)
{
	size_t i;
	int c;

	if (t->fmt == OUT_JSON)
		fputs(t->nrows == 0 ? "[]\n" : "\n]\n", t->f);
	else if (t->fmt == OUT_TEXT)
		text_flush(t);
	fflush(t->f);
	for (i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	for (c = 0; c < t->ncols; c++)
		free(t->cols[c]);
	free(t->cols);
	free(t->types);
	free(t);
}
