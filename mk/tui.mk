# tui
# tui/: the terminal interface.  Only the UI thread calls ncurses.
libpicday_a_SOURCES += \
	src/tui/tui.c src/tui/tui.h \
	src/tui/loop.c src/tui/loop.h \
	src/tui/keys.c src/tui/keys.h \
	src/tui/list.c src/tui/list.h \
	src/tui/form.c src/tui/form.h \
	src/tui/steps.c src/tui/steps.h \
	src/tui/dialog.c src/tui/dialog.h \
	src/tui/help.c src/tui/help.h src/tui/detail.c src/tui/detail.h \
	src/tui/hub.h src/tui/hub-list.c \
	src/tui/hub-clients.c src/tui/hub-sessions.c src/tui/hub-workflow.c \
	src/tui/hub-invoices.c src/tui/hub-production.c src/tui/hub-control.c \
	src/tui/hub-setup.c
# The windowed queries behind the lists, and display widths (tui-owned).
libpicday_a_SOURCES += src/store/lists.c src/store/lists.h \
	src/util/utf8.c src/util/utf8.h

check_PROGRAMS += tests/unit/test-utf8
tests_unit_test_utf8_SOURCES = tests/unit/test-utf8.c
tests_unit_test_utf8_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_utf8_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-utf8

TESTS += tests/tui/hubs.sh tests/tui/widgets.sh tests/tui/screen.sh
EXTRA_DIST += tests/tui/hubs.sh tests/tui/widgets.sh tests/tui/screen.sh \
	tests/tui/studio.sh bench/bench-tui.sh bench/tmux-time.py

# sessions hub
# The Sessions hub's actions: scheduling, advance, session form, QR codes,
# export, schedule e-mails (tui/sessions-act.h).
libpicday_a_SOURCES += \
	src/tui/sessions-act.c src/tui/sessions-act.h \
	src/tui/wizard-schedule.c src/tui/dialog-advance.c \
	src/tui/form-session.c src/tui/view-online.c src/tui/dialog-qr.c \
	src/tui/wizard-export.c src/tui/wizard-mail.c \
	src/tui/jobwatch.c src/tui/jobwatch.h
SESSIONS_TUI_TESTS = tests/tui/sessions-advance.sh tests/tui/sessions-schedule.sh \
	tests/tui/sessions-export.sh tests/tui/sessions-mail.sh \
	tests/tui/sessions-qr-job.sh tests/tui/sessions-online.sh
TESTS += $(SESSIONS_TUI_TESTS)
EXTRA_DIST += $(SESSIONS_TUI_TESTS)

# workflow hub
# The Workflow hub: frames and the ✓ mark, the chafa picture, the Bulk
# Image Import wizard and its preview, Group Capture (tui/workflow.h).
libpicday_a_SOURCES += \
	src/tui/workflow.h src/tui/import.h \
	src/tui/view-frames.c src/tui/wizard-import.c \
	src/tui/preview-import.c src/tui/wizard-capture.c \
	src/media/termpic.c src/media/termpic.h \
	src/core/groupcap.c src/core/groupcap.h \
	src/core/importfix.c src/core/importfix.h \
	src/store/workflow.c src/store/workflow.h
check_PROGRAMS += tests/unit/test-groupcap
tests_unit_test_groupcap_SOURCES = tests/unit/test-groupcap.c
tests_unit_test_groupcap_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_groupcap_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-groupcap
WORKFLOW_TUI_TESTS = tests/tui/workflow-hub.sh tests/tui/workflow-import.sh \
	tests/tui/workflow-capture.sh
TESTS += $(WORKFLOW_TUI_TESTS)
EXTRA_DIST += $(WORKFLOW_TUI_TESTS)

# clients & setup hubs
libpicday_a_SOURCES += src/tui/clients.h src/tui/form-client.c \
	src/tui/wizard-client-import.c src/tui/form-setup.c \
	src/tui/form-delivery.c \
	src/tui/setup.h src/store/setup.c src/store/setup.h
TESTS += tests/tui/clients-import.sh tests/tui/clients-edit.sh \
	tests/tui/setup-statuses.sh tests/tui/setup-delivery.sh
EXTRA_DIST += tests/tui/clients-import.sh tests/tui/clients-edit.sh \
	tests/tui/setup-statuses.sh tests/tui/setup-delivery.sh

# tui lists
# Sorting and keyset scans of the lists (store/lists.c, tui/list.c).
check_PROGRAMS += tests/unit/test-lists
tests_unit_test_lists_SOURCES = tests/unit/test-lists.c
tests_unit_test_lists_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_lists_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-lists tests/tui/list-sort.sh tests/tui/list-large.sh
EXTRA_DIST += tests/tui/list-sort.sh tests/tui/list-large.sh
