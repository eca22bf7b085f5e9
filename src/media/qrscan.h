/*
 * media/qrscan: finds QR codes in camera frames, fast.
 *
 * A frame is decoded with libvips shrink-on-load (JPEG at 1/8, 1/4 or 1/2:
 * the smallest scale that keeps a QR filling 15% of the short edge at about
 * three pixels per module), turned grey, and handed to ZBar (QR only), then
 * to zxing-cpp (media/qrzxing.h, when built) if ZBar reads nothing or a
 * text that is not ASCII.  Only when nothing decodes and the small image
 * shows QR finder patterns (the 1:1:3:1:1 black/white runs found across,
 * down and diagonally) is it decoded again from the finder test's own
 * black and white, then at twice the scale, up to full size; a frame of at
 * most 1280x1024 with no finders gets one look at full size (codes of
 * 40-60 px).  A frame that still decodes to nothing but showed finder
 * patterns is reported as qr_like, for the operator to check.
 *
 * Threads: a struct qrscan holds one ZBar scanner and belongs to one thread;
 * make one per worker thread.  libvips is initialised on first use
 * (media/vips.h).
 * Errors: qrscan_file() returns -1 with *cause (caller frees) when the
 * image cannot be decoded (unreadable or truncated file).
 */
#ifndef PICDAY_MEDIA_QRSCAN_H
#define PICDAY_MEDIA_QRSCAN_H

#include <stddef.h>

struct qrscan;

struct qrscan_result {
	char	**codes;	/* distinct decoded texts, in the order found */
	size_t	  ncodes;
	int	  qr_like;	/* finder patterns seen, nothing decoded */
	int	  shrink;	/* the last scale tried (1 = full size) */
};

struct qrscan	*qrscan_new(void);
void		 qrscan_free(struct qrscan *);

/*
 * Scans the image file at path.  width/height are its pixel size when the
 * caller knows it (0 to read it from the file).  With full set, the first
 * look is already at full size (frames the operator marked).
 */
int		 qrscan_file(struct qrscan *, const char *path, int width,
		    int height, int full, struct qrscan_result *, char **cause);
void		 qrscan_result_free(struct qrscan_result *);
/* Decodes the whole file at 1/8 to see that it is whole: 0, or -1 with
 * *cause (no QR search; for sorting by metadata). */
int		 qrscan_check(const char *path, char **cause);

/* Decodes a grey 8-bit image; adds what it finds to res.  Returns the
 * number of codes found. */
int		 qrscan_grey(struct qrscan *, const unsigned char *, int width,
		    int height, struct qrscan_result *res);
/* The cheap test: the number of QR finder-pattern centres in a grey
 * image when three of them sit like a QR's, else 0. */
int		 qrscan_finders(const unsigned char *, int width, int height);
/* Whether zxing-cpp is there to read what ZBar does not (qrzxing.h). */
int		 qrscan_has_zxing(void);

/* Makes sure libvips is initialised (media/vips.h) and quiet about the
 * damaged tiles of a frame reported unreadable anyway.  0, or -1 with
 * *cause set. */
int		 qrscan_vips_init(char **cause);

#endif
