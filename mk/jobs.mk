# jobs
# jobs/: the job queue, worker threads and job kinds.
libpicday_a_SOURCES += src/cli/cmd-jobs.c src/cli/cmd-worker.c
libpicday_a_SOURCES += src/jobs/job.h src/jobs/kinds.c src/jobs/job-preview.c
