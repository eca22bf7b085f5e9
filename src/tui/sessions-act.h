/*
 * tui/sessions-act: what the Sessions hub's actions share, and the actions
 * themselves (one file each):
 *
 *	wizard-schedule.c	b	Bulk Scheduling wizard with preview
 *	dialog-advance.c	A >	Advance Status of the targets
 *	form-session.c		Enter e	the session with its history; reschedule
 *	view-online.c		o	Online: grants, delivery build and publish
 *	dialog-qr.c		p	Print QR codes to a PDF
 *	wizard-export.c		x	Export with a column chooser
 *	wizard-mail.c		m	Schedule e-mails: dry run, then queue
 *	wizard-mail.c		M	Delivery e-mails: each family its link
 *	dialog-school.c		y C	Yearbook (PSPA) volume, class composites
 *
 * Targets: the tagged sessions, else the current one (sess_targets); QR
 * codes and export take the tagged sessions, else the whole filtered list
 * (sess_set).  The list keeps row ids; the core speaks session numbers.
 *
 * A textpane is a scrollable block of lines (previews, history).
 * UI thread only.
 */
#ifndef PICDAY_TUI_SESSIONS_ACT_H
#define PICDAY_TUI_SESSIONS_ACT_H

#include <stddef.h>

struct list;

/* Session numbers of the tagged rows, else of the current row (caller
 * frees; NULL and *n 0 when the list is empty). */
long long	*sess_targets(struct list *, size_t *n);
/* The tagged rows' numbers, else every row of the filtered list; *all is
 * set (and NULL returned) when nothing is tagged nor filtered, meaning
 * every session of the studio. */
long long	*sess_set(struct list *, size_t *n, int *all);
/* The session number of a row id, 0 if none. */
long long	 sess_number(long long id);
/* "1001,1002": the numbers as text (caller frees). */
char		*sess_numbers_text(const long long *, size_t n);
/* STUDIO/exports/<prefix>-<YYYY-MM-DD>.<ext> (caller frees). */
char		*sess_export_path(const char *prefix, const char *ext);
/* A history time "2026-11-23T09:31:26Z" as "2026-11-23 09:31" in buf. */
const char	*sess_at(const char *at, char *buf, size_t len);
/* Makes the folder of a file path; 0, or -1 with *cause. */
int		 sess_mkdir_for(const char *path, char **cause);

struct textpane {
	char	**lines;
	int	  n, top;
};
void		 textpane_add(struct textpane *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Adds text split at its line ends (CR LF or LF). */
void		 textpane_add_text(struct textpane *, const char *text);
void		 textpane_clear(struct textpane *);
void		 textpane_draw(struct textpane *, int y, int x, int h, int w);
/* Arrows, PgUp/PgDn, Home/End scroll; nonzero when the key was one. */
int		 textpane_key(struct textpane *, int key, int h);

/* The actions (each opens its layer; nothing is written before OK). */
struct hub_list;
void	sessions_schedule_open(struct hub_list *);
void	sessions_advance_open(struct hub_list *);
void	sessions_form_open(struct hub_list *);
void	sessions_qr_open(struct hub_list *);
void	sessions_export_open(struct hub_list *);
void	sessions_mail_open(struct hub_list *);
void	sessions_delivery_mail_open(struct hub_list *);
void	sessions_online_open(long long number);		/* view-online.c */
void	sessions_pspa_open(struct hub_list *);		/* dialog-school.c */
void	sessions_composite_open(struct hub_list *);	/* dialog-school.c */

#endif
