/*
 * tui/workflow: what the pieces of the Workflow hub share — the hub
 * (hub-workflow.c), the frame pane and its picture (view-frames.c), the
 * Bulk Image Import wizard (wizard-import.c) and Group Capture
 * (wizard-capture.c).
 *
 * The wizards never call the hub: their threads wake the loop with
 * tui_wake() (tui.h), so the hub uses them and not the other way round.
 * Threads: UI thread.
 */
#ifndef PICDAY_TUI_WORKFLOW_H
#define PICDAY_TUI_WORKFLOW_H

/* The import wizard.  session 0: the whole card, sorted by QR or
 * metadata; a session number: every frame into that session (manual
 * import). */
void		 wizard_import_open(long long session);

/* Group Capture on a hot folder, starting with that session (0: none). */
void		 capture_open(long long session);

/* The frame pane: one session's frames, the ✓ mark, the picture. */
struct frames;
struct frames	*frames_new(void);
void		 frames_free(struct frames *);
/* Shows session_id (0: none); reloads when it changed or force. */
void		 frames_set_session(struct frames *, long long session_id,
		    int force);
void		 frames_draw(struct frames *, int y, int x, int h, int w,
		    int focused);
/* Up/down/home/end/page keys; TUI_HANDLED or TUI_NOT_MINE. */
int		 frames_key(struct frames *, int key);
/* Flips the ✓ of the current frame; 0, or -1 with a message shown. */
int		 frames_toggle(struct frames *);
long long	 frames_count(struct frames *);
/* Flips the composite flag of the current frame (store/grant); 0 or -1
 * with a message shown. */
int		 frames_toggle_composite(struct frames *);
/* Puts the current frame into its session's image group name (made when
 * missing), or takes it out (remove); 0 or -1 with a message shown. */
int		 frames_group(struct frames *, const char *name, int remove);

#endif
