/* core/pspa: INDEX.TXT, README.TXT and COPYRIGHT.TXT (see pspa.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/pspa.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const char *const pspa_fields[] = {
	"Volume Name", "Image Folder", "Image File Name", "Grade",
	"Last Name", "First Name", "Home Room", "Period", "Teacher Name",
	"Track", "Department", "Title", "Image Size"
};
#define PSPA_NFIELDS (sizeof pspa_fields / sizeof pspa_fields[0])

const char *
pspa_size_label(int width, int height)
{
	if (width == 640 && height == 800)
		return "LARGE";
	if (width == 320 && height == 400)
		return "SMALL";
	return NULL;
}

/* One field: TAB, CR and LF become spaces. */
static void
pspa_field(struct strbuf *b, const char *v, int last)
{
	for (; v != NULL && *v != '\0'; v++)
		strbuf_addc(b, *v == '\t' || *v == '\r' || *v == '\n' ? ' ' :
		    *v);
	strbuf_adds(b, last ? "\r\n" : "\t");
}

char *
pspa_index(const struct pose_list *l, const unsigned char *ok,
    const char *volume, const char *size_label)
{
	struct strbuf b = STRBUF_INIT;
	size_t i;

	for (i = 0; i < PSPA_NFIELDS; i++)
		pspa_field(&b, pspa_fields[i], i + 1 == PSPA_NFIELDS);
	for (i = 0; i < l->n; i++) {
		const struct pose *p = &l->v[i];
		char *file;

		if (p->image_id == 0 || !ok[i])
			continue;
		file = xasprintf("%s.jpg", p->file);
		pspa_field(&b, volume, 0);
		pspa_field(&b, PSPA_FOLDER, 0);
		pspa_field(&b, file, 0);
		pspa_field(&b, p->grade, 0);
		pspa_field(&b, p->last_name, 0);
		pspa_field(&b, p->first_name, 0);
		pspa_field(&b, p->homeroom, 0);
		pspa_field(&b, "", 0);			/* Period */
		pspa_field(&b, p->teacher, 0);
		pspa_field(&b, "", 0);			/* Track */
		pspa_field(&b, "", 0);			/* Department */
		pspa_field(&b, "", 0);			/* Title: students */
		pspa_field(&b, size_label, 1);
		free(file);
	}
	return strbuf_take(&b);
}

char *
pspa_readme(const char *volume, const char *org, const char *studio,
    size_t nimages, int width, int height)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_addf(&b, "PSPA yearbook volume %s\r\n\r\n", volume);
	strbuf_addf(&b, "School: %s\r\n", org);
	if (studio != NULL && *studio != '\0')
		strbuf_addf(&b, "Photographer: %s\r\n", studio);
	strbuf_addf(&b, "Images: %zu, JPEG %dx%d RGB, in folder %s\r\n",
	    nimages, width, height, PSPA_FOLDER);
	strbuf_adds(&b, "Index: INDEX.TXT, tab-delimited, one header row, "
	    "UTF-8\r\n");
	return strbuf_take(&b);
}

char *
pspa_copyright(const char *studio, const char *copyright)
{
	if (copyright != NULL && *copyright != '\0')
		return xasprintf("%s\r\n", copyright);
	if (studio != NULL && *studio != '\0')
		return xasprintf("The images of this volume are copyright "
		    "%s. They are licensed to the school for its yearbook "
		    "only.\r\n", studio);
	return xstrdup("The images of this volume are copyright of the "
	    "photographer. They are licensed to the school for its yearbook "
	    "only.\r\n");
}
