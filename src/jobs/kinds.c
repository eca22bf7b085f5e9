/* jobs/kinds: the table of job kinds, one jobs/job-*.c file each. */
#include "config.h"

#include <string.h>

#include "jobs/job.h"

extern const struct job_kind job_kind_preview;
extern const struct job_kind job_kind_import;
extern const struct job_kind job_kind_mail;
extern const struct job_kind job_kind_export;
extern const struct job_kind job_kind_qrsheet;
extern const struct job_kind job_kind_invoices;
extern const struct job_kind job_kind_pspa;
extern const struct job_kind job_kind_sis;
extern const struct job_kind job_kind_composite;
extern const struct job_kind job_kind_upload;
extern const struct job_kind job_kind_render;
extern const struct job_kind job_kind_contact;
extern const struct job_kind job_kind_delivery;

static const struct job_kind *const kinds[] = {
	&job_kind_preview,
	&job_kind_import,
	&job_kind_mail,
	&job_kind_export,
	&job_kind_qrsheet,
	&job_kind_invoices,
	&job_kind_pspa,
	&job_kind_sis,
	&job_kind_composite,
	&job_kind_upload,
	&job_kind_render,
	&job_kind_contact,
	&job_kind_delivery,
};

const struct job_kind *
job_kind_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}
