# tui
# tui/: the terminal interface.  Only the UI thread calls ncurses.
libpicday_a_SOURCES += src/tui/tui.c
