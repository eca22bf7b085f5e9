/*
 * jpegexif: builds a camera-like EXIF block with libexif and splices it into
 * JPEG bytes (see jpegexif.h).
 */
#include <stdlib.h>
#include <string.h>

#include <libexif/exif-data.h>
#include <libexif/exif-entry.h>
#include <libexif/exif-mem.h>
#include <libexif/exif-utils.h>

#include "media/jpegexif.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static ExifEntry *
jpegexif_entry(ExifData *ed, ExifMem *mem, ExifIfd ifd, ExifTag tag,
    ExifFormat format, unsigned long components)
{
	ExifEntry	*e;

	e = exif_entry_new_mem(mem);
	if (e == NULL)
		fatal("out of memory");
	e->tag = tag;
	e->format = format;
	e->components = components;
	e->size = exif_format_get_size(format) * components;
	e->data = exif_mem_alloc(mem, e->size);
	if (e->data == NULL)
		fatal("out of memory");
	exif_content_add_entry(ed->ifd[ifd], e);
	exif_entry_unref(e);
	return e;
}

static void
jpegexif_ascii(ExifData *ed, ExifMem *mem, ExifIfd ifd, ExifTag tag,
    const char *s)
{
	ExifEntry	*e;
	size_t		 n = strlen(s) + 1;

	e = jpegexif_entry(ed, mem, ifd, tag, EXIF_FORMAT_ASCII, n);
	memcpy(e->data, s, n);
}

static void
jpegexif_short(ExifData *ed, ExifMem *mem, ExifIfd ifd, ExifTag tag,
    ExifShort v)
{
	ExifEntry	*e;

	e = jpegexif_entry(ed, mem, ifd, tag, EXIF_FORMAT_SHORT, 1);
	exif_set_short(e->data, exif_data_get_byte_order(ed), v);
}

static void
jpegexif_long(ExifData *ed, ExifMem *mem, ExifIfd ifd, ExifTag tag,
    ExifLong v)
{
	ExifEntry	*e;

	e = jpegexif_entry(ed, mem, ifd, tag, EXIF_FORMAT_LONG, 1);
	exif_set_long(e->data, exif_data_get_byte_order(ed), v);
}

static void
jpegexif_rational(ExifData *ed, ExifMem *mem, ExifIfd ifd, ExifTag tag,
    ExifLong num, ExifLong den)
{
	ExifEntry	*e;
	ExifRational	 r = { num, den };

	e = jpegexif_entry(ed, mem, ifd, tag, EXIF_FORMAT_RATIONAL, 1);
	exif_set_rational(e->data, exif_data_get_byte_order(ed), r);
}

static void
jpegexif_undefined(ExifData *ed, ExifMem *mem, ExifIfd ifd, ExifTag tag,
    const char *bytes, size_t n)
{
	ExifEntry	*e;

	e = jpegexif_entry(ed, mem, ifd, tag, EXIF_FORMAT_UNDEFINED, n);
	memcpy(e->data, bytes, n);
}

/* The EXIF block, "Exif\0\0" header included; NULL when libexif fails. */
static unsigned char *
jpegexif_block(const struct jpegexif *x, unsigned int *size)
{
	ExifMem		*mem;
	ExifData	*ed;
	unsigned char	*block = NULL, *copy;

	mem = exif_mem_new_default();
	ed = exif_data_new_mem(mem);
	if (mem == NULL || ed == NULL)
		fatal("out of memory");
	/* No automatic "fixing": it would stamp the current time. */
	exif_data_unset_option(ed, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
	exif_data_set_data_type(ed, EXIF_DATA_TYPE_COMPRESSED);
	exif_data_set_byte_order(ed, x->motorola ? EXIF_BYTE_ORDER_MOTOROLA :
	    EXIF_BYTE_ORDER_INTEL);

	jpegexif_ascii(ed, mem, EXIF_IFD_0, EXIF_TAG_MAKE, x->make);
	jpegexif_ascii(ed, mem, EXIF_IFD_0, EXIF_TAG_MODEL, x->model);
	if (x->orientation > 0)
		jpegexif_short(ed, mem, EXIF_IFD_0, EXIF_TAG_ORIENTATION,
		    (ExifShort)x->orientation);
	jpegexif_rational(ed, mem, EXIF_IFD_0, EXIF_TAG_X_RESOLUTION, 72, 1);
	jpegexif_rational(ed, mem, EXIF_IFD_0, EXIF_TAG_Y_RESOLUTION, 72, 1);
	jpegexif_short(ed, mem, EXIF_IFD_0, EXIF_TAG_RESOLUTION_UNIT, 2);
	jpegexif_ascii(ed, mem, EXIF_IFD_0, EXIF_TAG_DATE_TIME, x->datetime);
	jpegexif_short(ed, mem, EXIF_IFD_0, EXIF_TAG_YCBCR_POSITIONING, 2);
	if (x->copyright != NULL)
		jpegexif_ascii(ed, mem, EXIF_IFD_0, EXIF_TAG_COPYRIGHT,
		    x->copyright);

	jpegexif_undefined(ed, mem, EXIF_IFD_EXIF, EXIF_TAG_EXIF_VERSION,
	    "0231", 4);
	jpegexif_ascii(ed, mem, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL,
	    x->datetime);
	jpegexif_ascii(ed, mem, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_DIGITIZED,
	    x->datetime);
	if (x->subsec != NULL) {
		jpegexif_ascii(ed, mem, EXIF_IFD_EXIF, EXIF_TAG_SUB_SEC_TIME,
		    x->subsec);
		jpegexif_ascii(ed, mem, EXIF_IFD_EXIF,
		    EXIF_TAG_SUB_SEC_TIME_ORIGINAL, x->subsec);
		jpegexif_ascii(ed, mem, EXIF_IFD_EXIF,
		    EXIF_TAG_SUB_SEC_TIME_DIGITIZED, x->subsec);
	}
	jpegexif_undefined(ed, mem, EXIF_IFD_EXIF,
	    EXIF_TAG_COMPONENTS_CONFIGURATION, "\1\2\3\0", 4);
	jpegexif_undefined(ed, mem, EXIF_IFD_EXIF, EXIF_TAG_FLASH_PIX_VERSION,
	    "0100", 4);
	jpegexif_short(ed, mem, EXIF_IFD_EXIF, EXIF_TAG_COLOR_SPACE, 1);
	jpegexif_long(ed, mem, EXIF_IFD_EXIF, EXIF_TAG_PIXEL_X_DIMENSION,
	    (ExifLong)x->width);
	jpegexif_long(ed, mem, EXIF_IFD_EXIF, EXIF_TAG_PIXEL_Y_DIMENSION,
	    (ExifLong)x->height);
	if (x->serial != NULL)
		jpegexif_ascii(ed, mem, EXIF_IFD_EXIF,
		    EXIF_TAG_BODY_SERIAL_NUMBER, x->serial);

	if (x->thumb != NULL && x->thumblen > 0) {
		jpegexif_short(ed, mem, EXIF_IFD_1, EXIF_TAG_COMPRESSION, 6);
		jpegexif_rational(ed, mem, EXIF_IFD_1, EXIF_TAG_X_RESOLUTION,
		    72, 1);
		jpegexif_rational(ed, mem, EXIF_IFD_1, EXIF_TAG_Y_RESOLUTION,
		    72, 1);
		jpegexif_short(ed, mem, EXIF_IFD_1, EXIF_TAG_RESOLUTION_UNIT,
		    2);
		ed->data = exif_mem_alloc(mem, (ExifLong)x->thumblen);
		if (ed->data == NULL)
			fatal("out of memory");
		memcpy(ed->data, x->thumb, x->thumblen);
		ed->size = (unsigned int)x->thumblen;
	}

	*size = 0;
	exif_data_save_data(ed, &block, size);
	copy = NULL;
	if (block != NULL && *size > 0) {
		copy = xmalloc(*size);
		memcpy(copy, block, *size);
	}
	exif_mem_free(mem, block);
	exif_data_unref(ed);
	exif_mem_unref(mem);
	return copy;
}

static void
jpegexif_segment(unsigned char *p, size_t *at, int marker,
    const void *data, size_t n)
{
	p[(*at)++] = 0xff;
	p[(*at)++] = (unsigned char)marker;
	p[(*at)++] = (unsigned char)((n + 2) >> 8);
	p[(*at)++] = (unsigned char)((n + 2) & 0xff);
	memcpy(p + *at, data, n);
	*at += n;
}

int
jpegexif_splice(const void *jpeg, size_t len, const struct jpegexif *x,
    unsigned char **out, size_t *outlen, char **cause)
{
	const unsigned char	*in = jpeg;
	unsigned char		*block, *p;
	unsigned int		 bsize;
	size_t			 rest, clen, at;

	if (len < 4 || in[0] != 0xff || in[1] != 0xd8) {
		*cause = xstrdup(_("not a JPEG image"));
		return -1;
	}
	/* Drop the encoder's APP0 (JFIF) segments: cameras write none. */
	rest = 2;
	while (rest + 4 <= len && in[rest] == 0xff && in[rest + 1] == 0xe0)
		rest += 2 + ((size_t)in[rest + 2] << 8 | in[rest + 3]);
	if (rest > len) {
		*cause = xstrdup(_("truncated JPEG header"));
		return -1;
	}

	block = jpegexif_block(x, &bsize);
	if (block == NULL || bsize + 2 > 0xffff) {
		free(block);
		*cause = xstrdup(_("cannot build the EXIF block"));
		return -1;
	}
	clen = x->comment != NULL ? strlen(x->comment) : 0;
	if (clen + 2 > 0xffff)
		clen = 0xffff - 2;

	p = xmalloc(len - rest + 2 + 4 + bsize + 4 + clen);
	at = 0;
	p[at++] = 0xff;
	p[at++] = 0xd8;
	jpegexif_segment(p, &at, 0xe1, block, bsize);
	if (clen > 0)
		jpegexif_segment(p, &at, 0xfe, x->comment, clen);
	memcpy(p + at, in + rest, len - rest);
	at += len - rest;
	free(block);
	*out = p;
	*outlen = at;
	return 0;
}
