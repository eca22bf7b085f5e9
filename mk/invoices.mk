# Price lists and invoices (issue 10, stage 7).
libpicday_a_SOURCES += \
	src/core/money.c src/core/money.h \
	src/core/csvtable.c src/core/csvtable.h \
	src/core/pricelist.c src/core/pricelist.h \
	src/core/invoice-import.c src/core/invoice-import.h \
	src/core/invoice.c src/core/invoice.h \
	src/store/pricelist.c src/store/pricelist.h \
	src/store/invoice.c src/store/invoice.h \
	src/net/fetch.c src/net/fetch.h src/jobs/job-invoices.c \
	src/cli/cmd-pricelist.c src/cli/cmd-invoices.c \
	src/tui/money.c src/tui/money.h src/tui/invoices.h \
	src/tui/wizard-invoice-import.c src/tui/sales.c \
	src/tui/picture.c src/tui/picture.h src/tui/invoice-lines.c \
	src/tui/form-pricelist.c

check_PROGRAMS += tests/unit/test-invoice
tests_unit_test_invoice_SOURCES = tests/unit/test-invoice.c
tests_unit_test_invoice_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_invoice_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-invoice

INVOICE_TESTS = tests/cli/pricelist.sh tests/cli/invoices.sh \
	tests/cli/invoices-url.sh tests/tui/invoices.sh tests/tui/invoices-import.sh \
	tests/tui/invoices-map.sh tests/tui/invoices-poll.sh tests/tui/setup-money.sh \
	tests/tui/sales.sh tests/tui/setup-pricelist.sh
TESTS += $(INVOICE_TESTS)
EXTRA_DIST += $(INVOICE_TESTS) tests/cli/https-server.py tests/cli/shop-lib.sh \
	bench/bench-invoices.sh bench/bench-invoices-tui.sh

# The CSV parsers' fuzz harness (libFuzzer, clang), only when asked:
#   make fuzz                      builds tests/fuzz/fuzz-csv
#   make fuzz-run FUZZ_SECONDS=60  runs it on a copy of tests/fuzz/corpus
#   make fuzz-run FUZZ_RUNS=600000 that many inputs from a fixed seed: the
#                                  same inputs on every machine (CI's run)
FUZZ_CC = clang
FUZZ_SECONDS = 30
FUZZ_RUNS =
FUZZ_SRCS = tests/fuzz/fuzz-csv.c src/core/money.c src/core/csvtable.c \
	src/util/arena.c src/core/roster.c src/core/role.c \
	src/core/csvsniff.c src/core/invoice-import.c src/core/pricelist.c
EXTRA_DIST += $(FUZZ_SRCS) tests/fuzz/corpus/lines.csv \
	tests/fuzz/corpus/invoices.csv tests/fuzz/corpus/pricelist.csv \
	tests/fuzz/corpus/huge-client.csv tests/fuzz/corpus/roster.csv
fuzz: libpicday.a
	@mkdir -p tests/fuzz
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=undefined $(DEFS) $(DEFAULT_INCLUDES) \
	    $(AM_CPPFLAGS) $(CPPFLAGS) -o tests/fuzz/fuzz-csv \
	    $(FUZZ_SRCS:%=$(top_srcdir)/%) $(PICDAY_LIBS) $(LIBS)
fuzz-run: fuzz
	rm -rf tests/fuzz/corpus.run && mkdir -p tests/fuzz/corpus.run
	cp $(top_srcdir)/tests/fuzz/corpus/* tests/fuzz/corpus.run/
	ASAN_OPTIONS=detect_leaks=1 ./tests/fuzz/fuzz-csv \
	    $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS) -seed=1 -max_total_time=1800,-max_total_time=$(FUZZ_SECONDS)) \
	    -max_len=65536 -timeout=10 \
	    tests/fuzz/corpus.run
.PHONY: fuzz fuzz-run
