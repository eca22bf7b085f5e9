# Organizations, clients and the roster import (issue 3).
libpicday_a_SOURCES += src/cli/cmd-org.c src/cli/cmd-clients.c
