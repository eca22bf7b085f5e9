/*
 * media/delivery: the files of a digital delivery (DESIGN §4 stage 9).
 *
 * media_delivery_image() writes src as a JPEG to dst (through a temporary
 * renamed into place): upright, its long side long_side (0: full size;
 * never enlarged), sRGB, the watermark text across it when not NULL, no
 * metadata but an EXIF block with the copyright (no GPS, no serial).
 * With thumb, the same picture (watermark included) at most thumb_side
 * long goes there too, from the decoded image in memory.
 * *w, *h the written size, *src_long the source's long side.
 * media_release_pdf() lays out the copyright release (cairo, US Letter):
 * the studio, client, date and number of images, then text (the studio's
 * wording, wrapped; NULL: picday's).
 * Threads: reentrant.  Errors: -1 with *cause (caller frees).
 */
#ifndef PICDAY_MEDIA_DELIVERY_H
#define PICDAY_MEDIA_DELIVERY_H

int	media_delivery_image(const char *src, const char *dst, int long_side,
	    const char *watermark, const char *copyright, const char *thumb,
	    int thumb_side, int *w, int *h, int *src_long, char **cause);
int	media_release_pdf(const char *pdf, const char *studio,
	    const char *client, const char *date, int nimages,
	    const char *text, char **cause);

#endif
