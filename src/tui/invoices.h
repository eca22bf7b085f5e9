/* tui/invoices: the Invoice Import wizard and the sales presentation
 * (UI thread only). */
#ifndef PICDAY_TUI_INVOICES_H
#define PICDAY_TUI_INVOICES_H

/* The Invoice Import wizard (tui/wizard-invoice-import.c). */
void	wizard_invoice_import_open(void);

/* The sales presentation of a session (tui/sales.c). */
void	sales_open(long long session_number);

#endif
