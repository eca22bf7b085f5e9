# jobs
# jobs/: the job queue, worker threads and job kinds.
libpicday_a_SOURCES += src/cli/cmd-jobs.c src/cli/cmd-worker.c
