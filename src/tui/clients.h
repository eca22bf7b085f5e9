/*
 * tui/clients: the Clients hub's editing layers — the client form (new and
 * edit, form-client.c), deleting a client (form-client.c) and the Client
 * Import wizard (wizard-client-import.c).
 *
 * Each opens a modal layer; nothing is written before the operator's OK,
 * Yes or Finish, and every write is one transaction in store/.  After a
 * write the hubs reload and the message line says what happened.
 * UI thread only.
 */
#ifndef PICDAY_TUI_CLIENTS_H
#define PICDAY_TUI_CLIENTS_H

/* The client form: a new client when id is 0, else client id. */
void	form_client_open(long long id);
/* Asks, then deletes client id (refused with the reason while it has
 * images or invoices; its booked sessions go with it, said first). */
void	form_client_delete(long long id);
/* The Client Import wizard: file and organization, column mapping, dry
 * run; Finish imports all in one transaction. */
void	wizard_client_import_open(void);

#endif
