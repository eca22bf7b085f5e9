/*
 * tui/dialog: modal message and confirmation dialogs (layers on the stack,
 * same loop).  The text is wrapped by display width.
 *
 * dialog_message: any of Enter, Esc, Space or q closes it.
 * dialog_confirm: [ Yes ] [ No ]; y or Enter on Yes calls yes(arg) after the
 * dialog closed; n, Esc or No just closes.  Nothing happens before the
 * answer.  UI thread only; title and text are copied.
 */
#ifndef PICDAY_TUI_DIALOG_H
#define PICDAY_TUI_DIALOG_H

void	dialog_message(const char *title, const char *text);
void	dialog_confirm(const char *title, const char *text,
	    void (*yes)(void *), void *arg);

#endif
