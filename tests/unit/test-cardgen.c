/*
 * The demo camera card: real JPEGs a sorter can read, named like two camera
 * bodies name them, with EXIF that orders them per body, QR sheets ZBar
 * reads, and an expected.json that accounts for every frame exactly once.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libexif/exif-data.h>
#include <vips/vips.h>
#include <zbar.h>

#include "media/cardgen.h"

#define MAXFRAMES	128
#define NSUBJ		6

/* Schedule order is not number order; 100 sorts after 99 numerically. */
static const struct cardgen_subject subjects[NSUBJ] = {
	{ 101, "Zoë", "Ångström", "S101", "4", "Ms. Okafor", "Maple Grove", 0 },
	{ 99, "Andrés", "Núñez", "S099", "4", "Ms. Okafor", "Maple Grove", 0 },
	{ 100, "Mia", "O'Brien", "S100", "5", "Mr. Lee", "Maple Grove", 1 },
	{ 97, "Noah", "García-López", "S097", "5", "Mr. Lee", "Maple Grove", 0 },
	{ 102, "Émile", "Kowalski", "S102", "K", "Mrs. Diaz", NULL, 0 },
	{ 98, "Liam", "Smith", "S098", "K", "Mrs. Diaz", "Maple Grove", 0 },
};

/* A frame as the test sees it: from the folder, expected.json and EXIF. */
struct frame {
	char	 rel[128];
	char	 section[16];	/* sessions, markers, unassigned, ... */
	char	 key[32];	/* session number for sessions/markers */
	int	 listed;
	int	 pos;		/* its place in that list */
	char	 make[64];
	char	 model[64];
	char	 serial[32];
	char	 when[32];	/* DateTimeOriginal.SubSecTimeOriginal */
	int	 orientation;
};

static char	 card[] = "/tmp/test-cardgen.XXXXXX";
static struct frame frames[MAXFRAMES];
static size_t	 nframes, made;
static char	*json;
static char	 keys[2][NSUBJ + 1][32];	/* key order: sessions, markers */
static int	 nkeys[2];

/* dir/rel into buf; the test fails rather than truncate. */
static void
join(char *buf, size_t size, const char *dir, const char *rel)
{
	int	n = snprintf(buf, size, "%s/%s", dir, rel);

	assert_true(n > 0 && (size_t)n < size);
}

static struct frame *
frame_find(const char *rel)
{
	size_t	i;

	for (i = 0; i < nframes; i++)
		if (strcmp(frames[i].rel, rel) == 0)
			return &frames[i];
	return NULL;
}

/* ---- a small JSON reader for expected.json's shape ---- */

static const char *
json_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

/* Reads a JSON string without escapes other than \" and \\. */
static const char *
string(const char *p, char *out, size_t size)
{
	size_t	n = 0;

	assert_int_equal(*p, '"');
	for (p++; *p != '"'; p++) {
		assert_true(*p != '\0');
		if (*p == '\\')
			p++;
		assert_true(n + 1 < size);
		out[n++] = *p;
	}
	out[n] = '\0';
	return p + 1;
}

/* An array of paths; each is marked as listed under section/key. */
static const char *
paths(const char *p, const char *section, const char *key)
{
	struct frame	*f;
	char		 rel[128];
	int		 pos = 0;

	p = json_ws(p);
	assert_int_equal(*p, '[');
	p = json_ws(p + 1);
	while (*p != ']') {
		p = json_ws(string(p, rel, sizeof rel));
		f = frame_find(rel);
		if (f == NULL)
			fail_msg("expected.json lists %s, not on the card", rel);
		f->listed++;
		f->pos = pos++;
		snprintf(f->section, sizeof f->section, "%s", section);
		snprintf(f->key, sizeof f->key, "%s", key);
		if (*p == ',')
			p = json_ws(p + 1);
	}
	return p + 1;
}

static void
parse_expected(const char *p)
{
	char	section[32], key[32];
	int	k, seen = 0;

	p = json_ws(p);
	assert_int_equal(*p, '{');
	p = json_ws(p + 1);
	while (*p != '}') {
		p = json_ws(string(p, section, sizeof section));
		assert_int_equal(*p, ':');
		p = json_ws(p + 1);
		seen++;
		if (*p == '{') {
			k = strcmp(section, "sessions") == 0 ? 0 :
			    strcmp(section, "markers") == 0 ? 1 : -1;
			p = json_ws(p + 1);
			while (*p != '}') {
				p = json_ws(string(p, key, sizeof key));
				assert_int_equal(*p, ':');
				if (k >= 0) {
					assert_true(nkeys[k] < NSUBJ);
					strcpy(keys[k][nkeys[k]++], key);
				}
				p = json_ws(paths(p + 1, section, key));
				if (*p == ',')
					p = json_ws(p + 1);
			}
			p = json_ws(p + 1);
		} else
			p = json_ws(paths(p, section, ""));
		if (*p == ',')
			p = json_ws(p + 1);
	}
	assert_int_equal(seen, 6);	/* ... and unreadable_code */
	assert_int_equal(*json_ws(p + 1), '\0');
}

/* ---- reading the card ---- */

static void
exif_string(ExifData *ed, ExifIfd ifd, ExifTag tag, char *out, size_t size)
{
	ExifEntry	*e = exif_content_get_entry(ed->ifd[ifd], tag);

	out[0] = '\0';
	if (e != NULL)
		exif_entry_get_value(e, out, (unsigned int)size);
}

static void
read_exif(struct frame *f)
{
	ExifData	*ed;
	ExifEntry	*e;
	char		 path[512], dt[32], sub[16];

	join(path, sizeof path, card, f->rel);
	ed = exif_data_new_from_file(path);
	if (ed == NULL)
		fail_msg("%s: no EXIF", f->rel);
	exif_string(ed, EXIF_IFD_0, EXIF_TAG_MAKE, f->make, sizeof f->make);
	exif_string(ed, EXIF_IFD_0, EXIF_TAG_MODEL, f->model, sizeof f->model);
	exif_string(ed, EXIF_IFD_EXIF, EXIF_TAG_BODY_SERIAL_NUMBER, f->serial,
	    sizeof f->serial);
	exif_string(ed, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, dt,
	    sizeof dt);
	exif_string(ed, EXIF_IFD_EXIF, EXIF_TAG_SUB_SEC_TIME_ORIGINAL, sub,
	    sizeof sub);
	assert_int_equal(strlen(dt), 19);
	assert_int_equal(strlen(sub), 2);
	snprintf(f->when, sizeof f->when, "%s.%s", dt, sub);
	e = exif_content_get_entry(ed->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
	assert_non_null(e);
	f->orientation = exif_get_short(e->data, exif_data_get_byte_order(ed));
	exif_data_unref(ed);
}

static void
scan_card(void)
{
	char		 path[512], sub_dir[300];
	DIR		*top, *sub;
	struct dirent	*d, *e;

	join(path, sizeof path, card, "DCIM");
	top = opendir(path);
	assert_non_null(top);
	while ((d = readdir(top)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		join(sub_dir, sizeof sub_dir, "DCIM", d->d_name);
		join(path, sizeof path, card, sub_dir);
		sub = opendir(path);
		assert_non_null(sub);
		while ((e = readdir(sub)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			assert_true(nframes < MAXFRAMES);
			join(frames[nframes].rel, sizeof frames[0].rel,
			    sub_dir, e->d_name);
			read_exif(&frames[nframes]);
			nframes++;
		}
		closedir(sub);
	}
	closedir(top);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*s;
	long	 n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = (size_t)n;
	return s;
}

static void
make_card(const char *dir, size_t *count, int threads)
{
	struct cardgen_opts	 o;
	char			*cause = NULL;

	cardgen_opts_default(&o);
	o.width = 640;
	o.height = 427;
	o.bodies = 2;
	o.seed = 7;
	o.threads = threads;
	o.start_time = "2024-09-12 08:30:00";
	if (cardgen_make(dir, subjects, NSUBJ, &o, count, &cause) != 0)
		fail_msg("cardgen_make: %s", cause);
}

static int
setup(void **state)
{
	char	path[512];

	if (mkdtemp(card) == NULL)
		return -1;
	make_card(card, &made, 3);
	scan_card();
	join(path, sizeof path, card, "expected.json");
	json = slurp(path, NULL);
	parse_expected(json);
	return 0;
}

static int
rm(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int
teardown(void **state)
{
	free(json);
	nftw(card, rm, 16, FTW_DEPTH | FTW_PHYS);
	vips_shutdown();
	return 0;
}

static int
body_of(const struct frame *f)
{
	if (strncmp(f->rel, "DCIM/100CANON/", 14) == 0)
		return 0;
	if (strncmp(f->rel, "DCIM/100NIKON/", 14) == 0)
		return 1;
	fail_msg("%s: not a folder of either body", f->rel);
	return -1;
}

static void
test_card_files_named_like_two_cameras(void **state)
{
	size_t	i, per[2] = { 0, 0 };
	int	num;
	char	end;

	/* Nothing else in the folders: no temporary files left behind. */
	assert_int_equal(nframes, made);
	/* 5 present students: a QR and 2-4 portraits each, 1-2 test shots
	 * per body. */
	assert_in_range(nframes, 5 * 3 + 2, 5 * 5 + 4);
	for (i = 0; i < nframes; i++) {
		const struct frame *f = &frames[i];

		per[body_of(f)]++;
		if (body_of(f) == 0)
			assert_int_equal(sscanf(f->rel,
			    "DCIM/100CANON/IMG_%4d.JP%c", &num, &end), 2);
		else
			assert_int_equal(sscanf(f->rel,
			    "DCIM/100NIKON/DSC_%4d.JP%c", &num, &end), 2);
		assert_int_equal(end, 'G');
		assert_int_equal(strlen(f->rel), 26);
	}
	assert_true(per[0] > 0 && per[1] > 0);
}

static void
test_expected_lists_every_frame_once(void **state)
{
	static const char *want[] = { "97", "98", "99", "101", "102" };
	size_t	i, unassigned = 0;
	int	k;

	for (i = 0; i < nframes; i++) {
		if (frames[i].listed != 1)
			fail_msg("%s listed %d times", frames[i].rel,
			    frames[i].listed);
		assert_true(strcmp(frames[i].section, "sessions") == 0 ||
		    strcmp(frames[i].section, "markers") == 0 ||
		    strcmp(frames[i].section, "unassigned") == 0);
		unassigned += strcmp(frames[i].section, "unassigned") == 0;
	}
	assert_in_range(unassigned, 2, 4);
	/* Every present student, in numeric order; the absent one (100)
	 * nowhere. */
	for (k = 0; k < 2; k++) {
		assert_int_equal(nkeys[k], 5);
		for (i = 0; i < 5; i++)
			assert_string_equal(keys[k][i], want[i]);
	}
	assert_non_null(strstr(json, "\"unknown_codes\": {}"));
	assert_non_null(strstr(json, "\"unreadable\": []"));
}

static void
test_exif_names_the_body(void **state)
{
	size_t	i;

	for (i = 0; i < nframes; i++) {
		const struct frame *f = &frames[i];

		if (body_of(f) == 0) {
			assert_string_equal(f->make, "Canon");
			assert_string_equal(f->model, "Canon EOS 5D Mark IV");
			assert_string_equal(f->serial, "012345678901");
		} else {
			assert_string_equal(f->make, "NIKON CORPORATION");
			assert_string_equal(f->model, "NIKON D750");
			assert_string_equal(f->serial, "3012345");
		}
	}
}

static int
by_rel(const void *a, const void *b)
{
	return strcmp(((const struct frame *)a)->rel,
	    ((const struct frame *)b)->rel);
}

static void
test_capture_times_per_body_interleaved(void **state)
{
	struct frame	sorted[MAXFRAMES];
	size_t		i, j;
	int		crossed = 0;

	memcpy(sorted, frames, sizeof frames);
	qsort(sorted, nframes, sizeof *sorted, by_rel);
	/* Within a body, file order is capture order. */
	for (i = 1; i < nframes; i++)
		if (body_of(&sorted[i]) == body_of(&sorted[i - 1]) &&
		    strcmp(sorted[i - 1].when, sorted[i].when) >= 0)
			fail_msg("%s (%s) not after %s (%s)", sorted[i].rel,
			    sorted[i].when, sorted[i - 1].rel,
			    sorted[i - 1].when);
	/* The bodies shoot at the same time: some Nikon frame falls
	 * between two Canon frames, so one global time order mixes them. */
	for (i = 1; i < nframes && !crossed; i++) {
		if (body_of(&sorted[i]) != 0 || body_of(&sorted[i - 1]) != 0)
			continue;
		for (j = 0; j < nframes; j++)
			if (body_of(&sorted[j]) == 1 &&
			    strcmp(sorted[j].when, sorted[i - 1].when) > 0 &&
			    strcmp(sorted[j].when, sorted[i].when) < 0)
				crossed = 1;
	}
	assert_true(crossed);
	assert_non_null(strstr(frames[0].when, "2024:09:12 08:"));
}

/*
 * Sorting each body by capture time, a marker starts its session's run and
 * frames before any marker are unassigned: expected.json says just that.
 */
static void
test_runs_follow_their_marker(void **state)
{
	struct frame	 sorted[MAXFRAMES];
	const char	*cur;
	size_t		 i;
	int		 b, next = 0;

	for (b = 0; b < 2; b++) {
		size_t n = 0;

		for (i = 0; i < nframes; i++)
			if (body_of(&frames[i]) == b)
				sorted[n++] = frames[i];
		qsort(sorted, n, sizeof *sorted, by_rel);
		cur = NULL;
		for (i = 0; i < n; i++) {
			if (strcmp(sorted[i].section, "markers") == 0) {
				cur = sorted[i].key;
				next = 0;
			} else if (strcmp(sorted[i].section, "sessions") == 0) {
				/* Listed in capture order. */
				assert_non_null(cur);
				assert_string_equal(sorted[i].key, cur);
				assert_int_equal(sorted[i].pos, next++);
			} else
				assert_null(cur);
		}
	}
}

/* ZBar reads the full-size greyscale frame; 0 codes or the one code. */
static int
zbar_read(const char *rel, char *out, size_t size)
{
	zbar_image_scanner_t	*sc;
	zbar_image_t		*zi;
	const zbar_symbol_t	*sym;
	VipsImage		*in, *grey;
	void			*buf;
	size_t			 len;
	char			 path[512];
	int			 n;

	join(path, sizeof path, card, rel);
	in = vips_image_new_from_file(path, NULL);
	assert_non_null(in);
	assert_int_equal(vips_colourspace(in, &grey, VIPS_INTERPRETATION_B_W,
	    NULL), 0);
	buf = vips_image_write_to_memory(grey, &len);
	assert_non_null(buf);
	assert_int_equal(vips_image_get_bands(grey), 1);

	sc = zbar_image_scanner_create();
	zbar_image_scanner_set_config(sc, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
	zbar_image_scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	zi = zbar_image_create();
	zbar_image_set_format(zi, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(zi, (unsigned)vips_image_get_width(grey),
	    (unsigned)vips_image_get_height(grey));
	zbar_image_set_data(zi, buf, len, NULL);
	n = zbar_scan_image(sc, zi);
	out[0] = '\0';
	sym = zbar_image_first_symbol(zi);
	if (sym != NULL)
		snprintf(out, size, "%s", zbar_symbol_get_data(sym));
	zbar_image_destroy(zi);
	zbar_image_scanner_destroy(sc);
	g_free(buf);
	g_object_unref(grey);
	g_object_unref(in);
	return n;
}

static void
test_markers_decode_with_zbar(void **state)
{
	char	text[64];
	size_t	i;
	int	n, markers = 0;

	for (i = 0; i < nframes; i++) {
		n = zbar_read(frames[i].rel, text, sizeof text);
		if (strcmp(frames[i].section, "markers") == 0) {
			if (n != 1 || strcmp(text, frames[i].key) != 0)
				fail_msg("%s: read %d codes (\"%s\"), want %s",
				    frames[i].rel, n, text, frames[i].key);
			markers++;
		} else if (n != 0)
			fail_msg("%s: a code (\"%s\") in a frame that is no "
			    "marker", frames[i].rel, text);
	}
	assert_int_equal(markers, 5);
}

static void
test_some_frames_stored_on_their_side(void **state)
{
	VipsImage	*in;
	char		 path[512];
	size_t		 i;
	int		 qr = 0, portrait = 0, side;

	for (i = 0; i < nframes; i++) {
		join(path, sizeof path, card, frames[i].rel);
		in = vips_image_new_from_file(path, NULL);
		assert_non_null(in);
		assert_true(frames[i].orientation == 1 ||
		    frames[i].orientation == 6);
		side = frames[i].orientation == 6;
		/* Orientation 6: the stored pixels are turned a quarter. */
		assert_int_equal(vips_image_get_width(in), side ? 427 : 640);
		assert_int_equal(vips_image_get_height(in), side ? 640 : 427);
		g_object_unref(in);
		if (side && strcmp(frames[i].section, "markers") == 0)
			qr++;
		if (side && strcmp(frames[i].section, "sessions") == 0)
			portrait++;
	}
	assert_int_equal(qr, 1);
	assert_true(portrait >= 1);
}

static void
test_same_seed_same_card(void **state)
{
	char	 again[] = "/tmp/test-cardgen.XXXXXX", path[512];
	char	*json2, *a, *b;
	size_t	 count = 0, i, alen, blen;

	assert_non_null(mkdtemp(again));
	make_card(again, &count, 1);
	assert_int_equal(count, made);
	join(path, sizeof path, again, "expected.json");
	json2 = slurp(path, NULL);
	assert_string_equal(json2, json);
	/* Every frame the same, byte for byte, whatever the threads did. */
	for (i = 0; i < nframes; i++) {
		join(path, sizeof path, again, frames[i].rel);
		b = slurp(path, &blen);
		join(path, sizeof path, card, frames[i].rel);
		a = slurp(path, &alen);
		assert_int_equal(alen, blen);
		assert_memory_equal(a, b, alen);
		free(a);
		free(b);
	}
	free(json2);
	nftw(again, rm, 16, FTW_DEPTH | FTW_PHYS);
}

static void
test_bad_start_time_refused(void **state)
{
	struct cardgen_opts	 o;
	char			*cause = NULL, path[512];

	cardgen_opts_default(&o);
	o.start_time = "yesterday";
	join(path, sizeof path, card, "bad");
	assert_int_equal(cardgen_make(path, subjects, NSUBJ, &o, NULL,
	    &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "yesterday"));
	free(cause);
	assert_int_equal(access(path, F_OK), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_card_files_named_like_two_cameras),
		cmocka_unit_test(test_expected_lists_every_frame_once),
		cmocka_unit_test(test_exif_names_the_body),
		cmocka_unit_test(test_capture_times_per_body_interleaved),
		cmocka_unit_test(test_runs_follow_their_marker),
		cmocka_unit_test(test_markers_decode_with_zbar),
		cmocka_unit_test(test_some_frames_stored_on_their_side),
		cmocka_unit_test(test_same_seed_same_card),
		cmocka_unit_test(test_bad_start_time_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
