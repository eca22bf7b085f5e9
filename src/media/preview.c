/* media/preview: shrink-on-load previews, written atomically. */
#include "config.h"

#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vips/vips.h>
#include "media/vipsdl.h"

#include "media/preview.h"
#include "media/vips.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The temporary for dst: ".NAME.PID.TID.tmp" in the same folder. */
static char *
preview_tmp_name(const char *dst)
{
	const char *slash = strrchr(dst, '/');
	int dirlen = slash != NULL ? (int)(slash - dst + 1) : 0;

	return xasprintf("%.*s.%s.%ld.%ld.tmp", dirlen, dst, dst + dirlen,
	    (long)getpid(), (long)gettid());
}

static int
preview_write(const char *dst, const void *data, size_t len, char **cause)
{
	char *tmp = preview_tmp_name(dst);
	const char *p = data;
	int fd, rc = -1;

	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) < 0) {
		*cause = xasprintf(_("cannot create %s: %s"), tmp,
		    strerror(errno));
		goto out;
	}
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*cause = xasprintf(_("cannot write %s: %s"), tmp,
			    strerror(errno));
			close(fd);
			unlink(tmp);
			goto out;
		}
		p += n;
		len -= (size_t)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, dst) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), dst,
		    strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	return rc;
}

/* The text masks of the last pictures' sizes: every frame of a camera
 * has the same size, and fitting the text (libvips lays it out again and
 * again to find the size) costs more than the rest of a preview.  The
 * masks are in memory, read-only, shared by the threads; they live as
 * long as the process (a few hundred KB at most). */
#define PREVIEW_MASKS	4

static pthread_mutex_t	 mask_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	int		 w, h;
	char		*text;
	VipsImage	*mask;
} masks[PREVIEW_MASKS];
static int		 mask_next;

/* The text fitted into a box w wide and h high (a new reference), or NULL
 * (libvips error). */
static VipsImage *
preview_mask(const char *markup, int w, int h)
{
	VipsImage *t = NULL, *m = NULL;
	int i;

	pthread_mutex_lock(&mask_lock);
	for (i = 0; i < PREVIEW_MASKS; i++)
		if (masks[i].mask != NULL && masks[i].w == w &&
		    masks[i].h == h && strcmp(masks[i].text, markup) == 0) {
			m = masks[i].mask;
			g_object_ref(m);
			break;
		}
	pthread_mutex_unlock(&mask_lock);
	if (m != NULL)
		return m;
	if (vips_text(&t, markup, "width", w, "height", h, "align",
	    VIPS_ALIGN_CENTRE, NULL) != 0)
		return NULL;
	m = vips_image_copy_memory(t);
	g_object_unref(t);
	if (m == NULL)
		return NULL;
	pthread_mutex_lock(&mask_lock);
	i = mask_next;
	mask_next = (mask_next + 1) % PREVIEW_MASKS;
	if (masks[i].mask != NULL)
		g_object_unref(masks[i].mask);
	free(masks[i].text);
	masks[i].w = w;
	masks[i].h = h;
	masks[i].text = xstrdup(markup);
	masks[i].mask = m;
	g_object_ref(m);
	pthread_mutex_unlock(&mask_lock);
	return m;
}

/* Lays text across the middle of *im in translucent white, about a sixth
 * of the short side high; *im is replaced.  Only the text's box is worked
 * on (in float) and put back: the rest of the picture goes through as it
 * is, which makes the watermark about five times cheaper than blending
 * the whole picture.  0, or -1 (libvips error). */
static int
preview_watermark(VipsImage **im, const char *text)
{
	VipsImage *base = *im, *t[8] = { NULL };
	int w, h, tw, th, x, y, rc = -1;
	char *markup;
	size_t i;

	w = vips_image_get_width(base);
	h = vips_image_get_height(base);
	markup = g_markup_escape_text(text, -1);
	/* The text is fitted into a box 80% wide and a sixth of the short
	 * side high (libvips picks the dpi). */
	if (vips_colourspace(base, &t[0], VIPS_INTERPRETATION_sRGB, NULL) ||
	    (t[1] = preview_mask(markup, w * 8 / 10,
	    (w < h ? w : h) / 6 + 1)) == NULL)
		goto out;
	tw = vips_image_get_width(t[1]);
	th = vips_image_get_height(t[1]);
	if (tw > w)
		tw = w;
	if (th > h)
		th = h;
	x = (w - tw) / 2;
	y = (h - th) / 2;
	/* In the box: alpha = mask * 0.45; out = in + (255 - in) * alpha */
	if (vips_extract_area(t[0], &t[2], x, y, tw, th, NULL) ||
	    vips_linear1(t[1], &t[3], 0.45 / 255.0, 0, NULL) ||
	    vips_linear1(t[2], &t[4], -1, 255, NULL) ||
	    vips_multiply(t[4], t[3], &t[5], NULL) ||
	    vips_add(t[2], t[5], &t[6], NULL) ||
	    vips_cast_uchar(t[6], &t[7], NULL))
		goto out;
	g_object_unref(t[2]);
	t[2] = NULL;
	if (vips_insert(t[0], t[7], &t[2], x, y, NULL))
		goto out;
	g_object_unref(base);
	*im = t[2];
	t[2] = NULL;
	rc = 0;
out:
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i] != NULL)
			g_object_unref(t[i]);
	g_free(markup);
	return rc;
}

int
media_preview_make(const char *src, const char *dst, int long_side,
    char **cause)
{
	return media_preview_make_marked(src, dst, long_side, NULL, cause);
}

/* A JPEG's long side, from its header; 0 when source is not a JPEG (or
 * libvips cannot read it: the caller's general loader then says why). */
static int
preview_jpeg_long_side(VipsSource *source)
{
	VipsImage *hd = NULL;
	int w, h;

	if (vips_jpegload_source(source, &hd, NULL) != 0) {
		vips_error_clear();
		return 0;
	}
	w = vips_image_get_width(hd);
	h = vips_image_get_height(hd);
	g_object_unref(hd);
	return w > h ? w : h;
}

/* A decode of path shrunk to long_side into *im, the EXIF orientation
 * applied; 0, or -1 with *cause.  A JPEG is decoded by DCT scaling at the
 * largest power of two that still gives long_side (from a 24 MP frame to
 * 1024 px: 1/4), read in one pass, and the rest is a resize of that.
 * libvips' own vips_thumbnail_source() does the same with a second look
 * at the file: it held some 15 MB more per 24 MP frame and took a third
 * more CPU. */
static int
preview_load(const char *path, int long_side, VipsImage **im, char **cause)
{
	VipsSource *source;
	VipsImage *t = NULL;
	char *why;
	int fd, rc, longest, shrink = 1;

	/* Opened once, read-only, as a source: given a file name, libvips
	 * opens it again for every loader it tries (~80 times a file). */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*cause = xasprintf(_("cannot open: %s"), strerror(errno));
		return -1;
	}
	source = vips_source_new_from_descriptor(fd);
	close(fd);	/* the source holds its own copy */
	if (source == NULL)
		rc = -1;
	else if ((longest = preview_jpeg_long_side(source)) > 0) {
		while (shrink < 8 && longest / (shrink * 2) >= long_side)
			shrink *= 2;
		rc = vips_jpegload_source(source, &t, "shrink", shrink,
		    "access", VIPS_ACCESS_SEQUENTIAL, NULL) != 0 ||
		    vips_thumbnail_image(t, im, long_side, "height",
		    long_side, "size", VIPS_SIZE_DOWN, NULL) != 0 ? -1 : 0;
		if (t != NULL)
			g_object_unref(t);
	} else
		rc = vips_thumbnail_source(source, im, long_side, "height",
		    long_side, "size", VIPS_SIZE_DOWN, NULL) != 0 ? -1 : 0;
	if (rc != 0) {
		why = media_vips_error();
		*cause = xasprintf(_("cannot read image: %s"), why);
		free(why);
	}
	if (source != NULL)
		g_object_unref(source);
	return rc;
}

int
media_preview_make_marked(const char *src, const char *dst, int long_side,
    const char *watermark, char **cause)
{
	return media_preview_make_from(NULL, src, dst, long_side, watermark,
	    cause);
}

int
media_preview_make_from(const char *near, const char *src, const char *dst,
    int long_side, const char *watermark, char **cause)
{
	VipsImage *im = NULL;
	void *buf = NULL;
	size_t len = 0;
	char *why = NULL;
	int rc = -1, w, h;

	if (media_vips_init(cause) != 0)
		return -1;
	/* A smaller picture of the same frame (the import's preview) at
	 * exactly that long side saves decoding the full frame. */
	if (near != NULL && preview_load(near, long_side, &im, &why) == 0) {
		w = vips_image_get_width(im);
		h = vips_image_get_height(im);
		if ((w > h ? w : h) != long_side) {
			g_object_unref(im);
			im = NULL;
		}
	}
	free(why);
	if (im == NULL && preview_load(src, long_side, &im, cause) != 0)
		return -1;
	if (watermark != NULL && *watermark != '\0' &&
	    preview_watermark(&im, watermark) != 0) {
		why = media_vips_error();
		*cause = xasprintf(_("cannot draw the watermark: %s"), why);
		free(why);
		goto out;
	}
	/* No optimize_coding: its second pass costs half the encode for 1%
	 * of the size. */
	if (vips_jpegsave_buffer(im, &buf, &len, "Q", 82, "strip", TRUE,
	    NULL) != 0) {
		why = media_vips_error();
		*cause = xasprintf(_("cannot encode preview: %s"), why);
		free(why);
		goto out;
	}
	rc = preview_write(dst, buf, len, cause);
out:
	g_free(buf);
	g_object_unref(im);
	return rc;
}

/* The pid in ".NAME.PID.TID.tmp", or 0 when name is not such a file. */
static pid_t
preview_tmp_pid(const char *name)
{
	size_t n = strlen(name);
	const char *p;
	int dots = 0;

	if (name[0] != '.' || n < 5 || strcmp(name + n - 4, ".tmp") != 0)
		return 0;
	for (p = name + n - 4; p > name; p--)
		if (*p == '.' && ++dots == 3)
			return (pid_t)strtol(p + 1, NULL, 10);
	return 0;
}

void
media_preview_sweep(const char *dir)
{
	struct dirent *de;
	DIR *d;
	pid_t pid;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if ((pid = preview_tmp_pid(de->d_name)) <= 0)
			continue;
		if (kill(pid, 0) == -1 && errno == ESRCH)
			(void)unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

int
media_watermark(VipsImage **im, const char *text)
{
	return preview_watermark(im, text);
}
