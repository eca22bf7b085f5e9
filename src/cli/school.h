/*
 * cli/school: what `export pspa`, `export sis` and `composite` share
 * (cli/cmd-export.c): finding the organization, the validation report,
 * and running the export's job in the foreground.
 */
#ifndef PICDAY_CLI_SCHOOL_H
#define PICDAY_CLI_SCHOOL_H

struct cli;

/* Resolves org (exit 1 and a line why when unknown or when no student has
 * a pose: nothing is written), prints the validation report of export
 * `kind` (NULL: only the students without a portrait) on stderr, and
 * returns the organization's id in *org_id.  CLI_OK or CLI_FAILED. */
int	school_prepare(struct cli *, const char *org, const char *kind,
	    long long *org_id);
/* Queues job `kind` with payload (JSON) and title — or takes over the
 * unfinished job of that kind and payload, e.g. one killed — then runs it
 * in the foreground with progress on stderr, or only queues it (queue set).
 * CLI_OK or CLI_FAILED. */
int	school_run(struct cli *, const char *kind, const char *title,
	    const char *payload, int queue);

#endif
