# net/: libcurl (SMTP, uploads).  Schedule e-mails (issue 3):
libpicday_a_SOURCES += src/jobs/job-mail.c \
	src/net/curldl.c src/net/curldl.h \
	src/net/smtp.c src/net/smtp.h \
	src/store/mail.c src/store/mail.h \
	src/core/schedmail.c src/core/schedmail.h

MAIL_TESTS = tests/cli/mail.sh tests/cli/mail-refused.sh
TESTS += $(MAIL_TESTS)
EXTRA_DIST += $(MAIL_TESTS) tests/cli/mail-server.py
