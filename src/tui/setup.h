/*
 * tui/setup: the Setup hub's forms (form-setup.c): an organization (new or
 * edit), a status (new after another, or renamed), the mail settings, and
 * the delete confirmations.  Nothing is written before OK or Yes; each
 * write is one transaction in store/ (org.h, setup.h, preferences), and
 * the hubs reload after it.  UI thread only.
 */
#ifndef PICDAY_TUI_SETUP_H
#define PICDAY_TUI_SETUP_H

/* Organization id (0: a new one). */
void	form_setup_org(long long id);
void	form_setup_org_delete(long long id);
/* A new status after status `after` (0: at the end) when add is set,
 * else renames status id. */
void	form_setup_status(int add, long long id);
void	form_setup_status_delete(long long id);
/* Status id one step up (delta -1) or down (+1). */
void	form_setup_status_move(long long id, int delta);
/* The mail preferences: mail.from, mail.smtp_url, mail.smtp_user,
 * mail.schedule.subject and mail.schedule.body. */
void	form_setup_mail(void);
/* The upload target (upload.* preferences); saving tests the connection
 * by writing and deleting a small file. */
void	form_setup_upload(void);
/* How amounts read (money.symbol, money.position, money.thousands,
 * money.decimal), with a live example; an impossible format (the same
 * mark for thousands and decimals, a symbol with digits) is refused. */
void	form_setup_money(void);

/* The digital delivery settings (form-delivery.c): watermark, release,
 * auto group and rule, delivery.on_invoice, delivery.presign,
 * delivery.url, the delivery e-mail. */
void	form_setup_delivery(void);

/* The price-list editor (form-pricelist.c): an item by row id (0: a new
 * one), and its delete (refused for an item on invoices). */
void	form_pricelist_item(long long id);
void	form_pricelist_delete(long long id);

#endif
