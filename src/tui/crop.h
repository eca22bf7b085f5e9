/*
 * tui/crop: the crop editor (tui/crop-editor.c), a layer over the
 * Production hub: the prints of an order, one at a time, with the
 * rectangle each keeps on its picture.  UI thread only.
 */
#ifndef PICDAY_TUI_CROP_H
#define PICDAY_TUI_CROP_H

/* Opens it on the order's first print with an image and a size, or says
 * why not on the message line. */
void	crop_editor_open(long long order);

#endif
