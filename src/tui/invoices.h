/* tui/invoices: what the Invoices hub opens (UI thread only). */
#ifndef PICDAY_TUI_INVOICES_H
#define PICDAY_TUI_INVOICES_H

/* The Invoice Import wizard (tui/wizard-invoice-import.c). */
void	wizard_invoice_import_open(void);

#endif
