/*
 * jobs/production: the payload of the "render" job (jobs/job-render), one
 * production order rendered to DIR/ORDER/.  dir must be absolute.  Returns
 * a new JSON text (caller frees).
 */
#ifndef PICDAY_JOBS_PRODUCTION_H
#define PICDAY_JOBS_PRODUCTION_H

char	*job_render_payload(long long order, const char *dir);
/* The "contact" job (jobs/job-contact): an organization's contact sheet
 * PDF; file absolute. */
char	*job_contact_payload(long long org_id, const char *file);

#endif
