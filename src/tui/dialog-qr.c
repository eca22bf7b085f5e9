/*
 * tui/dialog-qr: Print QR codes (key p in the Sessions hub).  A form with
 * the output file (default STUDIO/exports/qr-<date>.pdf) and the cards per
 * page (1, 2, 4, 6, 8); OK writes the PDF of the tagged sessions, else of
 * the filtered list, through media/qrsheet (a temporary file renamed at the
 * end, so a failure leaves nothing), and the message line names the file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/qrprint.h"
#include "media/qrsheet.h"
#include "store/db.h"
#include "store/session.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/sessions-act.h"
#include "util/xalloc.h"

enum { F_PATH, F_PER };

static int
valid_pdf(const char *v, void *arg, char **cause)
{
	size_t n = strlen(v);

	(void)arg;
	if (n > 4 && strcmp(v + n - 4, ".pdf") == 0)
		return 0;
	*cause = xstrdup(_("a file name ending in .pdf, please"));
	return -1;
}

static const struct form_field qr_fields[] = {
	{ N_("Output file"), FORM_TEXT, 1, 400, valid_pdf },
	{ N_("Cards per page"), FORM_CHOICE, 1, 0, NULL },
};

struct qr_dialog {
	long long	*numbers;
	size_t		 n;
	int		 all;
};

static int
qr_submit(struct form_page *p, void *arg, char **cause)
{
	struct qr_dialog *d = arg;
	struct session_filter f;
	struct qrprint x;
	const char *path = form_value(p, F_PATH);
	int pages = 0;

	memset(&f, 0, sizeof f);
	memset(&x, 0, sizeof x);
	if (!d->all) {
		f.numbers = d->numbers;
		f.nnumbers = d->n;
	}
	if (sess_mkdir_for(path, cause) != 0 ||
	    qrsheet_open(path, (int)form_choice_id(p, F_PER), &x.q,
	    cause) != 0)
		return -1;
	if (store_session_each(tui_store(), &f, qrprint_row, &x) != 0) {
		*cause = x.cause != NULL ? x.cause :
		    xasprintf(_("cannot read the sessions: %s"),
		    store_errmsg(tui_store()));
		x.cause = NULL;
		qrsheet_close(x.q, 1, NULL, &x.cause);
		free(x.cause);
		return -1;
	}
	if (x.cards == 0) {
		*cause = xstrdup(_("no sessions to print"));
		qrsheet_close(x.q, 1, NULL, &x.cause);
		free(x.cause);
		return -1;
	}
	if (qrsheet_close(x.q, 0, &pages, cause) != 0)
		return -1;
	tui_message(_("wrote %zu QR cards on %d pages to %s"), x.cards,
	    pages, path);
	return 0;
}

void
sessions_qr_open(struct hub_list *hl)
{
	static struct qr_dialog d;
	static const int per[] = { 1, 2, 4, 6, 8 };
	struct form_choice c[5];
	char labels[5][8], *path, *title;
	struct form_page *p;
	int i;

	free(d.numbers);
	d.numbers = sess_set(hl->list, &d.n, &d.all);
	if (!d.all && d.n == 0) {
		tui_error("%s", _("no sessions to print"));
		return;
	}
	p = form_page_new(qr_fields, 2, &d);
	path = sess_export_path("qr", "pdf");
	form_set_value(p, F_PATH, path);
	free(path);
	for (i = 0; i < 5; i++) {
		snprintf(labels[i], sizeof labels[i], "%d", per[i]);
		c[i].label = labels[i];
		c[i].id = per[i];
	}
	form_page_set_choices(p, F_PER, c, 5);
	title = d.all ? xstrdup(_("Print QR codes: every session")) :
	    xasprintf(_("Print QR codes: %zu sessions"), d.n);
	form_open(title, p, qr_submit, &d);
	free(title);
}
