/*
 * tui/import: the preview step of the Bulk Image Import wizard
 * (preview-import.c) — the sorted card as the operator fixes it before
 * anything is written: assign unassigned frames to a session, make a
 * session for an unknown code, move a frame to another session; Enter
 * queues the "import" job.  UI thread only.
 */
#ifndef PICDAY_TUI_IMPORT_H
#define PICDAY_TUI_IMPORT_H

struct imgscan;
struct import_preview;

/* Takes the scan (*sc is zeroed); sorts it against the studio. */
struct import_preview *import_preview_new(struct imgscan *sc,
		    const char *dir, const char *mode, int advance);
void		 import_preview_free(struct import_preview *);
/* Draws the preview in the area (y, x) h rows by w columns (a wizard
 * step's pane). */
void		 import_preview_draw(struct import_preview *, int y, int x,
		    int h, int w);

#define IMPORT_PREVIEW_STAY	0
#define IMPORT_PREVIEW_CANCEL	1	/* Esc: close, nothing written */
#define IMPORT_PREVIEW_DONE	2	/* the job is queued: close */
int		 import_preview_key(struct import_preview *, int key);
/* Enter: the first time asks (the confirm line), the second queues the
 * job; IMPORT_PREVIEW_STAY or IMPORT_PREVIEW_DONE. */
int		 import_preview_enter(struct import_preview *);

/* A form validator: the text is the number of a session of the studio. */
int		 import_validate_session(const char *, void *, char **);

#endif
