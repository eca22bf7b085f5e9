/*
 * tui/jobwatch: jobs this screen queued and waits to hear from.  The
 * screen never waits on a job: an action queues it, calls tui_job_watch()
 * and returns; when the job ends (done, failed, cancelled) or an attempt
 * fails, the message line says so (jobs/sessfile.h, sessfile_outcome).
 * tui.c calls tui_job_watch_poll() whenever the jobs table moved.
 * UI thread only.
 */
#ifndef PICDAY_TUI_JOBWATCH_H
#define PICDAY_TUI_JOBWATCH_H

void	tui_job_watch(long long id);
void	tui_job_watch_poll(void);

#endif
