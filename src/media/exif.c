/*
 * media/exif: capture time, camera body, orientation and the metadata fields
 * of a JPEG, read from its header segments with libexif.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libexif/exif-data.h>
#include <libexif/exif-mnote-data.h>

#include "media/exif.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const char *const field_names[EXIFMETA_NFIELDS] = {
	"copyright", "usercomment", "imagedescription", "xpcomment", "comment"
};

int
exifmeta_field_parse(const char *name)
{
	int i;

	for (i = 0; i < EXIFMETA_NFIELDS; i++)
		if (strcasecmp(name, field_names[i]) == 0)
			return i;
	return -1;
}

const char *
exifmeta_field_name(int field)
{
	if (field < 0 || field >= EXIFMETA_NFIELDS)
		return "?";
	return field_names[field];
}

/* A trimmed copy of s[0..n) up to its first NUL; NULL when empty. */
static char *
trimmed(const char *s, size_t n)
{
	size_t a = 0, b;

	b = strnlen(s, n);
	while (a < b && (isspace((unsigned char)s[a]) || s[a] == '\0'))
		a++;
	while (b > a && isspace((unsigned char)s[b - 1]))
		b--;
	if (a == b)
		return NULL;
	return xstrndup(s + a, b - a);
}

/* UCS-2 text (as in XPComment and UNICODE UserComment) to trimmed UTF-8. */
static char *
ucs2_text(const unsigned char *p, size_t n, int le)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	char *out;

	for (i = 0; i + 1 < n; i += 2) {
		unsigned c = le ? (p[i] | p[i + 1] << 8) : (p[i] << 8 | p[i + 1]);

		if (c == 0)
			break;
		if (c < 0x80)
			strbuf_addc(&sb, (char)c);
		else if (c < 0x800) {
			strbuf_addc(&sb, (char)(0xc0 | c >> 6));
			strbuf_addc(&sb, (char)(0x80 | (c & 0x3f)));
		} else if (c < 0xd800 || c > 0xdfff) {
			strbuf_addc(&sb, (char)(0xe0 | c >> 12));
			strbuf_addc(&sb, (char)(0x80 | ((c >> 6) & 0x3f)));
			strbuf_addc(&sb, (char)(0x80 | (c & 0x3f)));
		}
	}
	out = trimmed(strbuf_str(&sb), sb.len);
	strbuf_free(&sb);
	return out;
}

static ExifEntry *
entry(ExifData *ed, ExifIfd ifd, ExifTag tag)
{
	return exif_content_get_entry(ed->ifd[ifd], tag);
}

/* An ASCII tag's first string, trimmed; NULL when absent or empty. */
static char *
ascii_tag(ExifData *ed, ExifIfd ifd, ExifTag tag)
{
	ExifEntry *e = entry(ed, ifd, tag);

	if (e == NULL || e->data == NULL || e->size == 0)
		return NULL;
	if (e->format != EXIF_FORMAT_ASCII && e->format != EXIF_FORMAT_UNDEFINED)
		return NULL;
	return trimmed((const char *)e->data, e->size);
}

static char *
user_comment(ExifData *ed)
{
	ExifEntry *e = entry(ed, EXIF_IFD_EXIF, EXIF_TAG_USER_COMMENT);
	const unsigned char *d;

	if (e == NULL || e->data == NULL || e->size < 8)
		return NULL;
	d = e->data;
	if (memcmp(d, "UNICODE\0", 8) == 0)
		return ucs2_text(d + 8, e->size - 8, exif_data_get_byte_order(ed) ==
		    EXIF_BYTE_ORDER_INTEL);
	/* ASCII, JIS (digits read the same) or undefined: bytes as they are. */
	return trimmed((const char *)d + 8, e->size - 8);
}

static char *
xp_comment(ExifData *ed)
{
	ExifEntry *e = entry(ed, EXIF_IFD_0, EXIF_TAG_XP_COMMENT);

	if (e == NULL || e->data == NULL)
		return NULL;
	return ucs2_text(e->data, e->size, 1);	/* always little-endian */
}

/* Some bodies keep their serial number only in the maker note. */
static char *
mnote_serial(ExifData *ed)
{
	ExifMnoteData *md = exif_data_get_mnote_data(ed);
	unsigned i, n;
	char buf[128];

	if (md == NULL)
		return NULL;
	n = exif_mnote_data_count(md);
	for (i = 0; i < n; i++) {
		const char *name = exif_mnote_data_get_name(md, i);

		if (name == NULL || strcasecmp(name, "SerialNumber") != 0)
			continue;
		if (exif_mnote_data_get_value(md, i, buf, sizeof buf) != NULL)
			return trimmed(buf, sizeof buf);
	}
	return NULL;
}

static void
read_exif(struct exifmeta *m, const unsigned char *data, size_t len)
{
	ExifData *ed;
	ExifEntry *e;
	char *s;

	ed = exif_data_new_from_data(data, (unsigned)len);
	if (ed == NULL)
		return;
	m->make = ascii_tag(ed, EXIF_IFD_0, EXIF_TAG_MAKE);
	m->model = ascii_tag(ed, EXIF_IFD_0, EXIF_TAG_MODEL);
	m->serial = ascii_tag(ed, EXIF_IFD_EXIF, EXIF_TAG_BODY_SERIAL_NUMBER);
	if (m->serial == NULL)
		m->serial = ascii_tag(ed, EXIF_IFD_0, 0xc62f);
	if (m->serial == NULL)
		m->serial = mnote_serial(ed);

	s = ascii_tag(ed, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL);
	if (s != NULL) {
		struct tm tm;
		unsigned y, mo, d, h, mi, se;

		if (sscanf(s, "%4u:%2u:%2u %2u:%2u:%2u", &y, &mo, &d, &h, &mi,
		    &se) == 6 && y > 1900 && mo >= 1 && mo <= 12 && d >= 1 &&
		    d <= 31 && y < 10000 && h < 24 &&
		    mi < 60 && se <= 60) {
			snprintf(m->datetime, sizeof m->datetime,
			    "%04u:%02u:%02u %02u:%02u:%02u", y, mo, d, h, mi, se);
			memset(&tm, 0, sizeof tm);
			tm.tm_year = y - 1900;
			tm.tm_mon = mo - 1;
			tm.tm_mday = d;
			tm.tm_hour = h;
			tm.tm_min = mi;
			tm.tm_sec = se;
			m->time_ms = (long long)timegm(&tm) * 1000;
		}
		free(s);
	}
	s = ascii_tag(ed, EXIF_IFD_EXIF, EXIF_TAG_SUB_SEC_TIME_ORIGINAL);
	if (s != NULL) {
		int i, ms = 0, scale = 100;

		/* "5" is 500 ms, "05" 50 ms, "123456" 123 ms. */
		for (i = 0; isdigit((unsigned char)s[i]) && scale > 0; i++) {
			ms += (s[i] - '0') * scale;
			scale /= 10;
		}
		m->subsec_ms = ms;
		if (m->time_ms >= 0)
			m->time_ms += ms;
		free(s);
	}

	e = entry(ed, EXIF_IFD_0, EXIF_TAG_ORIENTATION);
	if (e != NULL && e->format == EXIF_FORMAT_SHORT && e->size >= 2) {
		int o = exif_get_short(e->data, exif_data_get_byte_order(ed));

		if (o >= 1 && o <= 8)
			m->orientation = o;
	}

	m->field[EXIFMETA_COPYRIGHT] = ascii_tag(ed, EXIF_IFD_0,
	    EXIF_TAG_COPYRIGHT);
	m->field[EXIFMETA_USERCOMMENT] = user_comment(ed);
	m->field[EXIFMETA_IMAGEDESCRIPTION] = ascii_tag(ed, EXIF_IFD_0,
	    EXIF_TAG_IMAGE_DESCRIPTION);
	m->field[EXIFMETA_XPCOMMENT] = xp_comment(ed);
	exif_data_unref(ed);
}

/* Does the file end with EOI (allowing some padding after it)? */
static int
ends_with_eoi(int fd, off_t size)
{
	unsigned char buf[512];
	off_t off = size > (off_t)sizeof buf ? size - (off_t)sizeof buf : 0;
	ssize_t n, i;

	n = pread(fd, buf, sizeof buf, off);
	for (i = n - 1; i >= 1; i--)
		if (buf[i - 1] == 0xff && buf[i] == 0xd9)
			return 1;
	return 0;
}

int
exifmeta_read(const char *path, struct exifmeta *m, char **cause)
{
	struct stat sb;
	unsigned char hdr[4], *seg = NULL;
	FILE *f;
	int fd, ret = -1;

	memset(m, 0, sizeof *m);
	m->time_ms = -1;
	m->orientation = 1;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd == -1 || fstat(fd, &sb) == -1) {
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	m->has_eoi = ends_with_eoi(fd, sb.st_size);
	if ((f = fdopen(fd, "rb")) == NULL) {
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
		close(fd);
		return -1;
	}
	if (fread(hdr, 1, 2, f) != 2 || hdr[0] != 0xff || hdr[1] != 0xd8) {
		*cause = xasprintf(_("%s: not a JPEG file"), path);
		goto out;
	}
	for (;;) {
		unsigned marker, len;

		if (fread(hdr, 1, 2, f) != 2)
			break;
		if (hdr[0] != 0xff) {
			*cause = xasprintf(_("%s: broken JPEG header"), path);
			goto out;
		}
		marker = hdr[1];
		if (marker == 0xff) {		/* fill byte */
			ungetc(0xff, f);
			continue;
		}
		if (marker == 0xd9 || marker == 0xda)	/* EOI, SOS */
			break;
		if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
			continue;
		if (fread(hdr, 1, 2, f) != 2)
			break;
		len = (unsigned)hdr[0] << 8 | hdr[1];
		if (len < 2)
			break;
		len -= 2;
		seg = xmalloc(len + 1);
		if (fread(seg, 1, len, f) != len)
			break;
		seg[len] = '\0';
		if (marker == 0xe1 && len > 6 && memcmp(seg, "Exif\0\0", 6) == 0 &&
		    m->make == NULL && m->datetime[0] == '\0')
			read_exif(m, seg, len);
		else if (marker == 0xfe && m->field[EXIFMETA_COMMENT] == NULL)
			m->field[EXIFMETA_COMMENT] = trimmed((char *)seg, len);
		else if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 &&
		    marker != 0xc8 && marker != 0xcc && len >= 5) {
			m->height = seg[1] << 8 | seg[2];
			m->width = seg[3] << 8 | seg[4];
		}
		free(seg);
		seg = NULL;
	}
	ret = 0;
out:
	free(seg);
	fclose(f);
	if (ret != 0)
		exifmeta_free(m);
	return ret;
}

void
exifmeta_free(struct exifmeta *m)
{
	int i;

	free(m->make);
	free(m->model);
	free(m->serial);
	for (i = 0; i < EXIFMETA_NFIELDS; i++)
		free(m->field[i]);
	m->make = m->model = m->serial = NULL;
	memset(m->field, 0, sizeof m->field);
}

void
exifmeta_iso_time(const struct exifmeta *m, char *buf, unsigned len)
{
	if (m->datetime[0] == '\0') {
		if (len > 0)
			buf[0] = '\0';
		return;
	}
	snprintf(buf, len, "%.4s-%.2s-%.2sT%.8s.%03d", m->datetime,
	    m->datetime + 5, m->datetime + 8, m->datetime + 11, m->subsec_ms);
}
