/*
 * media/exif: what the importer reads from a JPEG's header (libexif).
 *
 * exifmeta_read() reads only the header segments of the file (up to the
 * start of the image data) plus its last bytes: the EXIF block (APP1), the
 * JPEG COM marker and the frame size (SOF).  From EXIF: DateTimeOriginal
 * and SubSecTimeOriginal, Make, Model, the body serial number (EXIF
 * BodySerialNumber, else the DNG CameraSerialNumber, else a maker-note
 * entry named like "SerialNumber"), Orientation, and the fields a tagging
 * app writes a session number into: Copyright, UserComment,
 * ImageDescription, XPComment.  The file is opened read-only and never
 * changed.
 *
 * Threads: reentrant; call it from any thread.
 * Errors: -1 with *cause (caller frees) when the file cannot be opened or
 * is not a JPEG; a missing or broken EXIF block is not an error (the fields
 * stay empty).
 */
#ifndef PICDAY_MEDIA_EXIF_H
#define PICDAY_MEDIA_EXIF_H

/* The metadata fields a session number can be written into. */
enum exifmeta_field {
	EXIFMETA_COPYRIGHT,
	EXIFMETA_USERCOMMENT,
	EXIFMETA_IMAGEDESCRIPTION,
	EXIFMETA_XPCOMMENT,
	EXIFMETA_COMMENT,		/* the JPEG COM marker */
	EXIFMETA_NFIELDS
};

struct exifmeta {
	char		*make;		/* trimmed; NULL when absent */
	char		*model;
	char		*serial;
	char		 datetime[20];	/* "YYYY:MM:DD HH:MM:SS", "" if absent */
	int		 subsec_ms;	/* from SubSecTimeOriginal, 0 if absent */
	long long	 time_ms;	/* datetime + subsec as ms since the
					   epoch (read as UTC); -1 if absent */
	int		 orientation;	/* 1-8; 1 when absent */
	int		 width, height;	/* from the SOF marker; 0 if absent */
	int		 has_eoi;	/* the file ends with an EOI marker */
	char		*field[EXIFMETA_NFIELDS];	/* trimmed, or NULL */
};

int		 exifmeta_read(const char *path, struct exifmeta *, char **cause);
void		 exifmeta_free(struct exifmeta *);

/* "copyright", "usercomment", ...; -1 for an unknown name. */
int		 exifmeta_field_parse(const char *name);
const char	*exifmeta_field_name(int field);
/* "YYYY-MM-DDTHH:MM:SS.mmm" (no zone: camera time) into buf, or "". */
void		 exifmeta_iso_time(const struct exifmeta *, char *buf,
		    unsigned len);

#endif
