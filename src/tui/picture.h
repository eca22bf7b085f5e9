/*
 * tui/picture: an image of the studio drawn large with chafa symbols
 * (media/termpic) inside a box of the screen, made again only when the
 * image or the box changes; colour pairs from ROLE_NROLES up, handed out
 * again for each picture.  Used by the sales presentation and the
 * invoice lines view.  UI thread only.
 */
#ifndef PICDAY_TUI_PICTURE_H
#define PICDAY_TUI_PICTURE_H

struct tui_picture;

struct tui_picture *tui_picture_new(void);
void		 tui_picture_free(struct tui_picture *);
/* Draws image id (path relative to the studio) centred in the box; a
 * picture that cannot be made shows why, in one line. */
void		 tui_picture_draw(struct tui_picture *, long long id,
		    const char *path, int y, int x, int h, int w);
/* The same turned rot degrees clockwise; where the picture landed goes in
 * at[] (y, x, h, w in cells; h 0 when none). */
void		 tui_picture_draw_turned(struct tui_picture *, long long id,
		    const char *path, int rot, int y, int x, int h, int w,
		    int at[4]);

#endif
