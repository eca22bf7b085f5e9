/*
 * jpegexif: camera-like EXIF for JPEG bytes made by libvips.
 *
 * jpegexif_splice() builds an EXIF block with libexif (IFD0 make, model,
 * orientation, date, copyright; EXIF IFD capture time, sub-seconds, body
 * serial, pixel size; IFD1 an optional JPEG thumbnail) and returns a new
 * JPEG: SOI, APP1 (EXIF), COM (optional comment), then the input's segments
 * without its JFIF APP0, the way a camera writes it.
 *
 * Threads: reentrant (no shared state).  Errors: -1 with *cause set (caller
 * frees) when the input is not a JPEG or the block is too big for APP1.
 */
#ifndef PICDAY_MEDIA_JPEGEXIF_H
#define PICDAY_MEDIA_JPEGEXIF_H

#include <stddef.h>

struct jpegexif {
	int			 motorola;	/* 1: big-endian */
	const char		*make;
	const char		*model;
	const char		*serial;	/* BodySerialNumber; NULL: none */
	const char		*datetime;	/* "YYYY:MM:DD HH:MM:SS" */
	const char		*subsec;	/* SubSecTime*; NULL: none */
	int			 orientation;	/* 1-8; 0: none */
	int			 width;		/* stored pixel size */
	int			 height;
	const char		*copyright;	/* NULL: none */
	const char		*comment;	/* JPEG COM; NULL: none */
	const unsigned char	*thumb;		/* JPEG; NULL: none */
	size_t			 thumblen;
};

/* On success *out (caller frees) holds the new JPEG of *outlen bytes. */
int	jpegexif_splice(const void *jpeg, size_t len, const struct jpegexif *,
	    unsigned char **out, size_t *outlen, char **cause);

#endif
