# demo
# picday demo: roster, sessions and a simulated camera card.
libpicday_a_SOURCES += src/cli/cmd-demo.c
