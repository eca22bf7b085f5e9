# Sessions: scheduling, status, export, QR sheets (issue 3).
libpicday_a_SOURCES += src/cli/cmd-sessions.c src/cli/cmd-qr-sheets.c
