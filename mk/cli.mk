# cli/: the command-line face.  One cmd-*.c per command word.
libpicday_a_SOURCES += \
	src/cli/cli.c src/cli/cli.h \
	src/cli/output.c src/cli/output.h
# Clients, sessions, organizations and QR sheets (issue 3).
libpicday_a_SOURCES += \
	src/cli/cmd-org.c src/cli/cmd-clients.c src/cli/cmd-sessions.c \
	src/cli/cmd-qr-sheets.c
