# jobs
# jobs/: the job queue, worker threads and job kinds; their SQL in store/,
# libvips previews in media/.
libpicday_a_SOURCES += src/cli/cmd-jobs.c src/cli/cmd-worker.c
libpicday_a_SOURCES += src/jobs/job.h src/jobs/kinds.c src/jobs/job-preview.c \
	src/jobs/runner.h src/jobs/queue.c src/jobs/pool.c src/jobs/progress.c \
	src/store/job.c src/store/job.h \
	src/store/preview.c src/store/preview.h \
	src/media/vips.c src/media/vips.h \
	src/media/preview.c src/media/preview.h
