# Price lists and invoices (issue 10, stage 7).
libpicday_a_SOURCES += \
	src/core/money.c src/core/money.h \
	src/core/csvtable.c src/core/csvtable.h \
	src/core/pricelist.c src/core/pricelist.h \
	src/core/invoice-import.c src/core/invoice-import.h \
	src/core/invoice.c src/core/invoice.h \
	src/store/pricelist.c src/store/pricelist.h \
	src/store/invoice.c src/store/invoice.h \
	src/net/fetch.c src/net/fetch.h \
	src/cli/cmd-pricelist.c src/cli/cmd-invoices.c \
	src/tui/money.c src/tui/money.h

check_PROGRAMS += tests/unit/test-invoice
tests_unit_test_invoice_SOURCES = tests/unit/test-invoice.c
tests_unit_test_invoice_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_invoice_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-invoice

INVOICE_TESTS = tests/cli/pricelist.sh tests/cli/invoices.sh \
	tests/cli/invoices-url.sh tests/tui/invoices.sh
TESTS += $(INVOICE_TESTS)
EXTRA_DIST += $(INVOICE_TESTS) tests/cli/https-server.py bench/bench-invoices.sh
