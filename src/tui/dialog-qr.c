/*
 * tui/dialog-qr: Print QR codes (key p in the Sessions hub).  A form with
 * the output file (default STUDIO/exports/qr-<date>.pdf) and the cards per
 * page (1, 2, 4, 6, 8); OK queues a "qr-sheets" job (jobs/sessfile.h) for
 * the tagged sessions, else the filtered list, by session number, and
 * returns at once: the status line shows its progress, and the message
 * line names the file when it is written (or the error).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "jobs/sessfile.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/jobwatch.h"
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
	struct sessfile_request rq;
	const char *path = form_value(p, F_PATH);
	long long id;

	memset(&rq, 0, sizeof rq);
	rq.output = path;
	rq.per_page = (int)form_choice_id(p, F_PER);
	if (!d->all) {
		rq.numbers = d->numbers;
		rq.nnumbers = d->n;
	}
	if (sess_mkdir_for(path, cause) != 0 ||
	    (id = sessfile_queue_qrsheet(tui_store(), &rq, cause)) < 0)
		return -1;
	tui_job_watch(id);
	/* L10N: the PDF is written in the background; the status line shows
	 * the job, the message line says when the file is there. */
	tui_message(_("queued job #%lld: QR cards to %s"), id, path);
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
