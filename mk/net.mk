# net
# net/: libcurl (SMTP, uploads).  Schedule e-mails (issue 3):
libpicday_a_SOURCES += src/jobs/job-mail.c
