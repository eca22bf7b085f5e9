/* core/csvtable: a UTF-8 CSV file parsed with libcsv into rows of cells. */
#include "config.h"

#include <sys/stat.h>

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csvsniff.h"
#include "core/csvtable.h"
#include "util/arena.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* libcsv's parser states between records and inside a field
 * (ROW_NOT_BEGUN, FIELD_BEGUN in libcsv.c). */
#define LIBCSV_ROW_NOT_BEGUN	0
#define LIBCSV_FIELD_BEGUN	2

struct csvtable_row {
	long	line;
	size_t	first;		/* index of its first cell in cells[] */
	size_t	ncells;
};

struct csvtable {
	char			 *name;
	char			  delim;
	int			  bom;
	struct arena		 *arena;
	const char		**cells;
	size_t			  ncells, capcells;
	struct csvtable_row	 *rows;		/* rows[0] is the header */
	size_t			  nrows, caprows;
	long			  rec_line;
	size_t			  rec_first;
};

static void
csvtable_cb_field(void *s, size_t len, void *data)
{
	struct csvtable *t = data;

	if (t->ncells == t->capcells) {
		t->capcells = t->capcells ? t->capcells * 2 : 1024;
		t->cells = xreallocarray(t->cells, t->capcells,
		    sizeof *t->cells);
	}
	t->cells[t->ncells++] = arena_add(&t->arena, s != NULL ? s : "", len);
}

static void
csvtable_cb_record(int c, void *data)
{
	struct csvtable *t = data;

	(void)c;
	if (t->nrows == t->caprows) {
		t->caprows = t->caprows ? t->caprows * 2 : 256;
		t->rows = xreallocarray(t->rows, t->caprows, sizeof *t->rows);
	}
	t->rows[t->nrows].line = t->rec_line;
	t->rows[t->nrows].first = t->rec_first;
	t->rows[t->nrows].ncells = t->ncells - t->rec_first;
	t->nrows++;
	t->rec_first = t->ncells;
}

static int
csvtable_is_space(unsigned char c)
{
	return c == ' ';	/* a tab may be the delimiter */
}

/* Length of the physical line at s with its end (LF, CRLF or a lone CR). */
static size_t
csvtable_line_len(const char *s, size_t len)
{
	const char *nl = memchr(s, '\n', len), *cr = memchr(s, '\r',
	    nl != NULL ? (size_t)(nl - s) : len);

	if (cr != NULL)
		return (size_t)(cr - s) + 1 < len && cr[1] == '\n' ?
		    (size_t)(cr - s) + 2 : (size_t)(cr - s) + 1;
	return nl != NULL ? (size_t)(nl - s) + 1 : len;
}

static int
csvtable_parse(struct csvtable *t, char delim, const char *buf, size_t len,
    const char *what, char **cause)
{
	struct csv_parser p;
	size_t off = 0, nl = 1, nf = 1, i;
	const char *e;
	long line = 1;

	/* Room for every row and cell at once, as the first line counts
	 * them: no copying the arrays while 100,000 rows come in. */
	for (e = buf; (e = memchr(e, '\n', len - (size_t)(e - buf))) != NULL;
	    e++)
		nl++;
	for (i = 0; i < len && buf[i] != '\n'; i++)
		nf += buf[i] == delim;
	if (nl < 100000000 && nf < 1000) {
		t->caprows = nl + 1;
		t->rows = xreallocarray(NULL, t->caprows, sizeof *t->rows);
		t->capcells = t->caprows * nf;
		t->cells = xreallocarray(NULL, t->capcells, sizeof *t->cells);
	}

	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		fatal("csv_init failed");
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, csvtable_is_space);
	/* One physical line at a time, so that each record knows the line
	 * it starts on (a quoted newline keeps libcsv inside a record). */
	while (off < len) {
		size_t n = csvtable_line_len(buf + off, len - off);

		if (p.pstate == LIBCSV_ROW_NOT_BEGUN)
			t->rec_line = line;
		if (csv_parse(&p, buf + off, n, csvtable_cb_field,
		    csvtable_cb_record, t) != n) {
			*cause = xasprintf(_("%s: line %ld: %s"), t->name, line,
			    csv_strerror(csv_error(&p)));
			csv_free(&p);
			return -1;
		}
		off += n;
		line++;
	}
	if (p.pstate == LIBCSV_FIELD_BEGUN && p.quoted) {
		/* Else the rest of the file would become one field. */
		*cause = xasprintf(_("%s: line %ld: a quote opened in this row "
		    "is never closed"), t->name, t->rec_line);
		csv_free(&p);
		return -1;
	}
	csv_fini(&p, csvtable_cb_field, csvtable_cb_record, t);
	csv_free(&p);
	if (t->nrows == 0) {
		/* L10N: %2$s is "a price list", "an invoice file". */
		*cause = xasprintf(_("%s: the file is empty (%s needs a header "
		    "line)"), t->name, what);
		return -1;
	}
	return 0;
}

int
csvtable_open_buffer(const char *name, const char *what, const char *data,
    size_t len, struct csvtable **out, char **cause)
{
	struct csvtable *t;
	long bad;
	size_t bom;

	*out = NULL;
	switch (csvsniff_encoding(data, len, &bad)) {
	case CSVSNIFF_UTF8:
		break;
	case CSVSNIFF_UTF16:
		*cause = xasprintf(_("%s is not UTF-8 text (line %ld): NUL "
		    "bytes or UTF-16; save it as CSV UTF-8"), name, bad);
		return -1;
	case CSVSNIFF_INVALID:
		*cause = xasprintf(_("%s is not UTF-8 (line %ld): save it as "
		    "UTF-8 (\"CSV UTF-8\" in a spreadsheet's Save As)"), name,
		    bad);
		return -1;
	}
	bom = csvsniff_bom(data, len);
	data += bom;
	len -= bom;

	t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name);
	t->bom = bom > 0;
	t->delim = csvsniff_delimiter(data, len);
	if (csvtable_parse(t, t->delim, data, len, what, cause) != 0) {
		csvtable_free(t);
		return -1;
	}
	*out = t;
	return 0;
}

int
csvtable_open(const char *path, const char *what, struct csvtable **out,
    char **cause)
{
	struct stat sb;
	char *buf;
	size_t got = 0;
	ssize_t n;
	int fd, rc;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*cause = xasprintf(_("cannot open %s: %s"), path,
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		*cause = xasprintf(_("%s is not a file"), path);
		close(fd);
		return -1;
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size &&
	    (n = read(fd, buf + got, (size_t)sb.st_size - got)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*cause = xasprintf(_("cannot read %s: %s"), path,
			    strerror(errno));
			free(buf);
			close(fd);
			return -1;
		}
		got += (size_t)n;
	}
	close(fd);
	rc = csvtable_open_buffer(path, what, buf, got, out, cause);
	free(buf);
	return rc;
}

void
csvtable_free(struct csvtable *t)
{
	if (t == NULL)
		return;
	arena_free(t->arena);
	free(t->cells);
	free(t->rows);
	free(t->name);
	free(t);
}

const char *
csvtable_name(const struct csvtable *t)
{
	return t->name;
}

char
csvtable_delimiter(const struct csvtable *t)
{
	return t->delim;
}

int
csvtable_had_bom(const struct csvtable *t)
{
	return t->bom;
}

size_t
csvtable_ncols(const struct csvtable *t)
{
	return t->rows[0].ncells;
}

const char *
csvtable_header(const struct csvtable *t, size_t col)
{
	if (col >= t->rows[0].ncells)
		return "";
	return t->cells[t->rows[0].first + col];
}

size_t
csvtable_nrows(const struct csvtable *t)
{
	return t->nrows - 1;
}

long
csvtable_line(const struct csvtable *t, size_t row)
{
	return t->rows[row + 1].line;
}

const char *
csvtable_cell(const struct csvtable *t, size_t row, size_t col)
{
	const struct csvtable_row *r = &t->rows[row + 1];

	if (col >= r->ncells)
		return "";
	return t->cells[r->first + col];
}

int
csvtable_row_blank(const struct csvtable *t, size_t row)
{
	const struct csvtable_row *r = &t->rows[row + 1];
	const char *p;
	size_t i;

	for (i = 0; i < r->ncells; i++)
		for (p = t->cells[r->first + i]; *p != '\0'; p++)
			if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
				return 0;
	return 1;
}

const char *
csvtable_clean(struct csvtable *t, size_t row, size_t col)
{
	const unsigned char *p = (const unsigned char *)csvtable_cell(t, row,
	    col);
	size_t len, i = 0, n = 0;
	char small[256], *out;
	const char *res;
	int space = 0;

	/* Most cells are clean already: say so without copying. */
	for (; p[i] > 0x20 && p[i] != 0x7f && p[i] != 0xc2; i++)
		;
	if (p[i] == '\0')
		return (const char *)p;
	len = i + strlen((const char *)p + i);
	i = 0;
	out = len < sizeof small ? small : xmalloc(len + 1);

	while (i < len) {
		if (p[i] < 0x20 || p[i] == 0x7f || p[i] == ' ') {
			space = 1;
			i++;
			continue;
		}
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f) {	/* C1 controls */
			space = 1;
			i += 2;
			continue;
		}
		if (space && n > 0)
			out[n++] = ' ';
		space = 0;
		out[n++] = (char)p[i++];
	}
	if (n == len && memcmp(out, p, n) == 0)
		res = (const char *)p;	/* nothing changed: no copy */
	else
		res = arena_add(&t->arena, out, n);
	if (out != small)
		free(out);
	return res;
}

void
csvtable_squeeze(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s != '\0' && n + 1 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 'A' && c <= 'Z')
			out[n++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '#')
			out[n++] = (char)c;
	}
	out[n] = '\0';
}
