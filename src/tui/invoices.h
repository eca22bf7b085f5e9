/* tui/invoices: the Invoice Import wizard and the sales presentation
 * (UI thread only). */
#ifndef PICDAY_TUI_INVOICES_H
#define PICDAY_TUI_INVOICES_H

/* The Invoice Import wizard (tui/wizard-invoice-import.c). */
void	wizard_invoice_import_open(void);

/* An invoice's lines with the ordered images (tui/invoice-lines.c);
 * 0, or -1 when they cannot be read. */
int	invoice_lines_open(long long invoice_id, const char *number,
	    long long total_cents, long long paid_cents);

/* The sales presentation of a session (tui/sales.c). */
void	sales_open(long long session_number);

#endif
